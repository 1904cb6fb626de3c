import { randomBytes, randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { dropDatabase } from '../../src/infra/local-stack/database';
import { TemporalClientService } from '../../src/infra/temporal/temporal-client.service';
import { eventually, startApi } from '../fixtures/test-app';
import { authed, login, OrgFixture } from '../fixtures/org-fixture';
import {
  activityRuns,
  buildOrgFixtureIn,
  createMigratedDatabase,
  expectedAcceptInbox,
  fastPolicy,
  sleep,
  WorkerChild,
} from '../fixtures/reliability';

/**
 * Issue 4, proof 1: the worker process is SIGKILLed while cases climb the escalation ladder, with some escalation
 * activities provably in flight (their event and 督办单 committed, their notifications not yet written). A new worker
 * process finishes every case: each climbs to the top exactly once — no escalation, order or inbox message is lost
 * and none is written twice.
 *
 * The run has its own database (a short-clock policy version must not reach other test files), its own task queue
 * and BullMQ prefix (no other file's in-process worker may pick up these workflows or jobs).
 */
const CASES = 20;
const BLOCKED = 4; // cases whose first escalation is held in flight at the kill; below the worker's pg pool size (10)
const ACCEPT_SECONDS = 6;
const ORDER_SECONDS = 6;
const REMINDERS = 2;
const LEVELS = 3; // ladder of 4 rungs: 3 escalations reach the top

describe('worker process killed (SIGKILL) in the middle of escalations', () => {
  const suffix = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const adminUrl = process.env.GOVFLOW_TEST_ADMIN_DATABASE_URL as string;
  const database = `govflow_kill_${suffix}`;
  const env: Record<string, string> = {
    TEMPORAL_TASK_QUEUE: `worker-kill-${suffix}`,
    QUEUE_PREFIX: `worker-kill-${suffix}`,
  };
  let api: { app: INestApplication; url: string } | undefined;
  const workers: WorkerChild[] = [];
  let db: Client | undefined;
  let blocker: Client | undefined;
  let f: OrgFixture;
  const workflowIds: string[] = [];

  beforeAll(async () => {
    env.DATABASE_URL = await createMigratedDatabase(adminUrl, database);
    f = await buildOrgFixtureIn(env.DATABASE_URL);
    api = await startApi(env);
    db = new Client({ connectionString: env.DATABASE_URL });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    for (const w of workers) await w.kill();
    await blocker?.query('ROLLBACK').catch(() => undefined);
    await blocker?.end().catch(() => undefined);
    if (api) {
      const temporal = api.app.get(TemporalClientService).client;
      await Promise.all(
        workflowIds.map((id) =>
          temporal.workflow
            .getHandle(id)
            .terminate('worker-kill test over')
            .catch(() => undefined),
        ),
      );
    }
    await api?.app.close();
    await db?.end();
    await dropDatabase(adminUrl, database).catch(() => undefined);
  }, 30_000);

  const count = async (sql: string, params: unknown[]) => ((await db!.query(sql, params)).rows[0] as { n: number }).n;
  const escalatedLevels = async (caseIds: string[]) =>
    (
      await db!.query(
        `SELECT case_id, (data->>'level')::int AS level FROM case_event WHERE kind = 'ESCALATED' AND case_id = ANY($1::uuid[])`,
        [caseIds],
      )
    ).rows as { case_id: string; level: number }[];
  const lockWaiters = async () =>
    (
      await db!.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      )
    ).rows as { pid: number }[];

  it('loses none and duplicates none', async () => {
    const admin = (await login(api!.url, f.people.admin.username)).accessToken;
    const published = await fetch(
      `${api!.url}/api/v1/policies/request-loop/versions`,
      authed(admin, {
        method: 'POST',
        body: JSON.stringify({
          ...fastPolicy({
            acceptSeconds: ACCEPT_SECONDS,
            reminderFractions: [0.3, 0.6],
            orderSeconds: [60, ORDER_SECONDS, ORDER_SECONDS, 60],
          }),
          note: 'worker-kill',
        }),
      }),
    );
    expect(published.status).toBe(201);
    const policyVersion = ((await published.json()) as { version: number }).version;

    workers.push(await WorkerChild.start(env));
    const first = workers[0];

    // A transaction that holds, uncommitted, the inbox row the first escalation of some cases will insert for the grid
    // worker: those activities commit their event and 督办单, then block in the middle of their notification fan-out.
    blocker = new Client({ connectionString: env.DATABASE_URL });
    await blocker.connect();
    await blocker.query('BEGIN');

    const worker = (await login(api!.url, f.people.gridWorkerG1.username)).accessToken;
    const cases: { id: string; workflowId: string }[] = [];
    for (let i = 0; i < CASES; i++) {
      const res = await fetch(
        `${api!.url}/api/v1/cases`,
        authed(worker, {
          method: 'POST',
          body: JSON.stringify({
            requestKey: `kill-${randomUUID()}`,
            channel: 'HOTLINE',
            category: f.category,
            description: `强杀测试-${i}`,
            address: f.addresses.G1,
            reporterPhone: '13900000000',
          }),
        }),
      );
      expect(res.status).toBe(201);
      const body = (await res.json()) as { id: string; workflowId: string; policyVersion: number };
      expect(body.policyVersion).toBe(policyVersion);
      cases.push(body);
      workflowIds.push(body.workflowId);
      if (i < BLOCKED) {
        await blocker.query(
          `INSERT INTO inbox_message (id, recipient_id, template, title, body, dedup_key) VALUES (gen_random_uuid(), $1, 'test.blocker', '-', '-', $2)`,
          [f.people.gridWorkerG1.id, `${body.workflowId}:accept:escalation:1:${f.people.gridWorkerG1.id}`],
        );
      }
    }
    const ids = cases.map((c) => c.id);
    const blockedIds = ids.slice(0, BLOCKED);

    // Kill once every case has escalated once — the blocked ones are then mid-activity — and before any reached the top.
    await eventually(
      async () => {
        const levels = await escalatedLevels(ids);
        return new Set(levels.map((l) => l.case_id)).size === CASES && (await lockWaiters()).length === BLOCKED;
      },
      'every case escalated once, the blocked ones stuck in their notification',
      30_000,
    );
    await first.kill();
    const atKill = await escalatedLevels(ids);
    expect(atKill.length).toBeLessThan(CASES * LEVELS);
    expect(atKill.filter((l) => blockedIds.includes(l.case_id)).map((l) => l.level)).toEqual(Array(BLOCKED).fill(1));

    // The dead worker's sessions go away (as when the database notices the closed sockets), then the rows are released:
    // nothing the killed activities had not written yet gets written now.
    const zombies = await lockWaiters();
    expect(zombies).toHaveLength(BLOCKED);
    for (const { pid } of zombies) await db!.query('SELECT pg_terminate_backend($1)', [pid]);
    await blocker.query('ROLLBACK');
    await blocker.end();
    blocker = undefined;
    // What the killed activities left undone is still undone: only a retry can write it.
    expect(
      await count(`SELECT count(*)::int AS n FROM inbox_message WHERE dedup_key = ANY($1::text[])`, [
        cases.slice(0, BLOCKED).map((c) => `${c.workflowId}:accept:escalation:1:${f.people.gridWorkerG1.id}`),
      ]),
    ).toBe(0);

    await sleep(3_000); // timers lapse while no worker runs
    workers.push(await WorkerChild.start(env));

    const expectedMessages = cases.reduce(
      (n, c) => n + expectedAcceptInbox(f, c.workflowId, REMINDERS, LEVELS).length,
      0,
    );
    // A timeout here is no verdict of its own: the per-case assertions below then name what is missing.
    await eventually(
      async () => {
        const escalations = (await escalatedLevels(ids)).length;
        const messages = await count(
          `SELECT count(*)::int AS n FROM inbox_message WHERE dedup_key LIKE ANY($1::text[])`,
          [cases.map((c) => `${c.workflowId}:%`)],
        );
        return escalations === CASES * LEVELS && messages >= expectedMessages;
      },
      'every case at the top of the ladder with all its messages',
      75_000,
    ).catch((err: Error) => {
      console.warn(`${err.message}; restarted worker's output:\n${workers[1].tail()}`);
    });
    await sleep(1_000); // anything written twice or past the top would show up now

    for (const c of cases) {
      const events = (
        await db!.query(`SELECT kind, dedup_key, data FROM case_event WHERE case_id = $1 ORDER BY seq`, [c.id])
      ).rows as { kind: string; dedup_key: string; data: { level?: number; levelName?: string } }[];
      expect(events.map((e) => e.kind)).toEqual([
        'REPORTED',
        'REMINDED',
        'REMINDED',
        'ESCALATED',
        'ESCALATED',
        'ESCALATED',
      ]);
      const escalations = events.filter((e) => e.kind === 'ESCALATED');
      expect(escalations.map((e) => [e.data.level, e.data.levelName])).toEqual([
        [1, 'COMMUNITY'],
        [2, 'STREET_DEPARTMENT'],
        [3, 'DISTRICT_SUPERVISION'],
      ]);
      const orders = (
        await db!.query(`SELECT level, dedup_key FROM supervision_order WHERE case_id = $1 ORDER BY opened_at`, [c.id])
      ).rows;
      expect(orders).toEqual(escalations.map((e) => ({ level: e.data.levelName, dedup_key: e.dedup_key })));
      expect(
        await count(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'case.escalate' AND entity_id = $1`, [
          c.id,
        ]),
      ).toBe(LEVELS);
      expect(await count(`SELECT escalation_level AS n FROM request_case WHERE id = $1`, [c.id])).toBe(LEVELS);
      const inbox = (
        await db!.query(`SELECT dedup_key FROM inbox_message WHERE dedup_key LIKE $1 ORDER BY dedup_key`, [
          `${c.workflowId}:%`,
        ])
      ).rows.map((r: { dedup_key: string }) => r.dedup_key);
      expect(inbox).toEqual(expectedAcceptInbox(f, c.workflowId, REMINDERS, LEVELS));
    }

    // Temporal's side: every escalation recorded once (the new worker replayed, it did not redo), no workflow task
    // failed on replay, and each held escalation (a local activity) was recorded by the workflow task after the one
    // the killed worker lost — the re-run that wrote what was missing.
    const temporal = api!.app.get(TemporalClientService).client;
    for (const c of cases) {
      const { activities, workflowTaskFailures } = await activityRuns(temporal, c.workflowId);
      expect(workflowTaskFailures).toBe(0);
      const escalations = activities.filter((a) => a.name === 'escalateCase');
      expect(escalations.map((a) => [a.local, a.completed])).toEqual([
        [true, true],
        [true, true],
        [true, true],
      ]);
      if (blockedIds.includes(c.id)) expect(escalations[0].afterLostTask).toBe(true);
    }
  }, 300_000);
});
