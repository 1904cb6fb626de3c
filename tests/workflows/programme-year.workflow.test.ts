import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { AppModule } from '../../src/app.module';
import type { Principal } from '../../src/common/auth/principal';
import { loadConfig } from '../../src/config/load-config';
import type { Role } from '../../src/generated/prisma/enums';
import { PrincipalLoader } from '../../src/modules/auth/principal.loader';
import { CalendarService } from '../../src/modules/calendar/calendar.service';
import type { AgencyDispatchRow } from '../../src/modules/programme-dispatch/programme-dispatch.types';
import { ProgrammeDispatchService } from '../../src/modules/programme-dispatch/programme-dispatch.service';
import { ProgrammeInspectionService } from '../../src/modules/programme-dispatch/programme-inspection.service';
import { ProgrammeTaskRatingService } from '../../src/modules/programme-task/programme-task-rating.service';
import { ProgrammeTaskService } from '../../src/modules/programme-task/programme-task.service';
import { CompletionService } from '../../src/modules/programme/completion.service';
import { MicroWishService } from '../../src/modules/programme/micro-wish.service';
import { PairingService } from '../../src/modules/programme/pairing.service';
import { ProgrammeYearService } from '../../src/modules/programme/programme-year.service';
import { VolunteerService } from '../../src/modules/programme/volunteer.service';
import { isWorkingDay, toCstDate } from '../../src/shared/calendar';
import { INSPECTION_CHECKLIST, monthKey } from '../../src/shared/process/programme-rhythm';
import { PROGRAMME_TASK_KINDS } from '../../src/shared/process/programme-kinds';
import type { ProgrammeTaskKind } from '../../src/shared/process/programme-kinds';
import { buildOrgFixture, OrgFixture } from '../fixtures/org-fixture';
import { eventually } from '../fixtures/test-app';
import { createTestWorker, resultWithTimeLocked, startTimeSkippingServer } from '../fixtures/time-skipping';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const taskQueue = 'ts-programme-year';
type Org = 'A' | 'B' | 'L';
const fullEvidence = {
  description: '已按计划完成，群众满意',
  photos: ['photos/programme-year.jpg'],
  attendance: ['张三', '李四'],
  beneficiaryConfirmation: { name: '王大爷', note: '问题已解决' },
};

/**
 * 双进双联, one programme year end to end on the time-skipping server with the app's real services (their Temporal client
 * points at this server): three agencies of its own — A meets every target, B does little, L lets its tasks lapse.
 * Services run on the wall clock, workflows on the server's, so tasks belong to this calendar year and the figures are
 * checked against the rows of this file's agencies only (other files share the database and the year).
 */
