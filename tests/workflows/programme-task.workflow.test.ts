import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { Client } from 'pg';
import { ProgrammeTaskProgressService } from '../../src/modules/programme-task/programme-task-progress.service';
import type { ProgrammeTaskInput } from '../../src/modules/programme-task/programme-task.types';
import { CN_2026_HOLIDAYS, calendarFromFestivals } from '../../src/shared/calendar';
import {
  assignTaskUpdate,
  nameMembersUpdate,
  programmeTaskQuery,
  programmeTaskWorkflow,
  reviewTaskUpdate,
  submitEvidenceUpdate,
} from '../../workflows/programme-task.workflow';
import { recordHistory } from '../fixtures/history-recorder';
import { buildOrgFixture, OrgFixture } from '../fixtures/org-fixture';
import {
  createTestWorker,
  resultWithTimeLocked,
  startServices,
  timeSkippingServerPerTest,
} from '../fixtures/time-skipping';

const DAY = 86_400_000;
const calendar = calendarFromFestivals(CN_2026_HOLIDAYS);
const fullEvidence = {
  description: '在社区广场开展主题党日，清理楼道杂物',
  photos: ['photos/party-day-1.jpg'],
  attendance: ['张三', '李四'],
};

describe('双进双联 programme-task workflow on the time-skipping server', () => {
  const ts = timeSkippingServerPerTest();
  const taskQueue = 'ts-programme-task';
  let services: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;

  beforeAll(async () => {
    [services, f] = await Promise.all([startServices(), buildOrgFixture()]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([services?.close(), db?.end()]);
  });

  /** A task row as the service writes it (before it starts the workflow), and the workflow's input. */
  async function newTask(): Promise<{ id: string; workflowId: string; input: ProgrammeTaskInput }> {
    const id = randomUUID();
    const workflowId = `programme-task-${id}`;
    const dueAtMs = Date.now() + 10 * DAY;
    await db.query(
      `INSERT INTO programme_task (id, task_no, workflow_id, request_key, year, kind, title, description, community_id,
        status, policy_version, plan_date, due_at)
       VALUES ($1, $2, $3, $4, 2026, 'PARTY_DAY', '联合主题党日', '与社区联合开展主题党日', $5, 'OPEN', 1, now(), $6)`,
      [id, `SL-TEST-${id.slice(0, 8)}`, workflowId, `test:${id}`, f.units.C1.id, new Date(dueAtMs)],
    );
    return {
      id,
      workflowId,
      input: {
        taskId: id,
        kind: 'PARTY_DAY',
        policyVersion: 1,
        dueAtMs,
        requiredEvidence: ['description', 'photos', 'attendance'],
        reminderFractions: [0.5, 0.8],
        followUpLimit: { unit: 'workingDays', amount: 5 },
        maxEscalations: 2,
        calendar,
      },
    };
  }

  const refusal = async (p: Promise<unknown>) => {
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    return (err as WorkflowUpdateFailedError).cause as unknown as { type: string; message: string };
  };
  const row = async (id: string) => (await db.query('SELECT * FROM programme_task WHERE id = $1', [id])).rows[0];
  const events = async (id: string) =>
    (await db.query('SELECT kind FROM programme_task_event WHERE task_id = $1 ORDER BY seq', [id])).rows.map(
      (r: { kind: string }) => r.kind,
    );
  const inbox = async (personId: string, template: string, workflowId: string) =>
    (
      await db.query(
        'SELECT count(*)::int AS n FROM inbox_message WHERE recipient_id = $1 AND template = $2 AND dedup_key LIKE $3',
        [personId, template, `${workflowId}:%`],
      )
    ).rows[0].n as number;

  it('replayed activities write each step, reminder and escalation once', async () => {
    const { id, workflowId } = await newTask();
    const progress = services.get(ProgrammeTaskProgressService);
    const step = { step: 'members-1', kind: 'MEMBERS_NAMED', patch: { memberIds: [f.people.partyMemberA.id] } };
    await progress.recordStep(workflowId, step);
    await progress.recordStep(workflowId, step);
    const escalation = { step: 'escalation-1', level: 1, lapsedDeadlineMs: Date.now(), nextDueAtMs: Date.now() + DAY };
    await progress.escalate(workflowId, escalation);
    await progress.escalate(workflowId, escalation);
    expect(await events(id)).toEqual(['MEMBERS_NAMED', 'OVERDUE']);
    expect(await row(id)).toMatchObject({ overdue: true, escalation_level: 1 });
    expect(await inbox(f.people.secretaryC1.id, 'programme.task-overdue', workflowId)).toBe(1);
  });

  it('open → assigned → members named → lapses (reminders, overdue, escalated) → evidence refused, then sent back, then confirmed', async () => {
    const { id, workflowId, input } = await newTask();
    const handle = await ts.env.client.workflow.start(programmeTaskWorkflow, { taskQueue, workflowId, args: [input] });
    const member = f.people.partyMemberA.id;
    const result = await (
      await createTestWorker(ts.env, services, taskQueue)
    ).runUntil(async () => {
      expect((await handle.query(programmeTaskQuery)).state).toBe('OPEN');
      expect((await refusal(handle.executeUpdate(reviewTaskUpdate, { args: [{ accept: true }] }))).message).toBe(
        '任务当前为「待认领」，不能确认或退回',
      );
      await handle.executeUpdate(assignTaskUpdate, {
        args: [{ actorId: f.people.secretaryC1.id, partyOrgId: f.units.A.id, claimed: false }],
      });
      expect(
        (await refusal(handle.executeUpdate(submitEvidenceUpdate, { args: [{ evidence: fullEvidence }] }))).message,
      ).toBe('请先指定承办党员');
      await handle.executeUpdate(nameMembersUpdate, { args: [{ memberIds: [member, member] }] });
      await ts.env.sleep(12 * DAY); // past the due date, not yet past the follow-up deadline
      expect(await handle.query(programmeTaskQuery)).toMatchObject({
        state: 'ASSIGNED',
        overdue: true,
        escalationLevel: 1,
        memberIds: [member],
      });
      const missing = await refusal(
        handle.executeUpdate(submitEvidenceUpdate, { args: [{ evidence: { description: '开展了活动' } }] }),
      );
      expect(missing).toMatchObject({
        type: 'EVIDENCE_MISSING',
        message: '完成材料不全，还缺：现场照片、参加人员签到',
      });
      expect((await row(id)).status).toBe('ASSIGNED');
      await handle.executeUpdate(submitEvidenceUpdate, { args: [{ actorId: member, evidence: fullEvidence }] });
      expect((await refusal(handle.executeUpdate(reviewTaskUpdate, { args: [{ accept: false }] }))).type).toBe(
        'VALIDATION_FAILED',
      );
      await handle.executeUpdate(reviewTaskUpdate, {
        args: [{ actorId: f.people.secretaryC1.id, accept: false, comment: '签到表缺少社区居民' }],
      });
      expect((await handle.query(programmeTaskQuery)).state).toBe('SENT_BACK');
      await handle.executeUpdate(submitEvidenceUpdate, {
        args: [{ actorId: member, evidence: { ...fullEvidence, attendance: ['张三', '李四', '居民王五'] } }],
      });
      await handle.executeUpdate(reviewTaskUpdate, {
        args: [{ actorId: f.people.secretaryC1.id, accept: true, comment: '同意' }],
      });
      return resultWithTimeLocked(ts.env, handle);
    });
    expect(result).toBe('CONFIRMED');
    const task = await row(id);
    expect(task).toMatchObject({
      status: 'CONFIRMED',
      party_org_id: f.units.A.id,
      member_ids: [member],
      overdue: true,
      escalation_level: 1,
    });
    expect(task.confirmed_month).toMatch(/^\d{4}-\d{2}$/);
    expect(task.evidence.attendance).toEqual(['张三', '李四', '居民王五']);
    expect(await events(id)).toEqual([
      'ASSIGNED',
      'MEMBERS_NAMED',
      'OVERDUE',
      'SUBMITTED',
      'SENT_BACK',
      'SUBMITTED',
      'CONFIRMED',
    ]);
    expect(await inbox(member, 'programme.task-reminder', workflowId)).toBe(2);
    expect(await inbox(f.people.secretaryC1.id, 'programme.task-overdue', workflowId)).toBe(1);
    await recordHistory('programme-task', handle, ['programmeTask']);
  });

  it('a task nobody completes climbs to the top level once, and stays there', async () => {
    const { id, workflowId, input } = await newTask();
    const handle = await ts.env.client.workflow.start(programmeTaskWorkflow, {
      taskQueue,
      workflowId,
      args: [{ ...input, partyOrgId: f.units.A.id }],
    });
    await (
      await createTestWorker(ts.env, services, taskQueue)
    ).runUntil(async () => {
      await ts.env.sleep(60 * DAY);
      expect(await handle.query(programmeTaskQuery)).toMatchObject({
        state: 'ASSIGNED',
        overdue: true,
        escalationLevel: 2,
      });
    });
    expect(await events(id)).toEqual(['OVERDUE', 'OVERDUE']);
    expect(await inbox(f.people.secretaryC1.id, 'programme.task-overdue', workflowId)).toBe(2);
  });
});
