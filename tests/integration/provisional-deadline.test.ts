import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client } from 'pg';
import { PrismaClient } from '../../src/generated/prisma/client';
import { QueueName } from '../../src/infra/queue/job-catalog';
import { JobQueueService } from '../../src/infra/queue/job-queue.service';
import { ScheduleReminderProcessor } from '../../src/modules/calendar/schedule-reminder.processor';
import { BusinessCalendar, isWorkingDay, nextWorkingDay, toCstDate, toCstMinute } from '../../src/shared/calendar';
import { eventually, startApi, startWorker } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';

interface Clock {
  name: string;
  deadline: string;
  provisional: boolean;
}
interface Detail {
  id: string;
  caseNo: string;
  resolveDeadline: string | null;
  resolveDeadlineProvisional: boolean;
  clocks: Clock[] | null;
  timeline: { kind: string }[];
}

const DAY = 86_400_000;
const at = (cst: string) => Date.parse(`${cst.replace(' ', 'T')}:00+08:00`);

describe('deadlines past the last published holiday year (暂定)', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  let supervisorD: string;
  const token: Record<string, string> = {};
  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(
      `${api.url}/api/v1${path}`,
      authed(token[who], { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const calendarOfD = async () =>
    (
      (await call('admin', 'GET', `/calendars/effective?districtId=${f.units.D.id}`)).body as {
        calendar: BusinessCalendar;
      }
    ).calendar;
  const fifteenDaysFrom = async (startCst: string) =>
    (
      await call(
        'gridWorkerG1',
        'GET',
        `/calendars/deadline?start=${encodeURIComponent(`${startCst.replace(' ', 'T')}:00+08:00`)}&unit=workingDays&amount=15&districtId=${f.units.D.id}`,
      )
    ).body;
  const reminders = async (personId: string) =>
    (
      await db.query(
        "SELECT title, dedup_key FROM inbox_message WHERE template = 'calendar.schedule-missing' AND recipient_id = $1 ORDER BY created_at",
        [personId],
      )
    ).rows as { title: string; dedup_key: string }[];
  const remindAt = (cst: string) => worker.get(ScheduleReminderProcessor).handle({}, { timestamp: at(cst) });

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
    for (const who of ['admin', 'gridWorkerG1'])
      token[who] = (await login(api.url, f.people[who].username)).accessToken;
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    // the fixture's supervisor sits on a street; the reminder goes to the district's
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL as string }),
    });
    const person = await prisma.person.create({
      data: {
        name: `区督导-${f.tag}`,
        phone: `17${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`,
        kind: 'STAFF',
      },
    });
    await prisma.position.create({
      data: { personId: person.id, unitId: f.units.D.id, role: 'SUPERVISOR', startsOn: new Date('2024-01-01') },
    });
    supervisorD = person.id;
    await prisma.$disconnect();
  });
  afterAll(() => Promise.all([api?.app.close(), worker?.close(), db?.end()]));

  it('marks a December start whose 15 working days reach 2027 as provisional, with the reason', async () => {
    expect(await fifteenDaysFrom('2026-12-11 10:00')).toMatchObject({
      deadlineCst: '2027-01-01T17:30:00+08:00',
      publishedThroughYear: 2026,
      provisional: true,
      note: '跨越尚未发布节假日安排的年份，截止时间为暂定',
    });
    const inYear = await fifteenDaysFrom('2026-12-10 10:00');
    expect(inYear).toMatchObject({ deadlineCst: '2026-12-31T17:30:00+08:00', provisional: false });
    expect(inYear).not.toHaveProperty('note');
    // a district's own day off in 2027 is no published schedule for 2027
    expect(
      (
        await call('admin', 'POST', '/calendars/versions', {
          districtId: f.units.D.id,
          holidays: ['2027-03-15'],
          makeUpWorkdays: [],
        })
      ).status,
    ).toBe(201);
    expect((await calendarOfD()).publishedThroughYear).toBe(2026);
    expect(await fifteenDaysFrom('2026-12-11 10:00')).toMatchObject({ provisional: true });
  });

  it('runs the reminder check every day at 09:00 China time as a job scheduler of the worker', async () => {
    const scheduler = await worker
      .get(JobQueueService)
      .queue(QueueName.NotifyControl)
      .getJobScheduler('calendar-schedule-reminder');
    expect(scheduler).toMatchObject({ name: 'calendars.schedule-reminder', pattern: '0 9 * * *', tz: 'Asia/Shanghai' });
    expect(toCstMinute(scheduler?.next as number).slice(11)).toBe('09:00');
  });

  it('reminds the district’s supervisors and administrators from 1 November, once a week, while 2027 is missing', async () => {
    await remindAt('2026-10-31 23:00');
    expect(await reminders(supervisorD)).toEqual([]);
    await remindAt('2026-11-01 09:00');
    expect(await reminders(supervisorD)).toEqual([expect.objectContaining({ title: '请录入 2027 年节假日安排' })]);
    expect(await reminders(f.people.admin.id)).toHaveLength(1);
    await remindAt('2026-11-01 09:00'); // a re-run job
    await remindAt('2026-11-05 09:00');
    await remindAt('2026-11-07 23:30');
    expect(await reminders(supervisorD)).toHaveLength(1);
    await remindAt('2026-11-08 09:00');
    await remindAt('2026-11-10 09:00');
    const sent = await reminders(supervisorD);
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((m) => m.dedup_key)).size).toBe(2);
    expect(await reminders(f.people.admin.id)).toHaveLength(2);
    expect(await reminders(f.people.supervisorS1.id)).toEqual([]); // a street's supervisor is not the district's
  });

  describe('a case counted into next year', () => {
    const year = +toCstDate(Date.now()).slice(0, 4);
    let caseId: string;
    let caseNo: string;
    let before: Clock;
    const detail = async () => (await call('gridWorkerG1', 'GET', `/cases/${caseId}`)).body as unknown as Detail;
    const resolutionClock = async () => (await detail()).clocks?.find((c) => c.name === 'resolution');

    it('is provisional in the workflow’s clocks, the case detail, the list and the read model', async () => {
      // years between 2026 and this one are entered first, so that only next year is missing
      for (let y = 2027; y <= year; y++) {
        expect(
          (
            await call('admin', 'POST', '/calendars/import-festivals', {
              districtId: f.units.D.id,
              year: y,
              festivals: [{ name: '元旦', off: [`${y}-01-01`], makeUp: [] }],
            })
          ).status,
        ).toBe(201);
      }
      // the district rests on every remaining working day of this year, so any working-day limit counts into next year
      const calendar = await calendarOfD();
      const rest: string[] = [];
      for (let day = Date.now(); toCstDate(day) <= `${year}-12-31`; day += DAY)
        if (isWorkingDay(calendar, day)) rest.push(toCstDate(day));
      const local = await call('admin', 'POST', '/calendars/versions', {
        districtId: f.units.D.id,
        holidays: rest,
        makeUpWorkdays: [],
        note: '测试：年底集中休整',
      });
      expect(local.status).toBe(201);

      const created = await call('gridWorkerG1', 'POST', '/cases', {
        requestKey: `key-${randomUUID()}`,
        channel: 'HOTLINE',
        category: f.category,
        description: `年底报修-${f.tag}`,
        address: f.addresses.G1,
        reporterPhone: '13900000001',
      });
      expect(created.status).toBe(201);
      ({ id: caseId, caseNo } = created.body as { id: string; caseNo: string });
      await eventually(
        async () => (await call('gridWorkerG1', 'POST', `/cases/${caseId}/accept`, {})).status === 200,
        'the case accepted',
      );
      before = await eventually(resolutionClock, 'the resolution clock');
      expect(before.deadline.slice(0, 4)).toBe(String(year + 1));
      expect(before.provisional).toBe(true);
      expect((await detail()).clocks?.find((c) => c.name === 'accept')).toMatchObject({ provisional: false });
      const shown = await eventually(async () => {
        const d = await detail();
        return d.resolveDeadline ? d : null;
      }, 'the stored resolve deadline');
      expect(shown).toMatchObject({ resolveDeadline: before.deadline, resolveDeadlineProvisional: true });
      const list = (await call('gridWorkerG1', 'GET', `/cases?q=${caseNo}`)).body as {
        items: { id: string; resolveDeadlineProvisional: boolean }[];
      };
      expect(list.items).toEqual([expect.objectContaining({ id: caseId, resolveDeadlineProvisional: true })]);
    });

    it('entering next year’s schedule clears 暂定, moves the deadline past its New Year holiday and stops the reminders', async () => {
      const firstWorkingDay = nextWorkingDay(await calendarOfD(), `${year}-12-31`);
      expect(firstWorkingDay.slice(0, 4)).toBe(String(year + 1)); // the first counted day of the case
      const imported = await call('admin', 'POST', '/calendars/import-festivals', {
        districtId: f.units.D.id,
        year: year + 1,
        festivals: [{ name: '元旦', off: [firstWorkingDay], makeUp: [] }],
      });
      expect(imported.status).toBe(201);

      const after = await eventually(async () => {
        const c = await resolutionClock();
        return c && c.deadline !== before.deadline ? c : null;
      }, 'the re-computed deadline');
      expect(after.provisional).toBe(false);
      // one counted day became a holiday: the deadline moves to the next working day of the new calendar
      expect(toCstDate(Date.parse(after.deadline))).toBe(
        nextWorkingDay(await calendarOfD(), toCstDate(Date.parse(before.deadline))),
      );
      const stored = await eventually(async () => {
        const d = await detail();
        return d.timeline.some((e) => e.kind === 'DEADLINE_RECOMPUTED') ? d : null;
      }, 'the DEADLINE_RECOMPUTED entry');
      const row = (
        await db.query('SELECT resolve_deadline, resolve_deadline_provisional FROM request_case WHERE id = $1', [
          caseId,
        ])
      ).rows[0];
      expect(row).toEqual({ resolve_deadline: new Date(after.deadline), resolve_deadline_provisional: false });
      expect(stored).toMatchObject({ resolveDeadlineProvisional: false });

      if (year === 2026)
        expect(await fifteenDaysFrom('2026-12-11 10:00')).toMatchObject({
          publishedThroughYear: 2027,
          provisional: false,
        });
      // a later whole version of the district's override keeps the year it imported
      expect(
        (
          await call('admin', 'POST', '/calendars/versions', {
            districtId: f.units.D.id,
            holidays: [],
            makeUpWorkdays: [],
          })
        ).status,
      ).toBe(201);
      expect((await calendarOfD()).publishedThroughYear).toBe(year + 1);
      await remindAt('2026-11-15 09:00');
      await remindAt('2027-01-04 09:00');
      expect(await reminders(supervisorD)).toHaveLength(2);
    });
  });
});
