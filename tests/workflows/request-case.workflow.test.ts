import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { Client } from 'pg';
import { DEFAULT_REQUEST_LOOP_POLICY } from '../../src/modules/policy/request-loop-policy.defaults';
import { RequestCaseProgressService } from '../../src/modules/request-case/request-case-progress.service';
import {
  acceptUpdate,
  closeUpdate,
  clocksQuery,
  decideExtensionUpdate,
  disputeUpdate,
  markHandledUpdate,
  progressUpdate,
  provideInfoUpdate,
  departmentContactedUpdate,
  mergeUpdate,
  reassignUpdate,
  requestCaseWorkflow,
  RequestCaseInput,
  requestExtensionUpdate,
  requestInfoUpdate,
  returnUpdate,
} from '../../workflows/request-case.workflow';
import { buildOrgFixture, OrgFixture } from '../fixtures/org-fixture';
import { ProcessState } from '../../src/shared/search-attributes';
import { convertToMediationUpdate } from '../../workflows/mediation-conversion.handlers';
import { caseInput, insertCaseRow, seatLeaders, SIDE_CLOCKS } from '../fixtures/request-case-intake';
import { createTestWorker, startServices, timeSkippingServerPerTest } from '../fixtures/time-skipping';
import { recordHistory } from '../fixtures/history-recorder';

const policy = DEFAULT_REQUEST_LOOP_POLICY;
const { EventType } = temporal.api.enums.v1;

