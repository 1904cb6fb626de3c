import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import type { Principal } from '../../src/common/auth/principal';
import { ProgrammeInspectionService } from '../../src/modules/programme-dispatch/programme-inspection.service';
import { ProgrammeYearService } from '../../src/modules/programme/programme-year.service';
import { INSPECTION_CHECKLIST } from '../../src/shared/process/programme-rhythm';
import { programmeInspectionWorkflow } from '../../workflows/programme-inspection.workflow';
import { recordHistory } from '../fixtures/history-recorder';
import { buildOrgFixture, OrgFixture } from '../fixtures/org-fixture';
import { eventually } from '../fixtures/test-app';
import {
  createTestWorker,
  resultWithTimeLocked,
  startServices,
  timeSkippingServerPerTest,
} from '../fixtures/time-skipping';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const YEAR = 2042;

describe('双进双联 programme-inspection workflow on the time-skipping server', () => {
  const ts = timeSkippingServerPerTest();
  const taskQueue = 'ts-programme-inspection';
  let services: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  let agencyB: string;

  const admin = (): Principal => ({
    personId: f.people.admin.id,
    kind: 'STAFF',
    name: 'admin',
    phone: f.people.admin.phone,
    positions: [
      {
        positionId: randomUUID(),
        role: 'ADMIN',
        unitId: f.units.D.id,
        unitKind: 'DISTRICT',
        scopeUnitId: f.units.D.id,
      },
    ],
  });

  async function addTask(org: string, community: string, kind: string, status: string, overdue = false) {
    const id = randomUUID();
    await db.query(
      `INSERT INTO programme_task (id, task_no, workflow_id, request_key, year, kind, title, description, community_id,
        party_org_id, status, policy_version, plan_date, due_at, overdue, confirmed_month)
       VALUES ($1, $2, $3, $4, $5, $6, '任务', '任务说明', $7, $8, $9, 1, now(), now(), $10, $11)`,
      [
        id,
        `SL-INS-${id.slice(0, 8)}`,
        `programme-task-${id}`,
        `inspection-test:${id}`,
        YEAR,
        kind,
        community,
        org,
        status,
        overdue,
        status === 'CONFIRMED' ? `${YEAR}-03` : null,
      ],
    );
  }

  beforeAll(async () => {
    [services, f] = await Promise.all([startServices(), buildOrgFixture()]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    agencyB = randomUUID();
    await db.query(
      `INSERT INTO org_unit (id, code, name, kind, parent_id, depth) VALUES ($1, $2, $3, 'AGENCY', $4, 1)`,
      [agencyB, `${f.tag}-B`, `B（测试${f.tag}）`, f.units.D.id],
    );
    await db.query(
      'INSERT INTO org_unit_closure (ancestor_id, descendant_id, distance) VALUES ($1, $1, 0), ($2, $1, 1)',
      [agencyB, f.units.D.id],
    );
    await db.query(
      "INSERT INTO position (id, person_id, unit_id, role, starts_on) VALUES ($1, $2, $3, 'SUPERVISOR', '2024-01-01')",
      [randomUUID(), f.people.supervisorS1.id, f.units.D.id],
    );
    for (const [org, community] of [
      [f.units.A.id, f.units.C1.id],
      [agencyB, f.units.C2.id],
    ])
      await db.query(
        'INSERT INTO programme_pairing (id, party_org_id, community_id, live_key) VALUES ($1, $2, $3, $4)',
        [randomUUID(), org, community, `${org}:${community}`],
      );
    await services.get(ProgrammeYearService).open(admin(), YEAR);
    // A: nothing confirmed and two tasks overdue (the laggard); B: every default target met
    await addTask(f.units.A.id, f.units.C1.id, 'PARTY_DAY', 'ASSIGNED', true);
    await addTask(f.units.A.id, f.units.C1.id, 'PARTY_LECTURE', 'ASSIGNED', true);
    for (const kind of [
      'LIVELIHOOD_PROJECT',
      'LIVELIHOOD_PROJECT',
      'PARTY_DAY',
      'PARTY_LECTURE',
      'MICRO_WISH',
      'ENTERPRISE_PROBLEM',
    ])
      await addTask(agencyB, f.units.C2.id, kind, 'CONFIRMED');
  });
  afterAll(async () => {
    await Promise.all([services?.close(), db?.end()]);
  });

  const inbox = async (template: string) =>
    (
      await db.query('SELECT count(*)::int AS n FROM inbox_message WHERE recipient_id = $1 AND template = $2', [
        f.people.supervisorS1.id,
        template,
      ])
    ).rows[0].n as number;
  /** Messages to the supervisor about one interview. */
  const told = async (template: string, interviewId: string) =>
    (
      await db.query(
        'SELECT count(*)::int AS n FROM inbox_message WHERE recipient_id = $1 AND template = $2 AND dedup_key LIKE $3',
        [f.people.supervisorS1.id, template, `programme-interview:${interviewId}:%`],
      )
    ).rows[0].n as number;
  const round = async () =>
    (await db.query('SELECT * FROM programme_inspection_round WHERE year = $1 AND month = 6', [YEAR])).rows[0] as
      { id: string; status: string } | undefined;
  const item = async (roundId: string, org: string) =>
    (
      await db.query('SELECT findings FROM programme_inspection_item WHERE round_id = $1 AND party_org_id = $2', [
        roundId,
        org,
      ])
    ).rows[0] as { findings: unknown };
  const message = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as Error).message;

  it('a round for every agency: findings recorded, inspectors reminded of open items, the laggard interviewed and recorded', async () => {
    const inspections = services.get(ProgrammeInspectionService);
    let result: unknown;
    const handle = await ts.env.client.workflow.start(programmeInspectionWorkflow, {
      taskQueue,
      workflowId: `programme-inspection-${YEAR}-06`,
      args: [{ year: YEAR, month: 6 }],
    });
    const all = INSPECTION_CHECKLIST.map((c) => ({ item: c, passed: true }));
    await (
      await createTestWorker(ts.env, services, taskQueue)
    ).runUntil(async () => {
      const opened = await eventually(round, 'the round to open');
      expect(opened.status).toBe('OPEN');
      expect(await item(opened.id, f.units.A.id)).toEqual({ findings: null });
      // bad input: a checklist item missing → Chinese refusal, nothing recorded
      expect(
        await message(inspections.recordFindings(admin(), opened.id, { partyOrgId: agencyB, results: all.slice(1) })),
      ).toBe(`督查清单还缺：${INSPECTION_CHECKLIST[0]}`);
      expect(await item(opened.id, agencyB)).toEqual({ findings: null });
      await inspections.recordFindings(admin(), opened.id, { partyOrgId: agencyB, results: all });
      expect((await item(opened.id, agencyB)).findings).toEqual(all);

      await ts.env.sleep(13 * DAY); // past the reminder point (3 days before the 15-day deadline)
      await eventually(async () => (await inbox('programme.inspection-reminder')) === 1, 'the inspectors reminder');
      await ts.env.sleep(3 * DAY); // past the deadline
      await eventually(async () => (await round())?.status === 'CLOSED', 'the round to close');
      expect(
        await message(inspections.recordFindings(admin(), opened.id, { partyOrgId: f.units.A.id, results: all })),
      ).toBe('本轮督查已结束，不能再录入督查结果');
      await ts.env.sleep(5 * DAY);
      result = await resultWithTimeLocked(ts.env, handle);
      await recordHistory('programme-inspection-round', handle, []);
    });

    // the round covers every paired agency in the database (other test files pair theirs too): judge ours
    const { id: roundId } = (await round()) as { id: string };
    const everyInterview = await inspections.interviews(admin(), roundId);
    expect(result).toEqual({ roundId, interviews: everyInterview.length });
    const interviews = everyInterview.filter((i) => [f.units.A.id, agencyB].includes(i.partyOrgId));
    expect(interviews.map((i) => i.partyOrgId)).toEqual([f.units.A.id]);
    expect(interviews[0].reason).toContain('逾期任务 2 项');
    expect(await told('programme.interview-scheduled', interviews[0].id)).toBe(1);
    expect(await told('programme.interview-reminder', interviews[0].id)).toBe(1);
    const held = await inspections.recordOutcome(admin(), interviews[0].id, '书记已作说明，限期一个月整改');
    expect(held).toMatchObject({ status: 'HELD', outcome: '书记已作说明，限期一个月整改' });
    expect(await message(inspections.recordOutcome(admin(), interviews[0].id, '再记一次'))).toBe(
      '该约谈的结果已记录，不能重复记录',
    );
    const after = await inspections.interviews(admin(), roundId);
    expect(after.find((i) => i.id === interviews[0].id)?.outcome).toBe('书记已作说明，限期一个月整改');
  });

  it('the round deadline, the inspectors reminder and the interview follow the year’s timing settings', async () => {
    const years = services.get(ProgrammeYearService);
    const timed = YEAR + 2;
    const opened = await years.open(admin(), timed);
    const timing = { roundDays: 7, inspectorReminderDays: 2, interviewAfterDays: 2, interviewReminderDays: 1 };
    await years.updatePolicy(admin(), timed, { ...opened.policy, inspectionTiming: timing });
    const roundOf = async () =>
      (
        await db.query('SELECT id, deadline, status, closed_at FROM programme_inspection_round WHERE year = $1', [
          timed,
        ])
      ).rows[0] as { id: string; deadline: Date; status: string; closed_at: Date | null } | undefined;
    const startedAt = await ts.env.currentTimeMs();
    const handle = await ts.env.client.workflow.start(programmeInspectionWorkflow, {
      taskQueue,
      workflowId: `programme-inspection-${timed}-06`,
      args: [{ year: timed, month: 6 }],
    });
    await (
      await createTestWorker(ts.env, services, taskQueue)
    ).runUntil(async () => {
      const round = await eventually(roundOf, 'the round to open');
      const openedAt = await ts.env.currentTimeMs();
      expect(round.deadline.getTime()).toBeGreaterThanOrEqual(startedAt + 7 * DAY);
      expect(round.deadline.getTime()).toBeLessThanOrEqual(openedAt + 7 * DAY);
      const reminders = async () =>
        (
          await db.query(
            'SELECT count(*)::int AS n FROM inbox_message WHERE recipient_id = $1 AND template = $2 AND dedup_key LIKE $3',
            [f.people.supervisorS1.id, 'programme.inspection-reminder', `programme-inspection:${timed}-06:%`],
          )
        ).rows[0].n as number;
      await ts.env.sleep(round.deadline.getTime() - 2 * DAY - (await ts.env.currentTimeMs()) - HOUR);
      expect(await reminders()).toBe(0);
      await ts.env.sleep(2 * HOUR); // past the reminder point, 2 days before the deadline
      await eventually(async () => (await reminders()) === 1, 'the inspectors reminder');
      await ts.env.sleep(2 * DAY);
      const closed = await eventually(async () => {
        const r = await roundOf();
        return r?.status === 'CLOSED' ? r : undefined;
      }, 'the round to close');
      const ours = (await services.get(ProgrammeInspectionService).interviews(admin(), closed.id)).filter(
        (i) => i.partyOrgId === f.units.A.id,
      );
      expect(ours[0].scheduledAt.getTime() - (closed.closed_at as Date).getTime()).toBe(2 * DAY);
      await ts.env.sleep(2 * DAY);
      await resultWithTimeLocked(ts.env, handle);
    });
  });
});
