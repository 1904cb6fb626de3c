import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { CN_2026_HOLIDAYS, calendarFromFestivals, isWorkingDay, toCstDate } from '../../src/shared/calendar';
import { eventually, startApi, startWorker } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture, residentSignIn, seatPerson } from '../fixtures/org-fixture';
import type { Role } from '../../src/generated/prisma/enums';

const DAY = 86_400_000;
const calendar = calendarFromFestivals(CN_2026_HOLIDAYS);
type Who = 'admin' | 'supervisorS1' | 'secretaryC1' | 'partyMemberA' | 'agencySecretaryA' | 'member2' | 'member3';
interface ErrorBody {
  code: string;
  message: string;
}

describe('双进双联 programme through HTTP, the real worker and Temporal', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  const token: Partial<Record<Who, string>> = {};
  const ids: Partial<Record<Who, string>> = {};

  /** Another person seated at agency A, signing in with the fixture's password. */
  async function seat(key: Who, role: Role) {
    const seated = await seatPerson(db, f, { key, role, unitId: f.units.A.id });
    ids[key] = seated.id;
    token[key] = (await login(api.url, seated.username)).accessToken;
  }

  beforeAll(async () => {
    [f] = await Promise.all([
      buildOrgFixture(),
      startApi().then((a) => {
        api = a;
      }),
      startWorker().then((w) => {
        worker = w;
      }),
    ]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    for (const who of ['admin', 'supervisorS1', 'secretaryC1', 'partyMemberA'] as const) {
      token[who] = (await login(api.url, f.people[who].username)).accessToken;
      ids[who] = f.people[who].id;
    }
    await seat('agencySecretaryA', 'AGENCY_SECRETARY');
    await seat('member2', 'PARTY_MEMBER');
    await seat('member3', 'PARTY_MEMBER');
    const year = Number(toCstDate(Date.now()).slice(0, 4));
    const opened = await call('admin', 'POST', '/years', { year });
    expect([201, 409]).toContain(opened.status);
    const paired = await call('supervisorS1', 'POST', '/pairings', {
      partyOrgId: f.units.A.id,
      communityId: f.units.C1.id,
    });
    expect(paired.status).toBe(201);
  });
  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close(), db?.end()]);
  });

  const call = (who: Who, method: string, path: string, body?: unknown, prefix = '/api/v1/programme') =>
    fetch(
      `${api.url}${prefix}${path}`,
      authed(token[who] as string, { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  /** A working day from tomorrow on (China time), for a task's plan date. */
  const nextWorkingDay = () => {
    for (let ms = Date.now() + DAY; ; ms += DAY) if (isWorkingDay(calendar, toCstDate(ms))) return toCstDate(ms);
  };
  const weekendDay = () => {
    for (let ms = Date.now() + DAY; ; ms += DAY) if (!isWorkingDay(calendar, toCstDate(ms))) return toCstDate(ms);
  };
  const countRows = async (sql: string, values: unknown[]) => (await db.query(sql, values)).rows[0].n as number;

  describe('programme year and its policy', () => {
    it('refuses a non-positive target in Chinese and changes nothing; a valid change is a new pinned version', async () => {
      const year = Number(toCstDate(Date.now()).slice(0, 4));
      const before = await json<{ policyVersion: number; policy: { targets: Record<string, number> } }>(
        await call('admin', 'GET', `/years/${year}`),
      );
      expect(before.policy.targets).toMatchObject({ LIVELIHOOD_PROJECT: 2, PARTY_DAY: 1 });
      const versions = await countRows("SELECT count(*)::int AS n FROM policy_version WHERE process = 'programme'", []);
      const bad = { ...before.policy, targets: { ...before.policy.targets, PARTY_DAY: 0 } };
      const refused = await call('admin', 'PUT', `/years/${year}/policy`, bad);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(await refused.json())).toContain('年度目标必须大于 0');
      expect(await countRows("SELECT count(*)::int AS n FROM policy_version WHERE process = 'programme'", [])).toBe(
        versions,
      );
      expect((await json<{ policyVersion: number }>(await call('admin', 'GET', `/years/${year}`))).policyVersion).toBe(
        before.policyVersion,
      );
      expect((await call('secretaryC1', 'PUT', `/years/${year}/policy`, before.policy)).status).toBe(403);
      const badTiming = await call('admin', 'PUT', `/years/${year}/policy`, {
        ...before.policy,
        inspectionTiming: { roundDays: 0, inspectorReminderDays: 3, interviewAfterDays: 5, interviewReminderDays: 1 },
      });
      expect(badTiming.status).toBe(400);
      expect(JSON.stringify(await badTiming.json())).toContain('督查期限必须大于 0 天');
      expect((await json<{ policyVersion: number }>(await call('admin', 'GET', `/years/${year}`))).policyVersion).toBe(
        before.policyVersion,
      );

      const changed = await call('admin', 'PUT', `/years/${year}/policy`, {
        ...before.policy,
        targets: { ...before.policy.targets, PARTY_LECTURE: 2 },
        note: '党课增至两次',
      });
      expect(changed.status).toBe(200);
      const after = await json<{ policyVersion: number; policy: { targets: Record<string, number> } }>(changed);
      expect(after.policyVersion).toBeGreaterThan(before.policyVersion);
      expect(after.policy.targets.PARTY_LECTURE).toBe(2);

      const next = await call('admin', 'POST', '/years', { year: year + 1 });
      expect(next.status).toBe(201);
      const nextYear = await json<{ policyVersion: number; policy: unknown }>(next);
      expect(nextYear.policy).toEqual(after.policy);
      expect(nextYear.policyVersion).toBeGreaterThan(after.policyVersion);
      expect((await call('admin', 'POST', '/years', { year: year + 1 })).status).toBe(409);
    });
  });

  describe('pairing and report-in (报到)', () => {
    it('pairs once, members report in once, the community confirms, deployments keep the history', async () => {
      const again = await call('admin', 'POST', '/pairings', { partyOrgId: f.units.A.id, communityId: f.units.C1.id });
      expect(again.status).toBe(409);
      expect((await json<ErrorBody>(again)).message).toBe('该机关党组织已与该社区结对');
      expect(
        (await call('secretaryC1', 'POST', '/pairings', { partyOrgId: f.units.A.id, communityId: f.units.C1.id }))
          .status,
      ).toBe(403);

      const reported = await call('partyMemberA', 'POST', '/report-ins', { communityId: f.units.C1.id });
      expect(reported.status).toBe(201);
      const row = await json<{ id: string; status: string; partyOrgId: string }>(reported);
      expect(row).toMatchObject({ status: 'REPORTED', partyOrgId: f.units.A.id });
      const twice = await call('partyMemberA', 'POST', '/report-ins', { communityId: f.units.C2.id });
      expect(twice.status).toBe(409);
      expect((await json<ErrorBody>(twice)).message).toContain('您已报到');
      expect((await call('partyMemberA', 'POST', `/report-ins/${row.id}/confirm`)).status).toBe(403);
      const confirmed = await call('secretaryC1', 'POST', `/report-ins/${row.id}/confirm`);
      expect(confirmed.status).toBe(200);
      expect((await json(confirmed)).status).toBe('CONFIRMED');
      expect((await call('secretaryC1', 'POST', `/report-ins/${row.id}/confirm`)).status).toBe(409);

      const batch2 = await call('agencySecretaryA', 'POST', '/deployments', {
        partyOrgId: f.units.A.id,
        communityId: f.units.C1.id,
        batch: 2,
        memberIds: [ids.member2],
      });
      expect(batch2.status).toBe(201);
      const moved = await call('agencySecretaryA', 'POST', '/deployments', {
        partyOrgId: f.units.A.id,
        communityId: f.units.C2.id,
        batch: 3,
        memberIds: [ids.member2],
        reason: '调强补优：C2 社区需要法律服务',
      });
      expect(moved.status).toBe(201);
      const { items: history } = await json<{
        items: { status: string; communityId: string; batch: number; endReason: string | null }[];
      }>(await call('agencySecretaryA', 'GET', `/members?personId=${ids.member2}&includeEnded=true`));
      expect(history.map((h) => [h.status, h.communityId, h.batch])).toEqual(
        expect.arrayContaining([
          ['ENDED', f.units.C1.id, 2],
          ['REPORTED', f.units.C2.id, 3],
        ]),
      );
      expect(history).toHaveLength(2);
      expect(history.find((h) => h.status === 'ENDED')?.endReason).toBe('调强补优：C2 社区需要法律服务');
      const notOurs = await call('agencySecretaryA', 'POST', '/deployments', {
        partyOrgId: f.units.A.id,
        communityId: f.units.C1.id,
        batch: 1,
        memberIds: [f.people.gridWorkerG1.id],
      });
      expect(notOurs.status).toBe(400);

      // The agency's members may not read the community's unit, yet see its name on the pairing they serve through.
      const unitName = async (id: string) =>
        (await db.query('SELECT name FROM org_unit WHERE id = $1', [id])).rows[0].name as string;
      const { items: pairings } = await json<{ items: Record<string, string>[] }>(
        await call('partyMemberA', 'GET', '/pairings'),
      );
      expect(pairings).toContainEqual(
        expect.objectContaining({
          partyOrgId: f.units.A.id,
          communityId: f.units.C1.id,
          partyOrgName: await unitName(f.units.A.id),
          communityName: await unitName(f.units.C1.id),
        }),
      );

      const { items: community } = await json<{ items: { personId: string; communityName: string }[] }>(
        await call('secretaryC1', 'GET', '/members'),
      );
      expect(community.map((m) => m.personId)).toContain(ids.partyMemberA);
      expect(community.map((m) => m.personId)).not.toContain(ids.member2);
      expect(community[0].communityName).toBe(await unitName(f.units.C1.id));

      // Both lists are paged by the API: a page holds at most pageSize rows, total counts them all.
      const all = await json<{ items: { personId: string }[]; total: number }>(
        await call('agencySecretaryA', 'GET', '/members?includeEnded=true&pageSize=200'),
      );
      expect(all.total).toBeGreaterThanOrEqual(3);
      const pages = await Promise.all(
        [1, 2].map(async (page) =>
          json<{ items: { id: string }[]; total: number; page: number; pageSize: number }>(
            await call('agencySecretaryA', 'GET', `/members?includeEnded=true&page=${page}&pageSize=1`),
          ),
        ),
      );
      expect(pages.map((p) => [p.items.length, p.total, p.page, p.pageSize])).toEqual([
        [1, all.total, 1, 1],
        [1, all.total, 2, 1],
      ]);
      expect(pages[0].items[0].id).not.toBe(pages[1].items[0].id);
      const memberName = (await db.query('SELECT name FROM person WHERE id = $1', [ids.member2])).rows[0]
        .name as string;
      const named = await json<{ items: { personId: string }[]; total: number }>(
        await call('agencySecretaryA', 'GET', `/members?includeEnded=true&q=${encodeURIComponent(memberName)}`),
      );
      expect(named.items.map((m) => m.personId)).toContain(ids.member2);
      expect(named.items.map((m) => m.personId)).not.toContain(ids.partyMemberA);
      expect(named.total).toBe(named.items.length);
      const pairingPage = await json<{ items: unknown[]; total: number; page: number; pageSize: number }>(
        await call('supervisorS1', 'GET', '/pairings?pageSize=1&page=1'),
      );
      expect(pairingPage.items).toHaveLength(1);
      expect(pairingPage.total).toBeGreaterThanOrEqual(1);
      expect((await call('supervisorS1', 'GET', '/pairings?pageSize=201')).status).toBe(400);
    });
  });

  describe('quota tasks (one workflow each)', () => {
    it('claimed, members named, evidence refused until complete, sent back, confirmed — counted in the month confirmed', async () => {
      const weekend = await call('secretaryC1', 'POST', '/tasks', {
        requestKey: `task-${randomUUID()}`,
        kind: 'PARTY_DAY',
        title: '联合主题党日',
        description: '与社区联合开展主题党日',
        communityId: f.units.C1.id,
        planDate: weekendDay(),
      });
      expect(weekend.status).toBe(400);
      expect((await json<ErrorBody>(weekend)).message).toBe('计划日期须为工作日');

      const requestKey = `task-${randomUUID()}`;
      const body = {
        requestKey,
        kind: 'PARTY_DAY',
        title: '联合主题党日',
        description: '与社区联合开展主题党日',
        communityId: f.units.C1.id,
        planDate: nextWorkingDay(),
      };
      const created = await call('secretaryC1', 'POST', '/tasks', body);
      expect(created.status).toBe(201);
      const task = await json<{ id: string; status: string; workflowId: string }>(created);
      expect(task.status).toBe('OPEN');
      expect((await json<{ id: string }>(await call('secretaryC1', 'POST', '/tasks', body))).id).toBe(task.id);

      expect((await call('partyMemberA', 'POST', `/tasks/${task.id}/claim`)).status).toBe(403);
      const claimed = await call('agencySecretaryA', 'POST', `/tasks/${task.id}/claim`);
      expect(claimed.status).toBe(200);
      expect(await json(claimed)).toMatchObject({ status: 'ASSIGNED', partyOrgId: f.units.A.id });
      const claimedAgain = await call('agencySecretaryA', 'POST', `/tasks/${task.id}/claim`);
      expect(claimedAgain.status).toBe(409);
      expect((await json<ErrorBody>(claimedAgain)).message).toBe('任务当前为「承办中」，不能认领或分派');

      expect(
        (await call('agencySecretaryA', 'POST', `/tasks/${task.id}/members`, { memberIds: [f.people.gridWorkerG1.id] }))
          .status,
      ).toBe(400);
      expect(
        (await call('agencySecretaryA', 'POST', `/tasks/${task.id}/members`, { memberIds: [ids.partyMemberA] })).status,
      ).toBe(200);

      const missing = await call('partyMemberA', 'POST', `/tasks/${task.id}/evidence`, { description: '开展了活动' });
      expect(missing.status).toBe(400);
      expect(await json(missing)).toMatchObject({
        code: 'EVIDENCE_MISSING',
        message: '完成材料不全，还缺：现场照片、参加人员签到',
      });
      const unchanged = await json<{ status: string; timeline: { kind: string }[] }>(
        await call('secretaryC1', 'GET', `/tasks/${task.id}`),
      );
      expect(unchanged.status).toBe('ASSIGNED');
      expect(unchanged.timeline.map((e) => e.kind)).not.toContain('SUBMITTED');

      const evidence = { description: '主题党日：清理楼道', photos: ['photos/a.jpg'], attendance: ['张三', '李四'] };
      expect((await call('partyMemberA', 'POST', `/tasks/${task.id}/evidence`, evidence)).status).toBe(200);
      expect((await call('partyMemberA', 'POST', `/tasks/${task.id}/review`, { accept: true })).status).toBe(403);
      const sentBack = await call('secretaryC1', 'POST', `/tasks/${task.id}/review`, {
        accept: false,
        comment: '请补充居民签到',
      });
      expect(sentBack.status).toBe(200);
      expect((await json(sentBack)).status).toBe('SENT_BACK');
      expect(
        (
          await call('partyMemberA', 'POST', `/tasks/${task.id}/evidence`, {
            ...evidence,
            attendance: ['张三', '李四', '居民王五'],
          })
        ).status,
      ).toBe(200);
      const confirmed = await call('secretaryC1', 'POST', `/tasks/${task.id}/review`, { accept: true });
      expect(confirmed.status).toBe(200);
      const done = await json<{ status: string; confirmedMonth: string; timeline: { kind: string }[] }>(confirmed);
      expect(done.status).toBe('CONFIRMED');
      expect(done.confirmedMonth).toBe(toCstDate(Date.now()).slice(0, 7));
      expect(done.timeline.map((e) => e.kind)).toEqual([
        'CREATED',
        'CLAIMED',
        'MEMBERS_NAMED',
        'SUBMITTED',
        'SENT_BACK',
        'SUBMITTED',
        'CONFIRMED',
      ]);
      const { items: members } = await json<{ items: { personId: string; serviceCount: number }[] }>(
        await call('agencySecretaryA', 'GET', `/members?personId=${ids.partyMemberA}`),
      );
      expect(members[0].serviceCount).toBeGreaterThanOrEqual(1);
      await eventually(
        async () =>
          (
            await db.query('SELECT 1 FROM audit_entry WHERE action = $1 AND entity_id = $2', [
              'programme.task.confirmed',
              task.id,
            ])
          ).rowCount,
        'the confirmation audited',
      );
    });
  });

  describe('受益方评价 rating by the people helped', () => {
    it('once the task is confirmed the community records the beneficiary’s 1–5 stars once; a low one tells the agency', async () => {
      const created = await json<{ id: string; ratingState: string }>(
        await call('secretaryC1', 'POST', '/tasks', {
          requestKey: `task-${randomUUID()}`,
          kind: 'ENTERPRISE_PROBLEM',
          title: '解决企业用电难题',
          description: '协调供电公司为社区企业增容',
          communityId: f.units.C1.id,
          partyOrgId: f.units.A.id,
          planDate: nextWorkingDay(),
        }),
      );
      const id = created.id;
      expect(created.ratingState).toBe('NOT_CONFIRMED');
      expect(
        (await call('agencySecretaryA', 'POST', `/tasks/${id}/members`, { memberIds: [ids.partyMemberA] })).status,
      ).toBe(200);
      const evidence = {
        description: '已增容',
        beneficiaryConfirmation: { name: '某某商贸公司', phone: '13800000000' },
      };
      expect((await call('partyMemberA', 'POST', `/tasks/${id}/evidence`, evidence)).status).toBe(200);
      const early = await call('secretaryC1', 'POST', `/tasks/${id}/rating`, { stars: 5 });
      expect(early.status).toBe(409);
      expect(await json(early)).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: '任务经社区确认完成后才能评价' });
      expect((await call('secretaryC1', 'POST', `/tasks/${id}/review`, { accept: true })).status).toBe(200);

      const badStars = await call('secretaryC1', 'POST', `/tasks/${id}/rating`, { stars: 6 });
      expect(badStars.status).toBe(400);
      expect(JSON.stringify(await json(badStars))).toContain('星级为 1–5 星');
      expect((await call('partyMemberA', 'POST', `/tasks/${id}/rating`, { stars: 5 })).status).toBe(403);
      const rated = await call('secretaryC1', 'POST', `/tasks/${id}/rating`, { stars: 1, comment: '只来了一次' });
      expect(rated.status).toBe(200);
      const after = await json<{ ratingState: string; rating: unknown; timeline: { kind: string }[] }>(rated);
      expect(after).toMatchObject({
        ratingState: 'RATED',
        rating: { stars: 1, comment: '只来了一次', raterName: '某某商贸公司', low: true },
      });
      expect(after.timeline.map((e) => e.kind).slice(-1)).toEqual(['RATED']);
      const again = await call('secretaryC1', 'POST', `/tasks/${id}/rating`, { stars: 5 });
      expect(again.status).toBe(409);
      expect(await json(again)).toMatchObject({ code: 'ALREADY_RATED', message: '该任务已评价，每项任务只能评价一次' });
      expect(await json(await call('secretaryC1', 'GET', `/tasks/${id}`))).toMatchObject({ rating: { stars: 1 } });
      expect(
        await countRows(
          "SELECT count(*)::int AS n FROM inbox_message WHERE recipient_id = $1 AND template = 'programme.task-low-rating'",
          [ids.agencySecretaryA],
        ),
      ).toBe(1);
    });
  });

  describe('微心愿 micro-wishes', () => {
    it('two racing claims: exactly one wins, the other is refused in Chinese; release reopens; the resident confirms', async () => {
      const published = await call('secretaryC1', 'POST', '/wishes', {
        communityId: f.units.C1.id,
        title: '一台助听器',
        description: '独居老人听力下降',
        budgetCapYuan: 800,
        deadline: new Date(Date.now() + 30 * DAY).toISOString(),
        residentPhone: f.people.resident.phone,
      });
      expect(published.status).toBe(201);
      const wish = await json<{ id: string }>(published);
      const racing = await Promise.all([
        call('partyMemberA', 'POST', `/wishes/${wish.id}/claim`),
        call('member2', 'POST', `/wishes/${wish.id}/claim`),
      ]);
      expect(racing.map((r) => r.status).sort()).toEqual([200, 409]);
      const listed = await json<{ items: { id: string }[]; total: number; page: number; pageSize: number }>(
        await call('partyMemberA', 'GET', '/wishes?status=CLAIMED&pageSize=1'),
      );
      expect(listed).toMatchObject({
        page: 1,
        pageSize: 1,
        total: await countRows(
          "SELECT count(*)::int AS n FROM micro_wish WHERE status = 'CLAIMED' AND community_id = $1",
          [f.units.C1.id],
        ),
      });
      expect(listed.items.map((w) => w.id)).toEqual([wish.id]);
      const loser = racing.find((r) => r.status === 409) as Response;
      expect(await json(loser)).toMatchObject({
        code: 'WISH_ALREADY_CLAIMED',
        message: '该微心愿已被认领，不能重复认领',
      });
      const winnerIndex = racing.findIndex((r) => r.status === 200);
      const [winner, other] =
        winnerIndex === 0 ? (['partyMemberA', 'member2'] as const) : (['member2', 'partyMemberA'] as const);
      const stored = (await db.query('SELECT status, claimed_by_person_id FROM micro_wish WHERE id = $1', [wish.id]))
        .rows[0];
      expect(stored).toEqual({ status: 'CLAIMED', claimed_by_person_id: ids[winner] });

      expect((await call(other, 'POST', `/wishes/${wish.id}/release`)).status).toBe(409);
      expect((await json(await call(winner, 'POST', `/wishes/${wish.id}/release`))).status).toBe('OPEN');
      expect((await json(await call(other, 'POST', `/wishes/${wish.id}/claim`))).claimedByPersonId).toBe(ids[other]);

      const resident = await residentSignIn(api.url, db, f.people.resident.phone);
      const confirm = () =>
        fetch(`${api.url}/api/v1/my/wishes/${wish.id}/confirm`, authed(resident.accessToken, { method: 'POST' }));
      const fulfilled = await confirm();
      expect(fulfilled.status).toBe(200);
      expect((await json(fulfilled)).status).toBe('FULFILLED');
      expect((await confirm()).status).toBe(409);
      expect((await call(winner, 'POST', `/wishes/${wish.id}/claim`)).status).toBe(409);
    });
  });

  describe('志愿服务 volunteer activities', () => {
    it('racing sign-ups never pass the cap; check-in and confirmed attendance record service hours', async () => {
      const start = Date.now() - 10 * 60_000;
      const published = await call('secretaryC1', 'POST', '/activities', {
        communityId: f.units.C1.id,
        title: '社区环境清洁',
        place: '幸福路小广场',
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 2 * 3_600_000).toISOString(),
        cap: 2,
      });
      expect(published.status).toBe(201);
      const activity = await json<{ id: string }>(published);
      expect((await call('member3', 'POST', '/report-ins', { communityId: f.units.C1.id })).status).toBe(201);
      const who = ['partyMemberA', 'member2', 'member3'] as const;
      const racing = await Promise.all(who.map((w) => call(w, 'POST', `/activities/${activity.id}/signups`)));
      expect(racing.map((r) => r.status).sort()).toEqual([201, 201, 409]);
      const full = racing.find((r) => r.status === 409) as Response;
      expect(await json(full)).toMatchObject({ code: 'ACTIVITY_FULL', message: '活动「社区环境清洁」已报满（2 人）' });
      const rows = await db.query('SELECT signed_up FROM volunteer_activity WHERE id = $1', [activity.id]);
      expect(rows.rows[0].signed_up).toBe(2);
      expect(
        await countRows('SELECT count(*)::int AS n FROM volunteer_signup WHERE activity_id = $1', [activity.id]),
      ).toBe(2);

      const joined = who.filter((_, i) => racing[i].status === 201);
      const left = who.find((_, i) => racing[i].status === 409) as Who;
      expect((await call(left, 'POST', `/activities/${activity.id}/signups`)).status).toBe(409);
      for (const w of joined) expect((await call(w, 'POST', `/activities/${activity.id}/check-in`)).status).toBe(200);
      expect((await call(left, 'POST', `/activities/${activity.id}/check-in`)).status).toBe(409);

      const wrong = await call('secretaryC1', 'POST', `/activities/${activity.id}/attendance`, {
        personIds: [ids[left]],
      });
      expect(wrong.status).toBe(400);
      expect(
        await countRows(
          'SELECT count(*)::int AS n FROM volunteer_signup WHERE activity_id = $1 AND confirmed_at IS NOT NULL',
          [activity.id],
        ),
      ).toBe(0);
      const attended = await call('secretaryC1', 'POST', `/activities/${activity.id}/attendance`, {
        personIds: joined.map((w) => ids[w]),
      });
      expect(attended.status).toBe(200);
      const detail = await json<{ signups: { personId: string; hours: string }[] }>(attended);
      expect(detail.signups.map((s) => Number(s.hours))).toEqual([2, 2]);
      // The detail names who signed up, so confirming attendance needs no list of all members.
      const named = await json<{ signups: { personId: string; personName: string }[] }>(
        await call('secretaryC1', 'GET', `/activities/${activity.id}`),
      );
      const nameOf = async (id: string) =>
        (await db.query('SELECT name FROM person WHERE id = $1', [id])).rows[0].name as string;
      expect(named.signups.map((s) => s.personName).sort()).toEqual(
        (await Promise.all(joined.map((w) => nameOf(ids[w]!)))).sort(),
      );
      for (const w of joined) {
        const {
          items: [me],
        } = await json<{ items: { serviceHours: number }[] }>(
          await call('admin', 'GET', `/members?personId=${ids[w]}`),
        );
        expect(me.serviceHours).toBe(2);
      }
    });
  });

  describe('completion table', () => {
    it('matches the confirmed tasks and fulfilled wishes per kind, and exports the same to .xlsx', async () => {
      const year = Number(toCstDate(Date.now()).slice(0, 4));
      const { policy } = await json<{ policy: { targets: Record<string, number> } }>(
        await call('admin', 'GET', `/years/${year}`),
      );
      const table = await json<{
        rows: { partyOrgId: string; name: string; kinds: Record<string, { target: number; confirmed: number }> }[];
      }>(await call('supervisorS1', 'GET', `/completion?year=${year}`));
      const row = table.rows.find((r) => r.partyOrgId === f.units.A.id);
      const confirmed = await db.query(
        "SELECT kind, count(*)::int AS n FROM programme_task WHERE party_org_id = $1 AND status = 'CONFIRMED' AND year = $2 GROUP BY kind",
        [f.units.A.id, year],
      );
      const wishes = await countRows(
        "SELECT count(*)::int AS n FROM micro_wish WHERE claimed_by_org_id = $1 AND status = 'FULFILLED'",
        [f.units.A.id],
      );
      const expected = Object.fromEntries(
        Object.entries(policy.targets).map(([kind, target]) => [
          kind,
          {
            target,
            confirmed:
              ((confirmed.rows as { kind: string; n: number }[]).find((r) => r.kind === kind)?.n ?? 0) +
              (kind === 'MICRO_WISH' ? wishes : 0),
          },
        ]),
      );
      expect(row?.kinds).toEqual(expected);
      expect(row?.kinds.PARTY_DAY.confirmed).toBe(1);
      expect(row?.kinds.MICRO_WISH.confirmed).toBe(1);

      const exported = await call('supervisorS1', 'GET', `/completion/export?year=${year}`);
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(await exported.arrayBuffer()) as never);
      const sheet = book.worksheets[0];
      const line = sheet.getSheetValues().find((v) => Array.isArray(v) && v[2] === row?.name) as unknown[];
      expect(line[4]).toBe(`1/${policy.targets.PARTY_DAY}`);
      expect(line[6]).toBe(`1/${policy.targets.MICRO_WISH}`);
      expect((await call('partyMemberA', 'GET', `/completion?year=1999`)).status).toBe(400);
    });
  });
});
