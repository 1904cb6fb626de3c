import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { Client } from 'pg';
import { CoHandlingProgressService } from '../../src/modules/request-case/co-handling-progress.service';
import {
  addCoHandlerUpdate,
  CO_HANDLING_PATCH,
  coHandlerDoneUpdate,
  coHandlerProgressUpdate,
  coHandlersQuery,
  removeCoHandlerUpdate,
} from '../../workflows/co-handling.handlers';
import {
  acceptUpdate,
  closeUpdate,
  markHandledUpdate,
  mergeUpdate,
  requestCaseWorkflow,
} from '../../workflows/request-case.workflow';
import { buildOrgFixture, OrgFixture } from '../fixtures/org-fixture';
import { caseInput, insertCaseRow } from '../fixtures/request-case-intake';
import { createTestWorker, startServices, timeSkippingServerPerTest } from '../fixtures/time-skipping';
import { recordHistory } from '../fixtures/history-recorder';

interface HistoryEvent {
  eventId: string;
  markerRecordedEventAttributes?: { markerName: string; details: Record<string, { payloads: { data: string }[] }> };
  upsertWorkflowSearchAttributesEventAttributes?: { searchAttributes: { indexedFields: Record<string, unknown> } };
}

/** The history as code from before the patch would have written it: no marker (nor its change-version search attribute), events renumbered. */
function withoutPatchMarker(history: { events: HistoryEvent[] }, patchId: string): { events: HistoryEvent[] } {
  const isMarker = (e: HistoryEvent) =>
    e.markerRecordedEventAttributes?.markerName === 'core_patch' &&
    JSON.parse(Buffer.from(e.markerRecordedEventAttributes.details['patch-data'].payloads[0].data, 'base64').toString())
      .id === patchId;
  const isChangeVersion = (e: HistoryEvent) =>
    Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes.indexedFields ?? {}).join() ===
    'TemporalChangeVersion';
  const kept = history.events.filter((e) => !isMarker(e) && !isChangeVersion(e));
  const renumbered = new Map(kept.map((e, i) => [e.eventId, String(i + 1)]));
  const text = JSON.stringify({ ...history, events: kept }, (key, value) =>
    (key === 'eventId' || key.endsWith('EventId')) && typeof value === 'string' && renumbered.has(value)
      ? renumbered.get(value)
      : value,
  );
  return JSON.parse(text);
}

