import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { WorkflowHandle } from '@temporalio/client';
import { Client } from 'pg';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/load-config';
import type { Prisma } from '../../src/generated/prisma/client';
import { PolicyMigrationProgressService } from '../../src/modules/policy-migration/policy-migration-progress.service';
import { PolicyMigrationRepository } from '../../src/modules/policy-migration/policy-migration.repository';
import type { StoredFilters } from '../../src/modules/policy-migration/policy-migration.repository';
import { ProcessPolicyService } from '../../src/modules/policy/policy.service';
import { DEFAULT_REQUEST_LOOP_POLICY } from '../../src/modules/policy/request-loop-policy.defaults';
import { RequestLoopPolicy, resolutionLimitFor } from '../../src/modules/policy/request-loop-policy.schema';
import { CN_2026_HOLIDAYS, calendarFromFestivals, deadlineWithPauses } from '../../src/shared/calendar';
import type { Limit } from '../../src/shared/calendar';
import type { ProjectableClock } from '../../src/shared/process/clock-projection';
import {
  clocksWithPausesQuery,
  migratePolicySignal,
  PolicyMigrationSignal,
} from '../../workflows/policy-migration.handlers';
import { policyMigrationWorkflow } from '../../workflows/policy-migration.workflow';
import {
  acceptUpdate,
  closeUpdate,
  clocksQuery,
  markHandledUpdate,
  provideInfoUpdate,
  requestCaseWorkflow,
  RequestCaseInput,
  requestInfoUpdate,
} from '../../workflows/request-case.workflow';
import { buildOrgFixture, OrgFixture } from '../fixtures/org-fixture';
import { eventually } from '../fixtures/test-app';
import { createTestWorker, timeSkippingServerPerTest } from '../fixtures/time-skipping';
import { recordHistory } from '../fixtures/history-recorder';

const policy = DEFAULT_REQUEST_LOOP_POLICY;
const calendar = calendarFromFestivals(CN_2026_HOLIDAYS);
const fifteenDays: Limit = { unit: 'workingDays', amount: 15 };