describe('requestCaseWorkflow on the time-skipping server', () => {
  const ts = timeSkippingServerPerTest();
  let services: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  const taskQueue = 'ts-request-case';
  const extra: Record<string, string> = {};

  beforeAll(async () => {
    [services, f] = await Promise.all([startServices(), buildOrgFixture()]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    Object.assign(extra, await seatLeaders(db, f));
  });
  afterAll(async () => {
    await Promise.all([services?.close(), db?.end()]);
  });

  // runUntil shuts its worker down, so each test gets its own.
  const newWorker = () => createTestWorker(ts.env, services, taskQueue);

  async function newCase(options: { start: boolean; extra?: Partial<RequestCaseInput> } = { start: true }) {
    const { id, workflowId } = await insertCaseRow(db, f, { caseNoPrefix: 'SQ-T', description: '路灯不亮' });
    const input = caseInput(f, id, options.extra);
    if (!options.start) return { id, workflowId, handle: ts.env.client.workflow.getHandle(workflowId) };
    const handle = await ts.env.client.workflow.start(requestCaseWorkflow, { workflowId, taskQueue, args: [input] });
    return { id, workflowId, handle };
  }

  const events = async (caseId: string) =>
    (await db.query('SELECT kind FROM case_event WHERE case_id = $1 ORDER BY seq', [caseId])).rows.map(
      (r: { kind: string }) => r.kind,
    );
  const messages = async (personId: string, workflowId: string) =>
    (
      await db.query(
        'SELECT template FROM inbox_message WHERE recipient_id = $1 AND dedup_key LIKE $2 ORDER BY created_at',
        [personId, `${workflowId}:%`],
      )
    ).rows.map((r: { template: string }) => r.template);

  it('nobody accepts: reminders once each, then up the ladder one rung per lapse, never past the top', async () => {
    const { id, workflowId, handle } = await newCase();
    await (
      await newWorker()
    ).runUntil(async () => {
      await ts.env.sleep('40 days');
      const clocks = await handle.query(clocksQuery);
      expect(clocks).toEqual([expect.objectContaining({ name: 'accept', state: 'lapsed', escalationLevel: 3 })]);
      await handle.terminate('test over');
    });
    // the reminders and escalations ran inside the workflow tasks that decided them: markers, no activity tasks
    const history = await handle.fetchHistory();
    const kinds = (history.events ?? []).map((e) => e.eventType);
    expect(kinds).not.toContain(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    const steps = (history.events ?? []).filter(
      (e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity',
    );
    expect(steps).toHaveLength(2 + 3);
    await recordHistory('request-case-local-steps-lapsed', history, ['clocks']);

    expect(await events(id)).toEqual(['REMINDED', 'REMINDED', 'ESCALATED', 'ESCALATED', 'ESCALATED']);
    const orders = await db.query(
      'SELECT level, clock, deadline FROM supervision_order WHERE case_id = $1 ORDER BY opened_at',
      [id],
    );
    expect(orders.rows.map((o: { level: string }) => o.level)).toEqual([
      'COMMUNITY',
      'STREET_DEPARTMENT',
      'DISTRICT_SUPERVISION',
    ]);
    const row = await db.query('SELECT status, escalation_level FROM request_case WHERE id = $1', [id]);
    expect(row.rows[0]).toEqual({ status: 'REPORTED', escalation_level: 3 });

    expect(await messages(f.people.gridWorkerG1.id, workflowId)).toEqual([
      'request.reminder',
      'request.reminder',
      'request.escalation',
    ]);
    expect(await messages(f.people.secretaryC1.id, workflowId)).toEqual(['request.escalation', 'request.escalation']);
    expect(await messages(extra.streetLeader, workflowId)).toEqual(['request.escalation', 'request.escalation']);
    expect(await messages(extra.districtSupervisor, workflowId)).toEqual(['request.escalation']);
  });

  it('happy path: accept → handled → close; both clocks met, nothing escalated', async () => {
    const { id, workflowId, handle } = await newCase();
    const result = await (
      await newWorker()
    ).runUntil(async () => {
      await ts.env.sleep('3 minutes');
      expect(await handle.executeUpdate(acceptUpdate, { args: [{ actorId: f.people.gridWorkerG1.id }] })).toBe(
        'ACCEPTED',
      );
      expect(
        await handle.executeUpdate(markHandledUpdate, {
          args: [{ actorId: f.people.gridWorkerG1.id, reply: '已更换灯泡' }],
        }),
      ).toBe('HANDLED');
      expect(await handle.executeUpdate(closeUpdate, { args: [{ actorId: f.people.gridWorkerG1.id }] })).toBe('CLOSED');
      return handle.result();
    });
    expect(result).toBe('CLOSED');

    const clocks = await (await newWorker()).runUntil(handle.query(clocksQuery));
    expect(clocks.map((c) => [c.name, c.state, c.escalationLevel])).toEqual([
      ['accept', 'met', 0],
      ['resolution', 'met', 0],
    ]);
    expect(await events(id)).toEqual(['REMINDED', 'ACCEPTED', 'HANDLED', 'CLOSED']);
    const row = await db.query(
      'SELECT status, escalation_level, accepted_at, handled_at, closed_at, resolve_deadline FROM request_case WHERE id = $1',
      [id],
    );
    expect(row.rows[0]).toMatchObject({
      status: 'CLOSED',
      escalation_level: 0,
      accepted_at: expect.any(Date),
      handled_at: expect.any(Date),
      closed_at: expect.any(Date),
      resolve_deadline: expect.any(Date),
    });
    expect(
      (await db.query('SELECT count(*)::int AS n FROM supervision_order WHERE case_id = $1', [id])).rows[0].n,
    ).toBe(0);
    const handledEvent = await db.query(
      "SELECT note, actor_id FROM case_event WHERE case_id = $1 AND kind = 'HANDLED'",
      [id],
    );
    expect(handledEvent.rows).toEqual([{ note: '已更换灯泡', actor_id: f.people.gridWorkerG1.id }]);

    await recordHistory('request-case-local-steps', handle);
    expect(workflowId).toBe(`case-${id}`);
  });

  it('an illegal transition (close before handled) is rejected with ILLEGAL_TRANSITION and changes nothing', async () => {
    const { id, handle } = await newCase();
    await (
      await newWorker()
    ).runUntil(async () => {
      const err = await handle.executeUpdate(closeUpdate, { args: [{}] }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((err as WorkflowUpdateFailedError).cause).toMatchObject({
        type: 'ILLEGAL_TRANSITION',
        message: expect.stringContaining('不能办结'),
      });
      const handled = await handle
        .executeUpdate(markHandledUpdate, { args: [{ reply: '无' }] })
        .catch((e: unknown) => e);
      expect((handled as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'ILLEGAL_TRANSITION' });
      expect((await handle.query(clocksQuery)).map((c) => c.state)).toEqual(['running']);
      await handle.terminate('test over');
    });
    expect(await events(id)).toEqual([]);
    expect((await db.query('SELECT status FROM request_case WHERE id = $1', [id])).rows[0].status).toBe('REPORTED');
  });

  it('a retried activity writes each event, order and message once', async () => {
    // no workflow: a started-then-terminated execution without a worker stalls the time-skipping server's clock
    const { id } = await newCase({ start: false });
    const progress = services.get(RequestCaseProgressService);
    const workflowId = `case-retry-${id}`;
    const step = { caseId: id, step: 'accept', status: 'ACCEPTED' as const, actorId: f.people.gridWorkerG1.id };
    expect(await progress.recordTransition(workflowId, step)).toEqual({ created: true });
    expect(await progress.recordTransition(workflowId, step)).toEqual({ created: false });
    const escalation = {
      caseId: id,
      clock: 'resolution' as const,
      level: 1,
      step: policy.escalation.ladder[1],
      missed: policy.escalation.ladder[0],
      lapsedDeadlineMs: Date.now(),
      orderDeadlineMs: Date.now() + 86_400_000,
    };
    await progress.escalate(workflowId, escalation);
    await progress.escalate(workflowId, escalation);
    await progress.sendReminder(workflowId, {
      caseId: id,
      clock: 'resolution',
      index: 0,
      percent: 50,
      deadlineMs: Date.now(),
    });
    await progress.sendReminder(workflowId, {
      caseId: id,
      clock: 'resolution',
      index: 0,
      percent: 50,
      deadlineMs: Date.now(),
    });

    expect(await events(id)).toEqual(['ACCEPTED', 'ESCALATED', 'REMINDED']);
    expect(
      (await db.query('SELECT count(*)::int AS n FROM supervision_order WHERE case_id = $1', [id])).rows[0].n,
    ).toBe(1);
    expect(await messages(f.people.secretaryC1.id, workflowId)).toEqual(['request.escalation']);
    expect(await messages(f.people.gridWorkerG1.id, workflowId)).toEqual(['request.escalation', 'request.reminder']);
    const audits = await db.query('SELECT action FROM audit_entry WHERE workflow_id = $1 ORDER BY at', [workflowId]);
    expect(audits.rows.map((r: { action: string }) => r.action)).toEqual(['case.accept', 'case.escalate']);
  });

  it('a retried older step that lands after a newer one keeps its timeline entry but does not move the case back', async () => {
    const { id } = await newCase({ start: false });
    const progress = services.get(RequestCaseProgressService);
    const workflowId = `case-stale-${id}`;
    const by = { caseId: id, actorId: f.people.gridWorkerG1.id };
    await progress.recordTransition(workflowId, { ...by, step: 'accept', status: 'ACCEPTED' });
    await progress.recordTransition(workflowId, { ...by, step: 'handled-0', status: 'HANDLED', note: '已修好' });
    // the progress and info-request steps were retried while the case was being handled; their retries land now
    expect(await progress.recordTransition(workflowId, { ...by, step: 'progress', status: 'HANDLING' })).toEqual({
      created: true,
    });
    expect(
      await progress.recordTransition(workflowId, {
        ...by,
        step: 'wait-1',
        status: 'WAITING_RESIDENT',
        kind: 'INFO_REQUESTED',
      }),
    ).toEqual({ created: true });
    expect(
      await progress.recordTransition(workflowId, {
        ...by,
        step: 'wait-1',
        status: 'WAITING_RESIDENT',
        kind: 'INFO_REQUESTED',
      }),
    ).toEqual({ created: false });

    const row = await db.query('SELECT status, handled_at FROM request_case WHERE id = $1', [id]);
    expect(row.rows[0]).toEqual({ status: 'HANDLED', handled_at: expect.any(Date) });
    expect(await events(id)).toEqual(['ACCEPTED', 'HANDLED', 'HANDLING', 'INFO_REQUESTED']);
    // the newer steps still move it on
    await progress.recordTransition(workflowId, { ...by, step: 'close', status: 'CLOSED' });
    expect((await db.query('SELECT status FROM request_case WHERE id = $1', [id])).rows[0].status).toBe('CLOSED');
  });

  const failure = (err: unknown) => (err as WorkflowUpdateFailedError).cause;
  const actor = () => ({ actorId: f.people.gridWorkerG1.id });
  const deadlineOf = async (handle: Awaited<ReturnType<typeof newCase>>['handle'], name: string) =>
    Date.parse((await handle.query(clocksQuery)).find((c) => c.name === name)?.deadline as string);

  it('waiting on the resident pauses the resolution clock: ten idle days do not lapse a 7-working-day limit', async () => {
    const { id, handle } = await newCase();
    await (
      await newWorker()
    ).runUntil(async () => {
      await handle.executeUpdate(acceptUpdate, { args: [actor()] });
      const before = await deadlineOf(handle, 'resolution');
      expect(
        await handle.executeUpdate(requestInfoUpdate, { args: [{ ...actor(), note: '请提供漏水位置照片' }] }),
      ).toBe('WAITING_RESIDENT');
      expect((await db.query('SELECT status FROM request_case WHERE id = $1', [id])).rows[0].status).toBe(
        'WAITING_RESIDENT',
      );
      expect((await handle.query(clocksQuery))[1]).toMatchObject({ name: 'resolution', state: 'paused' });
      await ts.env.sleep('10 days');
      expect(await handle.executeUpdate(provideInfoUpdate, { args: [{ ...actor(), note: '照片已发群里' }] })).toBe(
        'HANDLING',
      );
      const after = (await handle.query(clocksQuery))[1];
      expect(after).toMatchObject({ state: 'running', escalationLevel: 0 });
      expect(Math.round(after.pausedMs / 60_000)).toBe(10 * 24 * 60);
      expect(Date.parse(after.deadline)).toBeGreaterThan(before + 7 * 86_400_000); // ten days idle return at least seven working days' worth
      const stored = (await db.query('SELECT resolve_deadline FROM request_case WHERE id = $1', [id])).rows[0]
        .resolve_deadline as Date;
      expect(stored.getTime()).toBe(Date.parse(after.deadline));
      await handle.terminate('test over');
    });
    expect((await events(id)).filter((k) => k !== 'REMINDED')).toEqual(['ACCEPTED', 'INFO_REQUESTED', 'INFO_PROVIDED']);
  });

  it('an approved extension moves the deadline by its working days; the policy caps requests and their number', async () => {
    const { id, handle } = await newCase();
    await (
      await newWorker()
    ).runUntil(async () => {
      await handle.executeUpdate(acceptUpdate, { args: [actor()] });
      const original = await deadlineOf(handle, 'resolution');
      await handle.executeUpdate(requestExtensionUpdate, {
        args: [{ ...actor(), workingDays: 3, reason: '需协调物业' }],
      });
      expect(
        failure(
          await handle
            .executeUpdate(requestExtensionUpdate, { args: [{ ...actor(), workingDays: 1, reason: '再延' }] })
            .catch((e: unknown) => e),
        ),
      ).toMatchObject({ type: 'VALIDATION_FAILED', message: '已有待审批的延期申请' });
      await handle.executeUpdate(decideExtensionUpdate, {
        args: [{ actorId: extra.districtSupervisor, approve: true, comment: '同意' }],
      });
      const extended = (await handle.query(clocksQuery))[1];
      expect(extended.extensionWorkingDays).toBe(3);
      expect(Date.parse(extended.deadline)).toBeGreaterThanOrEqual(original + 3 * 86_400_000);
      await handle.executeUpdate(requestExtensionUpdate, {
        args: [{ ...actor(), workingDays: 2, reason: '材料未齐' }],
      });
      await handle.executeUpdate(decideExtensionUpdate, {
        args: [{ actorId: extra.districtSupervisor, approve: false, comment: '不同意' }],
      });
      expect((await handle.query(clocksQuery))[1].extensionWorkingDays).toBe(3);
      await handle.executeUpdate(requestExtensionUpdate, { args: [{ ...actor(), workingDays: 1, reason: '第三次' }] });
      await handle.executeUpdate(decideExtensionUpdate, {
        args: [{ actorId: extra.districtSupervisor, approve: true }],
      });
      expect(
        failure(
          await handle
            .executeUpdate(requestExtensionUpdate, { args: [{ ...actor(), workingDays: 1, reason: '第四次' }] })
            .catch((e: unknown) => e),
        ),
      ).toMatchObject({ type: 'VALIDATION_FAILED', message: expect.stringContaining('上限') });
      expect(
        failure(
          await handle
            .executeUpdate(requestExtensionUpdate, { args: [{ ...actor(), workingDays: 99, reason: 'x' }] })
            .catch((e: unknown) => e),
        ),
      ).toMatchObject({ type: 'VALIDATION_FAILED' });
      await handle.terminate('test over');
    });
    expect((await events(id)).filter((k) => k !== 'REMINDED')).toEqual([
      'ACCEPTED',
      'EXTENSION_REQUESTED',
      'EXTENSION_APPROVED',
      'EXTENSION_REQUESTED',
      'EXTENSION_REJECTED',
      'EXTENSION_REQUESTED',
      'EXTENSION_APPROVED',
    ]);
  });

  it('a dispute reopens a handled case with a fresh clock; progress notes move it to HANDLING', async () => {
    const { id, handle } = await newCase();
    const result = await (
      await newWorker()
    ).runUntil(async () => {
      await handle.executeUpdate(acceptUpdate, { args: [actor()] });
      expect(await handle.executeUpdate(progressUpdate, { args: [{ ...actor(), note: '已联系物业' }] })).toBe(
        'HANDLING',
      );
      await handle.executeUpdate(markHandledUpdate, { args: [{ ...actor(), reply: '已修好' }] });
      expect(
        failure(
          await handle.executeUpdate(disputeUpdate, { args: [{ ...actor(), note: '' }] }).catch((e: unknown) => e),
        ),
      ).toMatchObject({ type: 'VALIDATION_FAILED' });
      expect(await handle.executeUpdate(disputeUpdate, { args: [{ ...actor(), note: '仍然漏水' }] })).toBe('HANDLING');
      await ts.env.sleep('1 minute');
      expect((await handle.query(clocksQuery)).map((c) => [c.name, c.state])).toEqual([
        ['accept', 'met'],
        ['resolution', 'met'],
        ['rework', 'running'],
      ]);
      await handle.executeUpdate(markHandledUpdate, { args: [{ ...actor(), reply: '已更换水管' }] });
      await handle.executeUpdate(closeUpdate, { args: [actor()] });
      return handle.result();
    });
    expect(result).toBe('CLOSED');
    expect((await events(id)).filter((k) => k !== 'REMINDED')).toEqual([
      'ACCEPTED',
      'PROGRESS',
      'HANDLING',
      'HANDLED',
      'DISPUTED',
      'HANDLED',
      'CLOSED',
    ]);
  });

  it('a case disputed twice gets the reminders, escalations and 督办单 of both rework clocks', async () => {
    const { id, workflowId, handle } = await newCase();
    const result = await (
      await newWorker()
    ).runUntil(async () => {
      await handle.executeUpdate(acceptUpdate, { args: [actor()] });
      for (const round of [1, 2]) {
        await handle.executeUpdate(markHandledUpdate, { args: [{ ...actor(), reply: `第${round}次答复` }] });
        await handle.executeUpdate(disputeUpdate, { args: [{ ...actor(), note: `第${round}次异议` }] });
        await ts.env.sleep('45 days'); // past both reminders, every rung of the ladder and the top rung's 督办单
        expect(
          (await handle.query(clocksQuery)).filter((c) => c.name === 'rework').map((c) => [c.state, c.escalationLevel]),
        ).toEqual(Array(round).fill(['lapsed', 3]));
      }
      await handle.executeUpdate(markHandledUpdate, { args: [{ ...actor(), reply: '已彻底修好' }] });
      await handle.executeUpdate(closeUpdate, { args: [actor()] });
      return handle.result();
    });
    expect(result).toBe('CLOSED');

    const reworkEvents = await db.query(
      "SELECT kind, count(*)::int AS n FROM case_event WHERE case_id = $1 AND data->>'clock' = 'rework' GROUP BY kind ORDER BY kind",
      [id],
    );
    expect(reworkEvents.rows).toEqual([
      { kind: 'ESCALATED', n: 6 },
      { kind: 'REMINDED', n: 4 },
    ]);
    const orders = await db.query(
      "SELECT level FROM supervision_order WHERE case_id = $1 AND clock = 'rework' ORDER BY opened_at",
      [id],
    );
    expect(orders.rows.map((o: { level: string }) => o.level)).toEqual([
      'COMMUNITY',
      'STREET_DEPARTMENT',
      'DISTRICT_SUPERVISION',
      'COMMUNITY',
      'STREET_DEPARTMENT',
      'DISTRICT_SUPERVISION',
    ]);
    const rework = async (personId: string) =>
      (
        await db.query(
          'SELECT template FROM inbox_message WHERE recipient_id = $1 AND dedup_key LIKE $2 ORDER BY created_at',
          [personId, `${workflowId}:rework%`],
        )
      ).rows.map((r: { template: string }) => r.template);
    expect(await rework(f.people.gridWorkerG1.id)).toEqual([
      'request.reminder',
      'request.reminder',
      'request.escalation',
      'request.reminder',
      'request.reminder',
      'request.escalation',
    ]);
    expect(await rework(extra.districtSupervisor)).toEqual(['request.escalation', 'request.escalation']);

    await recordHistory('request-case-local-steps-dispute-twice', handle);
  });

  it('returned as not ours: the dispatcher is told, the case is re-dispatched, and the first grid stays accountable until the new one accepts', async () => {
    const { id, workflowId, handle } = await newCase();
    await (
      await newWorker()
    ).runUntil(async () => {
      expect(
        failure(
          await handle.executeUpdate(returnUpdate, { args: [{ ...actor(), note: ' ' }] }).catch((e: unknown) => e),
        ),
      ).toMatchObject({ type: 'VALIDATION_FAILED' });
      expect(await handle.executeUpdate(returnUpdate, { args: [{ ...actor(), note: '属于G2网格' }] })).toBe('RETURNED');
      expect((await handle.query(clocksQuery))[0]).toMatchObject({ name: 'accept', state: 'running' }); // still waiting for someone to accept
      expect(
        failure(await handle.executeUpdate(acceptUpdate, { args: [actor()] }).catch((e: unknown) => e)),
      ).toMatchObject({ type: 'ILLEGAL_TRANSITION' });
      expect(
        await handle.executeUpdate(reassignUpdate, {
          args: [{ actorId: f.people.secretaryC1.id, gridId: f.units.G2.id }],
        }),
      ).toBe('REPORTED');
      const moved = (
        await db.query('SELECT grid_id, community_id, street_id, accountable_unit_id FROM request_case WHERE id = $1', [
          id,
        ])
      ).rows[0];
      expect(moved).toEqual({
        grid_id: f.units.G2.id,
        community_id: f.units.C2.id,
        street_id: f.units.S2.id,
        accountable_unit_id: f.units.G1.id,
      });
      await handle.executeUpdate(acceptUpdate, { args: [{ actorId: f.people.gridWorkerG2.id }] });
      expect(
        (await db.query('SELECT accountable_unit_id FROM request_case WHERE id = $1', [id])).rows[0]
          .accountable_unit_id,
      ).toBe(f.units.G2.id);
      await handle.terminate('test over');
    });
    expect((await events(id)).filter((k) => k !== 'REMINDED')).toEqual(['RETURNED', 'REASSIGNED', 'ACCEPTED']);
    expect(await messages(f.people.secretaryC1.id, workflowId)).toEqual(['request.returned']);
  });

  it('a merged duplicate stops its clocks and finishes', async () => {
    const target = await newCase({ start: false }); // only its row is needed to merge into
    const { id, handle } = await newCase();
    const result = await (
      await newWorker()
    ).runUntil(async () => {
      expect(
        failure(
          await handle.executeUpdate(mergeUpdate, { args: [{ ...actor(), intoCaseId: id }] }).catch((e: unknown) => e),
        ),
      ).toMatchObject({ type: 'VALIDATION_FAILED' });
      expect(await handle.executeUpdate(mergeUpdate, { args: [{ ...actor(), intoCaseId: target.id }] })).toBe('MERGED');
      return handle.result();
    });
    expect(result).toBe('MERGED');
    expect((await db.query('SELECT status, merged_into_id FROM request_case WHERE id = $1', [id])).rows[0]).toEqual({
      status: 'MERGED',
      merged_into_id: target.id,
    });
  });

  it('converted to a mediation dispute: every clock still running stops with the reason, and nothing reminds or escalates after', async () => {
    const { id, handle } = await newCase({ start: true, extra: SIDE_CLOCKS });
    const disputeId = randomUUID();
    const result = await (
      await newWorker()
    ).runUntil(async () => {
      await handle.executeUpdate(acceptUpdate, { args: [actor()] });
      await handle.executeUpdate(requestInfoUpdate, { args: [{ ...actor(), note: '请提供欠薪凭证' }] });
      expect(
        failure(
          await handle
            .executeUpdate(convertToMediationUpdate, { args: [{ ...actor(), disputeId: '', disputeNo: '' }] })
            .catch((e: unknown) => e),
        ),
      ).toMatchObject({ type: 'VALIDATION_FAILED', message: '请指定转入的矛盾纠纷' });
      expect(
        await handle.executeUpdate(convertToMediationUpdate, {
          args: [{ ...actor(), disputeId, disputeNo: 'TJ-T-0001' }],
        }),
      ).toBe('CONVERTED');
      // past every limit of the case, its reminders and the whole ladder: a running clock would have escalated three times
      await ts.env.sleep('40 days');
      expect((await handle.query(clocksQuery)).map((c) => [c.name, c.state, c.stopReason, c.disputeId])).toEqual([
        ['contactDepartment', 'stopped', '转入矛盾调解', disputeId],
        ['accept', 'met', undefined, undefined],
        ['firstResponse', 'met', undefined, undefined],
        ['resolution', 'stopped', '转入矛盾调解', disputeId],
      ]);
      return handle.result();
    });
    expect(result).toBe('CONVERTED');

    const timeline = await events(id);
    expect(timeline.slice(timeline.indexOf('CONVERTED'))).toEqual(['CONVERTED']);
    expect(timeline).not.toContain('ESCALATED');
    const converted = await db.query("SELECT note, data FROM case_event WHERE case_id = $1 AND kind = 'CONVERTED'", [
      id,
    ]);
    expect(converted.rows).toEqual([
      {
        note: '转入矛盾调解（纠纷编号 TJ-T-0001），诉求各项时限停止计时',
        data: {
          status: 'CONVERTED',
          disputeId,
          disputeNo: 'TJ-T-0001',
          reason: '转入矛盾调解',
          stoppedClocks: ['contactDepartment', 'resolution'],
        },
      },
    ]);
    const row = await db.query(
      'SELECT status, escalation_level, converted_dispute_id, clocks_stop_reason, clocks_stopped_at FROM request_case WHERE id = $1',
      [id],
    );
    expect(row.rows[0]).toEqual({
      status: 'CONVERTED',
      escalation_level: 0,
      converted_dispute_id: disputeId,
      clocks_stop_reason: '转入矛盾调解',
      clocks_stopped_at: expect.any(Date),
    });
    expect(
      (await db.query('SELECT count(*)::int AS n FROM supervision_order WHERE case_id = $1', [id])).rows[0].n,
    ).toBe(0);
    expect((await handle.describe()).typedSearchAttributes.get(ProcessState)).toBe('CONVERTED');

    await recordHistory('request-case-converted-to-mediation', handle, ['clocks']);
  });

  it('runs the contact-department and first-response clocks beside the main ones, each escalating on its own', async () => {
    const { id, handle } = await newCase({
      start: true,
      extra: {
        contactDepartmentLimit: policy.clocks.contactDepartment.limit,
        firstResponseLimit: policy.clocks.firstResponse.limit,
      },
    });
    await (
      await newWorker()
    ).runUntil(async () => {
      await handle.executeUpdate(acceptUpdate, { args: [actor()] });
      await ts.env.sleep('3 hours'); // past 30 minutes to contact the department and 2 hours to a first response
      const lapsed = await handle.query(clocksQuery);
      expect(lapsed.map((c) => [c.name, c.state, c.escalationLevel])).toEqual([
        ['contactDepartment', 'lapsed', 1],
        ['accept', 'met', 0],
        ['firstResponse', 'lapsed', 1],
        ['resolution', 'running', 0],
      ]);
      await handle.executeUpdate(departmentContactedUpdate, { args: [{ ...actor(), note: '已电话联系城管中队' }] });
      expect(
        failure(
          await handle
            .executeUpdate(departmentContactedUpdate, { args: [{ ...actor(), note: '再次' }] })
            .catch((e: unknown) => e),
        ),
      ).toMatchObject({ type: 'VALIDATION_FAILED' });
      await handle.executeUpdate(progressUpdate, { args: [{ ...actor(), note: '已到现场' }] });
      await ts.env.sleep('1 day');
      const after = await handle.query(clocksQuery);
      expect(after.find((c) => c.name === 'contactDepartment')?.escalationLevel).toBe(1); // stopped climbing once contacted
      expect(after.find((c) => c.name === 'firstResponse')?.escalationLevel).toBe(1);
      await handle.terminate('test over');
    });
    const orders = await db.query('SELECT clock FROM supervision_order WHERE case_id = $1 ORDER BY clock', [id]);
    expect(orders.rows.map((o: { clock: string }) => o.clock)).toEqual(['contactDepartment', 'firstResponse']);
  });

  it('a community-duty case refuses a department contact', async () => {
    const { handle } = await newCase();
    await (
      await newWorker()
    ).runUntil(async () => {
      expect(
        failure(
          await handle
            .executeUpdate(departmentContactedUpdate, { args: [{ ...actor(), note: 'x' }] })
            .catch((e: unknown) => e),
        ),
      ).toMatchObject({ type: 'VALIDATION_FAILED', message: expect.stringContaining('社区职责') });
      await handle.terminate('test over');
    });
  });
});