describe('co-handling units on the request workflow (time-skipping server)', () => {
  const ts = timeSkippingServerPerTest();
  let services: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  const taskQueue = 'ts-co-handling';

  beforeAll(async () => {
    [services, f] = await Promise.all([startServices(), buildOrgFixture()]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([services?.close(), db?.end()]);
  });

  const newWorker = () => createTestWorker(ts.env, services, taskQueue);

  async function newCase(start = true) {
    const { id, workflowId } = await insertCaseRow(db, f, { caseNoPrefix: 'SQ-CO', description: '占道经营' });
    if (!start) return { id, workflowId, handle: ts.env.client.workflow.getHandle(workflowId) };
    const handle = await ts.env.client.workflow.start(requestCaseWorkflow, {
      workflowId,
      taskQueue,
      args: [caseInput(f, id)],
    });
    return { id, workflowId, handle };
  }

  const refusal = async (p: Promise<unknown>) =>
    ((await p.catch((e: unknown) => e)) as WorkflowUpdateFailedError).cause;
  const lead = () => ({ actorId: f.people.gridWorkerG1.id });
  const dispatcher = () => ({ actorId: f.people.secretaryC1.id });
  const kinds = async (caseId: string) =>
    (
      await db.query("SELECT kind FROM case_event WHERE case_id = $1 AND kind <> 'REMINDED' ORDER BY seq", [caseId])
    ).rows.map((r: { kind: string }) => r.kind);

  it('the lead cannot answer while a co-handling part is open; done or removed parts let it through', async () => {
    const { id, handle } = await newCase();
    const [dep, g2] = [f.units.DEP1.id, f.units.G2.id];
    const result = await (
      await newWorker()
    ).runUntil(async () => {
      await handle.executeUpdate(acceptUpdate, { args: [lead()] });
      expect(
        await handle.executeUpdate(addCoHandlerUpdate, {
          args: [{ ...dispatcher(), unitId: dep, reason: '清理占道摊点需城管执法', leadUnitIds: [f.units.G1.id] }],
        }),
      ).toBe('ACCEPTED');
      await handle.executeUpdate(addCoHandlerUpdate, {
        args: [{ ...dispatcher(), unitId: g2, reason: '摊主住在相邻网格' }],
      });
      expect(await handle.query(coHandlersQuery)).toEqual({ [dep]: 'OPEN', [g2]: 'OPEN' });

      expect(
        await refusal(handle.executeUpdate(markHandledUpdate, { args: [{ ...lead(), reply: '已清理' }] })),
      ).toMatchObject({ type: 'CO_HANDLING_OPEN', message: expect.stringContaining('尚有 2 个协办单位未完成协办') });
      await handle.executeUpdate(coHandlerProgressUpdate, {
        args: [{ actorId: f.people.deptStaffDEP1.id, unitId: dep, note: '已约谈摊主' }],
      });
      await handle.executeUpdate(coHandlerDoneUpdate, {
        args: [{ actorId: f.people.deptStaffDEP1.id, unitId: dep, note: '摊点已取缔' }],
      });
      expect(
        await refusal(handle.executeUpdate(markHandledUpdate, { args: [{ ...lead(), reply: '已清理' }] })),
      ).toMatchObject({ type: 'CO_HANDLING_OPEN', message: expect.stringContaining('尚有 1 个') });
      await handle.executeUpdate(removeCoHandlerUpdate, {
        args: [{ ...dispatcher(), unitId: g2, reason: '摊主已搬离' }],
      });
      expect(await handle.query(coHandlersQuery)).toEqual({ [dep]: 'DONE', [g2]: 'REMOVED' });

      expect(await handle.executeUpdate(markHandledUpdate, { args: [{ ...lead(), reply: '已清理' }] })).toBe('HANDLED');
      await handle.executeUpdate(closeUpdate, { args: [lead()] });
      return handle.result();
    });
    expect(result).toBe('CLOSED');
    expect(await kinds(id)).toEqual([
      'ACCEPTED',
      'CO_HANDLER_ADDED',
      'CO_HANDLER_ADDED',
      'CO_HANDLER_PROGRESS',
      'CO_HANDLER_DONE',
      'CO_HANDLER_REMOVED',
      'HANDLED',
      'CLOSED',
    ]);
    const rows = await db.query(
      'SELECT unit_id, state, done_note, remove_reason FROM case_co_handler WHERE case_id = $1 ORDER BY added_at',
      [id],
    );
    expect(rows.rows).toEqual([
      { unit_id: dep, state: 'DONE', done_note: '摊点已取缔', remove_reason: null },
      { unit_id: g2, state: 'REMOVED', done_note: null, remove_reason: '摊主已搬离' },
    ]);
    const history = await handle.fetchHistory();
    const patchIds =
      history.events
        ?.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')
        .map(
          (e) =>
            JSON.parse(
              Buffer.from(
                e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data ?? [],
              ).toString(),
            ).id,
        ) ?? [];
    expect(patchIds.filter((patchId) => patchId === CO_HANDLING_PATCH)).toHaveLength(1); // other patches (search attributes) mark too
    await recordHistory('request-case-co-handling', history);
  });

  it('the co-handling steps branch on their patch: a history without its marker takes the pre-co-handling path and records nothing', async () => {
    const recorded = JSON.parse(
      readFileSync(join(__dirname, '..', 'fixtures', 'histories', 'request-case-co-handling.json'), 'utf8'),
    );
    const workflowBundle = { code: readFileSync(process.env.GOVFLOW_WORKFLOW_BUNDLE as string, 'utf8') };
    await Worker.runReplayHistory({ workflowBundle }, recorded, 'co-handling as released');
    const unmarked = withoutPatchMarker(recorded, CO_HANDLING_PATCH);
    expect(unmarked.events).toHaveLength(recorded.events.length - 2);
    // code from before co-handling refused the step, so it cannot produce the co-handling activity this history holds
    await expect(
      Worker.runReplayHistory({ workflowBundle }, unmarked, 'co-handling without its marker'),
    ).rejects.toMatchObject({ name: 'DeterminismViolationError' });
  });

  it('validators refuse duplicates, the lead, missing reasons, strangers and finished cases, and change nothing', async () => {
    const { id, handle } = await newCase();
    const dep = f.units.DEP1.id;
    await (
      await newWorker()
    ).runUntil(async () => {
      const add = (extra: object) =>
        handle.executeUpdate(addCoHandlerUpdate, {
          args: [{ ...dispatcher(), unitId: dep, reason: '协助', leadUnitIds: [f.units.G1.id], ...extra }],
        });
      expect(await refusal(add({ unitId: f.units.G1.id }))).toMatchObject({ type: 'CO_HANDLER_IS_LEAD' });
      expect(await refusal(add({ reason: ' ' }))).toMatchObject({
        type: 'VALIDATION_FAILED',
        message: '请写明需要协办的事项',
      });
      expect(await refusal(add({ unitId: '' }))).toMatchObject({ type: 'VALIDATION_FAILED' });
      // the activity finds no such unit: the update fails and the workflow forgets the part
      expect(await refusal(add({ unitId: randomUUID() }))).toMatchObject({
        cause: expect.objectContaining({ type: 'UNKNOWN_UNIT' }),
      });
      expect(await handle.query(coHandlersQuery)).toEqual({});
      await add({});
      expect(await refusal(add({}))).toMatchObject({ type: 'CO_HANDLER_DUPLICATE' });
      expect(
        await refusal(
          handle.executeUpdate(coHandlerProgressUpdate, { args: [{ ...lead(), unitId: f.units.G2.id, note: '进展' }] }),
        ),
      ).toMatchObject({ type: 'CO_HANDLER_NOT_FOUND' });
      expect(
        await refusal(handle.executeUpdate(coHandlerDoneUpdate, { args: [{ ...lead(), unitId: dep, note: '' }] })),
      ).toMatchObject({ type: 'VALIDATION_FAILED' });
      expect(
        await refusal(
          handle.executeUpdate(removeCoHandlerUpdate, { args: [{ ...dispatcher(), unitId: dep, reason: '' }] }),
        ),
      ).toMatchObject({ type: 'VALIDATION_FAILED' });
      await handle.executeUpdate(coHandlerDoneUpdate, {
        args: [{ actorId: f.people.deptStaffDEP1.id, unitId: dep, note: '已完成' }],
      });
      expect(
        await refusal(
          handle.executeUpdate(removeCoHandlerUpdate, { args: [{ ...dispatcher(), unitId: dep, reason: '不需要了' }] }),
        ),
      ).toMatchObject({ type: 'ILLEGAL_TRANSITION', message: '该单位已完成协办，不能移除' });
      expect(await refusal(add({}))).toMatchObject({ type: 'CO_HANDLER_DUPLICATE' });
      await handle.executeUpdate(acceptUpdate, { args: [lead()] });
      await handle.executeUpdate(markHandledUpdate, { args: [{ ...lead(), reply: '已处置' }] });
      expect(await refusal(add({ unitId: f.units.C1.id }))).toMatchObject({
        type: 'ILLEGAL_TRANSITION',
        message: expect.stringContaining('已处置'),
      });
      await handle.terminate('test over');
    });
    expect((await kinds(id)).filter((k) => k.startsWith('CO_'))).toEqual(['CO_HANDLER_ADDED', 'CO_HANDLER_DONE']);
    expect((await db.query('SELECT count(*)::int AS n FROM case_co_handler WHERE case_id = $1', [id])).rows[0].n).toBe(
      1,
    );
  });

  it('merging a case stops its open parts, in the workflow and in the read model', async () => {
    const target = await newCase(false);
    const { id, handle } = await newCase();
    const result = await (
      await newWorker()
    ).runUntil(async () => {
      await handle.executeUpdate(addCoHandlerUpdate, {
        args: [{ ...dispatcher(), unitId: f.units.DEP1.id, reason: '协助' }],
      });
      await handle.executeUpdate(mergeUpdate, { args: [{ ...dispatcher(), intoCaseId: target.id }] });
      expect(await handle.query(coHandlersQuery)).toEqual({ [f.units.DEP1.id]: 'STOPPED' });
      return handle.result();
    });
    expect(result).toBe('MERGED');
    expect((await db.query('SELECT state FROM case_co_handler WHERE case_id = $1', [id])).rows).toEqual([
      { state: 'STOPPED' },
    ]);
  });

  it('a retried co-handling activity writes its entry, row, audit and notice once', async () => {
    const { id } = await newCase(false);
    const coHandling = services.get(CoHandlingProgressService);
    const workflowId = `case-retry-${id}`;
    const step = {
      caseId: id,
      step: 'co-handler-1',
      action: 'ADDED' as const,
      unitId: f.units.DEP1.id,
      actorId: f.people.secretaryC1.id,
      note: '协助执法',
    };
    expect(await coHandling.record(workflowId, step)).toEqual({ created: true });
    expect(await coHandling.record(workflowId, step)).toEqual({ created: false });
    const done = {
      ...step,
      step: 'co-handler-2',
      action: 'DONE' as const,
      actorId: f.people.deptStaffDEP1.id,
      note: '已处理',
    };
    await coHandling.record(workflowId, done);
    await coHandling.record(workflowId, done);

    expect(await kinds(id)).toEqual(['CO_HANDLER_ADDED', 'CO_HANDLER_DONE']);
    const audits = await db.query('SELECT action FROM audit_entry WHERE workflow_id = $1 ORDER BY at', [workflowId]);
    expect(audits.rows.map((r: { action: string }) => r.action)).toEqual([
      'case.co_handler_added',
      'case.co_handler_done',
    ]);
    const inbox = async (personId: string) =>
      (
        await db.query('SELECT template FROM inbox_message WHERE recipient_id = $1 AND dedup_key LIKE $2', [
          personId,
          `${workflowId}:%`,
        ])
      ).rows.map((r: { template: string }) => r.template);
    expect(await inbox(f.people.deptStaffDEP1.id)).toEqual(['request.co-handling']);
    expect(await inbox(f.people.gridWorkerG1.id)).toEqual(['request.co-handling-done']);
    expect((await db.query('SELECT state FROM case_co_handler WHERE case_id = $1', [id])).rows).toEqual([
      { state: 'DONE' },
    ]);
  });
});