describe('policy migration on the time-skipping server', () => {
  const ts = timeSkippingServerPerTest();
  let services: INestApplicationContext | undefined;
  let db: Client;
  let f: OrgFixture;

  beforeAll(async () => {
    f = await buildOrgFixture();
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterEach(async () => {
    await services?.close();
    services = undefined;
  });
  afterAll(async () => {
    await db?.end();
  });

  // The migration's activities signal case workflows through the app's Temporal client: point it at this test's server.
  async function servicesOnTestServer(): Promise<INestApplicationContext> {
    services = await NestFactory.createApplicationContext(
      AppModule.forRoot(loadConfig({ ...process.env, TEMPORAL_ADDRESS: ts.env.address })),
      { logger: false },
    );
    return services;
  }

  const record = (name: string, handle: WorkflowHandle, queries: string[]) => recordHistory(name, handle, queries);

  async function newCase(taskQueue: string, options: { start?: boolean; category?: string } = {}) {
    const id = randomUUID();
    const workflowId = `case-${id}`;
    const category = options.category ?? f.category;
    await db.query(
      `INSERT INTO request_case (id, case_no, request_key, workflow_id, channel, category, description, address, grid_id, community_id,
        street_id, reporter_phone, urgency, status, policy_version, accept_deadline, accountable_unit_id)
      VALUES ($1, $2, $3, $4, 'HOTLINE', $5, '路灯不亮', $6, $7, $8, $9, '13800000000', 'NORMAL', 'REPORTED', 1, now(), $7)`,
      [
        id,
        `SQ-PM-${id.slice(0, 8)}`,
        `pm-${id}`,
        workflowId,
        category,
        f.addresses.G1,
        f.units.G1.id,
        f.units.C1.id,
        f.units.S1.id,
      ],
    );
    const input: RequestCaseInput = {
      caseId: id,
      category,
      urgency: 'NORMAL',
      acceptLimit: policy.clocks.accept.limit,
      resolutionLimit: resolutionLimitFor(policy, category),
      reminderFractions: policy.reminders.fractions,
      ladder: policy.escalation.ladder,
      calendar,
      extension: policy.extension,
    };
    const handle = ts.env.client.workflow.getHandle<typeof requestCaseWorkflow>(workflowId);
    if (options.start !== false)
      await ts.env.client.workflow.start(requestCaseWorkflow, { workflowId, taskQueue, args: [input] });
    return { id, workflowId, handle };
  }

  /** A real next version: closing a case reads its version's rating window. */
  async function publish(app: INestApplicationContext, edit: (p: RequestLoopPolicy) => void): Promise<number> {
    const target = structuredClone(DEFAULT_REQUEST_LOOP_POLICY) as RequestLoopPolicy;
    edit(target);
    const admin = {
      personId: f.people.admin.id,
      kind: 'STAFF' as const,
      name: 'admin',
      phone: f.people.admin.phone,
      positions: [
        {
          positionId: randomUUID(),
          role: 'ADMIN' as const,
          unitId: f.units.D.id,
          unitKind: 'DISTRICT' as const,
          scopeUnitId: f.units.D.id,
        },
      ],
    };
    return (await app.get(ProcessPolicyService).create(admin, 'request-loop', target, '迁移测试')).version;
  }

  const signalOf = (over: Partial<PolicyMigrationSignal>): PolicyMigrationSignal => ({
    migrationId: randomUUID(),
    fromVersion: 1,
    policyVersion: 1,
    actorId: f.people.admin.id,
    acceptLimit: policy.clocks.accept.limit,
    resolutionLimit: fifteenDays,
    firstResponseLimit: policy.clocks.firstResponse.limit,
    reminderFractions: [0.5, 0.8],
    ladder: policy.escalation.ladder,
    extension: policy.extension,
    ...over,
  });
  const migratedEvents = async (caseId: string) =>
    (
      await db.query(
        "SELECT data, actor_id FROM case_event WHERE case_id = $1 AND kind = 'POLICY_MIGRATED' ORDER BY seq",
        [caseId],
      )
    ).rows as { data: Record<string, unknown>; actor_id: string }[];

  it('re-projects a running resolution clock from its original start with the pause kept, and ignores a second delivery', async () => {
    const taskQueue = 'ts-policy-migration-case';
    const app = await servicesOnTestServer();
    const { id, workflowId, handle } = await newCase(taskQueue);
    const actor = { actorId: f.people.gridWorkerG1.id };
    const version = await publish(app, (p) => {
      p.categoryLimits = { [f.category]: 'complex' };
    });
    const migration = signalOf({ policyVersion: version });
    await (
      await createTestWorker(ts.env, app, taskQueue)
    ).runUntil(async () => {
      await handle.executeUpdate(acceptUpdate, { args: [actor] });
      await handle.executeUpdate(requestInfoUpdate, { args: [{ ...actor, note: '请补充照片' }] });
      await ts.env.sleep('10 days'); // ten days always hold working time, whatever the calendar
      await handle.executeUpdate(provideInfoUpdate, { args: [{ note: '照片已补充' }] });
      const before = (await handle.query(clocksWithPausesQuery)).find(
        (c) => c.name === 'resolution',
      ) as ProjectableClock;
      expect(before.pauses).toHaveLength(1);

      await handle.signal(migratePolicySignal, migration);
      const after = (await handle.query(clocksWithPausesQuery)).find(
        (c) => c.name === 'resolution',
      ) as ProjectableClock;
      const start = Date.parse(before.startedAt);
      const withPause = deadlineWithPauses(calendar, start, fifteenDays, before.pauses ?? [], 0);
      expect(withPause).toBeGreaterThan(deadlineWithPauses(calendar, start, fifteenDays, [], 0));
      expect(after).toMatchObject({
        startedAt: before.startedAt,
        pausedMs: before.pausedMs,
        state: 'running',
        deadline: new Date(withPause).toISOString(),
      });
      const accept = (await handle.query(clocksQuery)).find((c) => c.name === 'accept');
      expect(accept?.state).toBe('met');

      // the same migration again, even with other limits: nothing moves, nothing is written twice
      await handle.signal(migratePolicySignal, { ...migration, resolutionLimit: { unit: 'workingDays', amount: 30 } });
      expect((await handle.query(clocksQuery)).find((c) => c.name === 'resolution')?.deadline).toBe(after.deadline);
      await handle.executeUpdate(markHandledUpdate, { args: [{ ...actor, reply: '已修复' }] });
      await handle.executeUpdate(closeUpdate, { args: [actor] });
      expect(await handle.result()).toBe('CLOSED');
      await record('request-case-policy-migration', handle, ['clocks', 'clocksWithPauses']);
    });

    const events = await migratedEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0].actor_id).toBe(f.people.admin.id);
    expect(events[0].data).toMatchObject({
      migrationId: migration.migrationId,
      fromVersion: 1,
      toVersion: version,
      clocks: [
        { clock: 'accept', applies: false, reason: '该时限已达成，新时限不再适用' },
        { clock: 'resolution', applies: true, to: expect.any(String) },
      ],
    });
    const row = (await db.query('SELECT policy_version, resolve_deadline FROM request_case WHERE id = $1', [id]))
      .rows[0];
    expect(row.policy_version).toBe(version);
    expect(row.resolve_deadline.toISOString()).toBe((events[0].data.clocks as { to: string }[])[1].to);
    const audit = await db.query(
      "SELECT actor_id FROM audit_entry WHERE action = 'case.policy_migrated' AND entity_id = $1 AND workflow_id = $2",
      [id, workflowId],
    );
    expect(audit.rows).toEqual([{ actor_id: f.people.admin.id }]);
  });

  it('works through the cases in batches from the stored cursor, across continue-as-new, skipping closed and ended cases with reasons', async () => {
    const app = await servicesOnTestServer();
    const taskQueue = 'ts-policy-migration';
    const category = `迁移-${randomUUID().slice(0, 8)}`;
    const version = await publish(app, (p) => {
      p.clocks.accept.limit = { unit: 'minutes', amount: 30 };
    });

    const worker = await createTestWorker(ts.env, app, taskQueue);
    const closed = await newCase(taskQueue, { category });
    const ended = await newCase(taskQueue, { category, start: false }); // its workflow is gone (never started here)
    let running: Awaited<ReturnType<typeof newCase>>[] = [];
    const repository = app.get(PolicyMigrationRepository);
    const filters: StoredFilters = {
      category,
      unitId: f.units.C1.id,
      states: ['REPORTED', 'CLOSED'],
      scopeRoots: null,
    };
    const migrationId = randomUUID();
    const migrationWorkflowId = `policy-migration-${migrationId}`;

    await worker.runUntil(async () => {
      const by = { actorId: f.people.gridWorkerG1.id };
      await closed.handle.executeUpdate(acceptUpdate, { args: [by] });
      await closed.handle.executeUpdate(markHandledUpdate, { args: [{ ...by, reply: '已处置' }] });
      await closed.handle.executeUpdate(closeUpdate, { args: [by] });
      expect(await closed.handle.result()).toBe('CLOSED');
      // started once the closed case is done: awaiting its result let time skip, which would have run their clocks out
      running = await Promise.all([newCase(taskQueue, { category }), newCase(taskQueue, { category })]);
      await repository.transaction((tx) =>
        repository.create(
          {
            id: migrationId,
            process: 'request-loop',
            toVersion: version,
            filters: filters as unknown as Prisma.InputJsonValue,
            total: 4,
            workflowId: migrationWorkflowId,
            createdBy: f.people.admin.id,
          },
          tx,
        ),
      );

      // a worker got through the first batch, then crashed: the workflow carries on after the stored cursor
      const progress = app.get(PolicyMigrationProgressService);
      expect(await progress.runBatch(migrationId, 1)).toEqual({ done: false, processed: 1 });
      const handle = await ts.env.client.workflow.start(policyMigrationWorkflow, {
        workflowId: migrationWorkflowId,
        taskQueue,
        args: [{ migrationId, batchSize: 1, batchesPerRun: 2 }],
      });
      const done = await eventually(async () => {
        const row = (await db.query('SELECT * FROM policy_migration WHERE id = $1', [migrationId])).rows[0];
        return row.status === 'COMPLETED' ? row : null;
      }, 'the migration to complete');
      expect(done).toMatchObject({
        total: 4,
        migrated: 2,
        skipped: 2,
        cursor: [...running, closed, ended]
          .map((c) => c.id)
          .sort()
          .at(-1),
      });
      expect(await progress.runBatch(migrationId, 1)).toEqual({ done: true, processed: 0 });
      // at least one continue-as-new: the latest run is not the first
      const description = await handle.describe();
      expect(description.runId).not.toBe(handle.firstExecutionRunId);

      for (const c of running) {
        await eventually(async () => (await migratedEvents(c.id)).length === 1, 'the case to record its migration');
        const accept = (await c.handle.query(clocksQuery)).find((k) => k.name === 'accept');
        expect(accept).toMatchObject({
          state: 'running',
          deadline: new Date(Date.parse(accept?.startedAt as string) + 30 * 60_000).toISOString(),
        });
      }
      await record('policy-migration', ts.env.client.workflow.getHandle(migrationWorkflowId), []);
      for (const c of running) await c.handle.terminate('test over');
    });

    const outcomes = (
      await db.query('SELECT case_id, outcome, reason FROM policy_migration_case WHERE migration_id = $1', [
        migrationId,
      ])
    ).rows;
    expect(
      Object.fromEntries(
        outcomes.map((o: { case_id: string; outcome: string; reason: string | null }) => [
          o.case_id,
          [o.outcome, o.reason],
        ]),
      ),
    ).toEqual({
      [running[0].id]: ['MIGRATED', null],
      [running[1].id]: ['MIGRATED', null],
      [closed.id]: ['SKIPPED', '诉求已办结，保持原策略版本'],
      [ended.id]: ['SKIPPED', '诉求流程已结束或不存在，保持原策略版本'],
    });
    const versions = await db.query('SELECT id, policy_version FROM request_case WHERE id = ANY($1::uuid[])', [
      [...running, closed, ended].map((c) => c.id),
    ]);
    expect(
      Object.fromEntries(versions.rows.map((r: { id: string; policy_version: number }) => [r.id, r.policy_version])),
    ).toEqual({
      [running[0].id]: version,
      [running[1].id]: version,
      [closed.id]: 1,
      [ended.id]: 1,
    });
    expect(await migratedEvents(closed.id)).toEqual([]);
  });
});