describe('双进双联 programme year end to end on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let services: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  const org = {} as Record<Org, string>;
  const p = {} as Record<string, Principal>;
  const ids = {} as Record<string, string>;

  async function unit(name: string, kind: 'AGENCY'): Promise<string> {
    const id = randomUUID();
    await db.query('INSERT INTO org_unit (id, code, name, kind, parent_id, depth) VALUES ($1, $2, $3, $4, $5, 1)', [
      id,
      `${f.tag}-${name}`,
      `${name}机关（测试${f.tag}）`,
      kind,
      f.units.D.id,
    ]);
    await db.query(
      'INSERT INTO org_unit_closure (ancestor_id, descendant_id, distance) VALUES ($1, $1, 0), ($2, $1, 1)',
      [id, f.units.D.id],
    );
    return id;
  }
  async function seat(key: string, role: Role, unitId: string): Promise<string> {
    const id = randomUUID();
    await db.query("INSERT INTO person (id, name, phone, kind) VALUES ($1, $2, $3, 'STAFF')", [
      id,
      `${key}${f.tag}`,
      `17${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`,
    ]);
    await db.query(
      "INSERT INTO position (id, person_id, unit_id, role, starts_on) VALUES ($1, $2, $3, $4, '2024-01-01')",
      [randomUUID(), id, unitId, role],
    );
    return id;
  }

  beforeAll(async () => {
    [env, f] = await Promise.all([startTimeSkippingServer(), buildOrgFixture()]);
    services = await NestFactory.createApplicationContext(
      AppModule.forRoot(loadConfig({ ...process.env, TEMPORAL_ADDRESS: env.address, TEMPORAL_TASK_QUEUE: taskQueue })),
      { logger: false },
    );
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    org.A = f.units.A.id;
    org.B = await unit('B', 'AGENCY');
    org.L = await unit('L', 'AGENCY');
    ids.partyMemberA = f.people.partyMemberA.id;
    ids.memberA2 = await seat('memberA2', 'PARTY_MEMBER', org.A);
    ids.memberB = await seat('memberB', 'PARTY_MEMBER', org.B);
    ids.memberL = await seat('memberL', 'PARTY_MEMBER', org.L);
    for (const o of ['A', 'B', 'L'] as const) ids[`sec${o}`] = await seat(`sec${o}`, 'AGENCY_SECRETARY', org[o]);
    ids.secretaryC2 = await seat('secretaryC2', 'COMMUNITY_SECRETARY', f.units.C2.id);
    ids.admin = f.people.admin.id;
    ids.secretaryC1 = f.people.secretaryC1.id;
    ids.resident = f.people.resident.id;
    const loader = services.get(PrincipalLoader);
    for (const [key, id] of Object.entries(ids)) p[key] = (await loader.load(id)) as Principal;
  }, 180_000);
  afterAll(async () => {
    await services?.close();
    await Promise.all([env?.teardown(), db?.end()]);
  });

  const failure = async (work: Promise<unknown>) => {
    const err = (await work.then(
      () => undefined,
      (e: unknown) => e,
    )) as { code?: string; message: string } | undefined;
    if (!err) throw new Error('expected a refusal, got success');
    return { code: err.code, message: err.message };
  };
  const one = async <T>(sql: string, values: unknown[]) => (await db.query(sql, values)).rows[0] as T;

  it('report-ins, tasks with a lapse, a raced wish, a full activity, a low rating, two dispatches, an inspection with interviews: the completion table matches the confirmed tasks', async () => {
    const years = services.get(ProgrammeYearService);
    const pairing = services.get(PairingService);
    const tasks = services.get(ProgrammeTaskService);
    const wishes = services.get(MicroWishService);
    const volunteers = services.get(VolunteerService);
    const dispatches = services.get(ProgrammeDispatchService);
    const inspections = services.get(ProgrammeInspectionService);
    const completion = services.get(CompletionService);
    const year = Number(toCstDate(Date.now()).slice(0, 4));
    const month = Number(toCstDate(Date.now()).slice(5, 7));
    await years.open(p.admin, year).catch((e: { code?: string }) => {
      if (e.code !== 'CONFLICT') throw e;
    });
    const { policy } = await years.policyFor(year);
    const targets = async () => (await years.policyFor(year)).policy.targets;

    const mine: { id: string; org: Org; kind: ProgrammeTaskKind }[] = [];
    const aTasks: string[] = [];
    const later: { aLapsing?: string; bProject?: string } = {};

    const worker = await createTestWorker(env, services, taskQueue);
    await worker.runUntil(async () => {
      // pairing: A and L with C1, B with C2; members report in where they live (B's member lives in C1)
      for (const [o, community] of [
        ['A', f.units.C1.id],
        ['L', f.units.C1.id],
        ['B', f.units.C2.id],
      ] as const)
        await pairing.pair(p.admin, { partyOrgId: org[o], communityId: community });
      for (const who of ['partyMemberA', 'memberA2', 'memberB', 'memberL']) {
        const row = await pairing.reportIn(p[who], { communityId: f.units.C1.id });
        // L's member is still waiting for the community's confirmation
        if (who !== 'memberL') await pairing.confirmReportIn(p.secretaryC1, row.id);
      }
      // tasks: A one per target unit of every kind; B a livelihood project and a lecture; L two short ones it lets lapse
      const { calendar } = await services.get(CalendarService).effectiveCalendar(f.units.D.id);
      let planMs = Date.now();
      while (!isWorkingDay(calendar, toCstDate(planMs))) planMs += DAY;
      const planDate = toCstDate(planMs);
      const create = async (o: Org, kind: ProgrammeTaskKind, opts: { short?: boolean; open?: boolean } = {}) => {
        const community = o === 'B' ? f.units.C2.id : f.units.C1.id;
        const task = await tasks.create(o === 'B' ? p.secretaryC2 : p.secretaryC1, {
          requestKey: `programme-year-${randomUUID()}`,
          kind,
          title: `${o} 的${kind}`,
          description: '双进双联年度任务',
          communityId: community,
          ...(opts.open ? {} : { partyOrgId: org[o] }),
          planDate,
          ...(opts.short ? { dueWorkingDays: 2 } : {}),
        });
        mine.push({ id: task.id, org: o, kind });
        return task.id;
      };
      for (const kind of PROGRAMME_TASK_KINDS)
        for (let i = 0; i < policy.targets[kind]; i += 1)
          if (kind !== 'PARTY_DAY' || i > 0) aTasks.push(await create('A', kind, { open: aTasks.length === 0 }));
      const aLapsing = await create('A', 'PARTY_DAY', { short: true });
      const bProject = await create('B', 'LIVELIHOOD_PROJECT');
      Object.assign(later, { aLapsing, bProject });
      const bLecture = await create('B', 'PARTY_LECTURE');
      const lTasks = [
        await create('L', 'PARTY_DAY', { short: true }),
        await create('L', 'ENTERPRISE_PROBLEM', { short: true }),
      ];

      // an open task of its paired community is claimed by A's secretary
      expect((await tasks.claim(p.secA, aTasks[0])).status).toBe('ASSIGNED');
      const carry = async (taskId: string, o: Org) => {
        const member = o === 'A' ? p.partyMemberA : o === 'B' ? p.memberB : p.memberL;
        await tasks.nameMembers(p[`sec${o}`], taskId, { memberIds: [member.personId] });
        return tasks.submit(member, taskId, fullEvidence);
      };
      const confirm = (taskId: string, o: Org) =>
        tasks.review(o === 'B' ? p.secretaryC2 : p.secretaryC1, taskId, { accept: true, comment: '同意' });
      for (const id of lTasks) await tasks.nameMembers(p.secL, id, { memberIds: [ids.memberL] });

      // bad input: evidence missing → Chinese refusal, the task unchanged
      await tasks.nameMembers(p.secB, bLecture, { memberIds: [ids.memberB] });
      const before = await one('SELECT status, evidence FROM programme_task WHERE id = $1', [bLecture]);
      expect(await failure(tasks.submit(p.memberB, bLecture, { description: '讲了一堂党课' }))).toEqual({
        code: 'EVIDENCE_MISSING',
        message: expect.stringMatching(/^完成材料不全，还缺：/),
      });
      expect(await one('SELECT status, evidence FROM programme_task WHERE id = $1', [bLecture])).toEqual(before);
      expect((await tasks.submit(p.memberB, bLecture, fullEvidence)).status).toBe('SUBMITTED');

      // batch one: A's tasks and B's project, confirmed now
      for (const id of aTasks) {
        await carry(id, 'A');
        expect((await confirm(id, 'A')).status).toBe('CONFIRMED');
      }
      await carry(bProject, 'B');
      await confirm(bProject, 'B');

      // 受益方评价: the community records what the household B helped said, once; the low rating tells B's secretary
      const ratings = services.get(ProgrammeTaskRatingService);
      expect(await ratings.rate(p.secretaryC2, bProject, { stars: 1, comment: '只来了一次' })).toMatchObject({
        ratingState: 'RATED',
        rating: { stars: 1, low: true, raterName: fullEvidence.beneficiaryConfirmation.name },
      });
      expect(await failure(ratings.rate(p.secretaryC2, bProject, { stars: 5 }))).toEqual({
        code: 'ALREADY_RATED',
        message: '该任务已评价，每项任务只能评价一次',
      });
      expect(await one('SELECT stars FROM programme_task_rating WHERE task_id = $1', [bProject])).toEqual({ stars: 1 });
      expect(
        await one(
          "SELECT count(*)::int AS n FROM inbox_message WHERE recipient_id = $1 AND template = 'programme.task-low-rating'",
          [ids.secB],
        ),
      ).toEqual({ n: 1 });

      // 微心愿: A's and L's members race for it, one wins; a later claim of the taken wish changes nothing
      const wish = await wishes.publish(p.secretaryC1, {
        communityId: f.units.C1.id,
        title: '为独居老人更换门锁',
        description: '门锁损坏，老人行动不便',
        budgetCapYuan: 300,
        deadline: new Date(Date.now() + 10 * DAY).toISOString(),
        residentPhone: f.people.resident.phone,
      });
      const race = await Promise.allSettled([wishes.claim(p.partyMemberA, wish.id), wishes.claim(p.memberL, wish.id)]);
      expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = race.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toMatchObject({ code: 'WISH_ALREADY_CLAIMED', message: '该微心愿已被认领，不能重复认领' });
      const claimed = await one<{ claimed_by_org_id: string; claimed_at: Date }>(
        'SELECT claimed_by_org_id, claimed_at FROM micro_wish WHERE id = $1',
        [wish.id],
      );
      const winner = (Object.keys(org) as Org[]).find((o) => org[o] === claimed.claimed_by_org_id) as Org;
      expect(['A', 'L']).toContain(winner);
      expect(await failure(wishes.claim(p.memberB, wish.id))).toEqual({
        code: 'WISH_ALREADY_CLAIMED',
        message: '该微心愿已被认领，不能重复认领',
      });
      expect(await one('SELECT claimed_by_org_id, claimed_at FROM micro_wish WHERE id = $1', [wish.id])).toEqual(
        claimed,
      );
      expect((await wishes.confirmFulfilled(p.resident, wish.id))?.status).toBe('FULFILLED');
      const wishMonth = toCstDate(
        (
          await one<{ fulfilled_at: Date }>('SELECT fulfilled_at FROM micro_wish WHERE id = $1', [wish.id])
        ).fulfilled_at.getTime(),
      ).slice(0, 7);

      // 志愿服务: three race for two places; a sign-up past the cap changes nothing; attendance records the hours
      const activity = await volunteers.publish(p.secretaryC1, {
        communityId: f.units.C1.id,
        title: '社区环境整治',
        place: '社区广场',
        startsAt: new Date(Date.now() + HOUR).toISOString(),
        endsAt: new Date(Date.now() + 3 * HOUR).toISOString(),
        cap: 2,
      });
      const signUps = await Promise.allSettled(
        ['partyMemberA', 'memberA2', 'memberL'].map((who) => volunteers.signUp(p[who], activity.id)),
      );
      const full = signUps.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(full.map((r) => (r.reason as { code: string }).code)).toEqual(['ACTIVITY_FULL']);
      expect((full[0].reason as Error).message).toBe('活动「社区环境整治」已报满（2 人）');
      const signed = async () =>
        one(
          'SELECT signed_up, (SELECT count(*)::int FROM volunteer_signup WHERE activity_id = $1) AS rows FROM volunteer_activity WHERE id = $1',
          [activity.id],
        );
      expect(await signed()).toEqual({ signed_up: 2, rows: 2 });
      expect(await failure(volunteers.signUp(p.memberB, activity.id))).toEqual({
        code: 'ACTIVITY_FULL',
        message: '活动「社区环境整治」已报满（2 人）',
      });
      expect(await signed()).toEqual({ signed_up: 2, rows: 2 });
      const attendees = signUps.flatMap((r) => (r.status === 'fulfilled' ? [r.value.personId] : []));
      const byId = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
      for (const personId of attendees) await volunteers.checkIn(p[byId[personId]], activity.id);
      await volunteers.confirmAttendance(p.secretaryC1, activity.id, { personIds: attendees });
      // the member's service: confirmed tasks they carried plus attended activities, and the hours
      for (const personId of attendees) {
        const served = await pairing.members(p.admin, { page: 1, pageSize: 20, personId, includeEnded: false });
        const carried = personId === ids.partyMemberA ? aTasks.length : 0;
        expect(served.items[0]).toMatchObject({ serviceCount: carried + 1, serviceHours: 2 });
      }

      /** Rows of this file's tasks as they are now, and what a month's report must say about them. */
      const rows = async () =>
        (
          await db.query('SELECT id, status, overdue, confirmed_month FROM programme_task WHERE id = ANY($1::uuid[])', [
            mine.map((t) => t.id),
          ])
        ).rows.map((r: { id: string; status: string; overdue: boolean; confirmed_month: string | null }) => ({
          ...mine.find((t) => t.id === r.id)!,
          ...r,
        }));
      const expectReport = async (reportId: string, key: string) => {
        const now = await rows();
        const target = await targets();
        const report = await dispatches.get(p.admin, reportId);
        for (const o of ['A', 'B', 'L'] as const) {
          const row = report.agencies.find((a) => a.partyOrgId === org[o]) as AgencyDispatchRow;
          for (const kind of PROGRAMME_TASK_KINDS) {
            const own = now.filter((t) => t.org === o && t.kind === kind);
            const wished = kind === 'MICRO_WISH' && winner === o;
            expect({ o, kind, ...row.kinds[kind] }).toEqual({
              o,
              kind,
              target: target[kind],
              confirmed:
                own.filter((t) => t.status === 'CONFIRMED' && (t.confirmed_month as string) <= key).length +
                (wished && wishMonth <= key ? 1 : 0),
              confirmedThisMonth:
                own.filter((t) => t.confirmed_month === key).length + (wished && wishMonth === key ? 1 : 0),
              inProgress: own.filter((t) => t.status !== 'CONFIRMED' && !t.overdue).length,
              overdue: own.filter((t) => t.status !== 'CONFIRMED' && t.overdue).length,
            });
          }
        }
        const a = report.agencies.find((x) => x.partyOrgId === org.A) as AgencyDispatchRow;
        expect(a).toMatchObject({ members: 2, reportedIn: 2, reportedInShare: 1 });
        expect(report.agencies.find((x) => x.partyOrgId === org.L)).toMatchObject({ members: 1, reportedIn: 0 });
      };
      const dispatch = async (m: number) => {
        const { workflowId } = await dispatches.run(p.admin, { year, month: m });
        const stored = await resultWithTimeLocked(env, env.client.workflow.getHandle(workflowId));
        expect(stored).toMatchObject({ year, month: m, created: true });
        await expectReport((stored as { reportId: string }).reportId, monthKey({ year, month: m }));
      };

      // first monthly report: this month so far
      await dispatch(month);

      // the lapse: past the short tasks' due dates, they are overdue and escalated
      const due = (
        await db.query('SELECT max(due_at) AS due FROM programme_task WHERE id = ANY($1::uuid[])', [
          [aLapsing, ...lTasks],
        ])
      ).rows[0].due as Date;
      await env.sleep(due.getTime() - (await env.currentTimeMs()) + HOUR);
      for (const id of [aLapsing, ...lTasks])
        await eventually(
          async () =>
            (await one<{ overdue: boolean }>('SELECT overdue FROM programme_task WHERE id = $1', [id])).overdue,
          'the short task to lapse',
        );
      // A finishes its lapsed party day late; it still counts once confirmed
      await carry(aLapsing, 'A');
      expect((await confirm(aLapsing, 'A')).status).toBe('CONFIRMED');

      // second monthly report: the next month (October when this is December: nothing was confirmed by then)
      await dispatch(month < 12 ? month + 1 : 10);

      // 半年督查 for December: findings for every agency of ours, then interviews for the laggards
      const { workflowId: inspectionId } = await inspections.start(p.admin, { year, month: 12 });
      const round = await eventually(
        async () =>
          (await db.query('SELECT id, deadline FROM programme_inspection_round WHERE year = $1 AND month = 12', [year]))
            .rows[0] as { id: string; deadline: Date } | undefined,
        'the round to open',
      );
      for (const o of ['A', 'B', 'L'] as const)
        await inspections.recordFindings(p.admin, round.id, {
          partyOrgId: org[o],
          results: INSPECTION_CHECKLIST.map((item) => ({ item, passed: o === 'A' })),
        });
      await env.sleep(round.deadline.getTime() - (await env.currentTimeMs()) + HOUR);
      await eventually(
        async () =>
          (await one<{ status: string }>('SELECT status FROM programme_inspection_round WHERE id = $1', [round.id]))
            .status === 'CLOSED',
        'the round to close',
      );
      const interviews = (await inspections.interviews(p.admin, round.id)).filter((i) =>
        Object.values(org).includes(i.partyOrgId),
      );
      expect(interviews.map((i) => i.partyOrgId).sort()).toEqual([org.B, org.L].sort());
      const reasonOf = (o: Org) => interviews.find((i) => i.partyOrgId === org[o])?.reason;
      expect(reasonOf('L')).toContain(`逾期任务 ${lTasks.length} 项`);
      expect(reasonOf('B')).toContain('"五个一"任务完成 1 项');
      const last = Math.max(...interviews.map((i) => i.scheduledAt.getTime()));
      await env.sleep(last - (await env.currentTimeMs()) + HOUR);
      await resultWithTimeLocked(env, env.client.workflow.getHandle(inspectionId));
      for (const i of interviews)
        expect(await inspections.recordOutcome(p.admin, i.id, '书记已作说明，限期整改')).toMatchObject({
          status: 'HELD',
        });
    });

    // the completion table (and its .xlsx) equals the tasks confirmed above, plus the fulfilled wish
    const final = await db.query(
      "SELECT id, status FROM programme_task WHERE id = ANY($1::uuid[]) AND status = 'CONFIRMED'",
      [mine.map((t) => t.id)],
    );
    const confirmedIds = new Set(final.rows.map((r: { id: string }) => r.id));
    expect(confirmedIds).toEqual(new Set([...aTasks, later.aLapsing, later.bProject]));
    const winner = (
      await one<{ claimed_by_org_id: string }>(
        "SELECT claimed_by_org_id FROM micro_wish WHERE community_id = $1 AND status = 'FULFILLED'",
        [f.units.C1.id],
      )
    ).claimed_by_org_id;
    const { policy: now } = await years.policyFor(year);
    const { rows: table } = await completion.table(p.admin, year);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await completion.workbook(p.admin, year)) as never);
    const lines = book.worksheets[0].getSheetValues().filter(Array.isArray) as unknown[][];
    for (const o of ['A', 'B', 'L'] as const) {
      const kinds = Object.fromEntries(
        PROGRAMME_TASK_KINDS.map((kind) => [
          kind,
          {
            target: now.targets[kind],
            confirmed:
              mine.filter((t) => t.org === o && t.kind === kind && confirmedIds.has(t.id)).length +
              (kind === 'MICRO_WISH' && winner === org[o] ? 1 : 0),
          },
        ]),
      );
      const row = table.find((r) => r.partyOrgId === org[o]);
      expect({ o, kinds: row?.kinds }).toEqual({ o, kinds });
      const line = lines.find((v) => v[2] === row?.name) as unknown[];
      expect({ o, cells: line.slice(3, 10) }).toEqual({
        o,
        cells: [
          ...PROGRAMME_TASK_KINDS.map((k) => `${kinds[k].confirmed}/${kinds[k].target}`),
          row?.kindsMet,
          row?.completion,
        ],
      });
    }
    expect(table.findIndex((r) => r.partyOrgId === org.A)).toBeLessThan(table.findIndex((r) => r.partyOrgId === org.L));

    // bad input: a non-positive target is refused in Chinese and the year keeps its settings
    const pinned = await years.get(year);
    const update = years.updatePolicy(p.admin, year, {
      ...pinned.policy,
      targets: { ...pinned.policy.targets, PARTY_DAY: 0 },
    });
    const refusedDetails = await update.catch((e: { details?: unknown }) => e.details);
    const refused = await failure(update);
    expect(refused).toEqual({ code: 'VALIDATION_FAILED', message: '请求参数无效：targets.PARTY_DAY' });
    expect(refusedDetails).toEqual([{ path: 'targets.PARTY_DAY', message: '年度目标必须大于 0' }]);
    expect((await years.get(year)).policyVersion).toBe(pinned.policyVersion);
  }, 600_000);
});
