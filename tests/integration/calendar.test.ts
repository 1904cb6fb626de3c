import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { CalendarService } from '../../src/modules/calendar/calendar.service';
import { startApi } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';

interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string; version?: number; id?: string };
}
interface Effective {
  calendar: { holidays: string[]; makeUpWorkdays: string[]; workingHours: unknown[] };
  versions: { base: number; district?: number };
}

describe('business calendars: versions, district overrides, deadlines', () => {
  let api: { app: INestApplication; url: string };
  let f: OrgFixture;
  let db: Client;
  const tokens: Record<string, string> = {};
  const call = async (who: string, method: string, path: string, body?: unknown): Promise<Answer> => {
    const res = await fetch(
      `${api.url}/api/v1/calendars${path}`,
      authed(tokens[who], { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  };
  const effective = async (districtId?: string) =>
    (await call('admin', 'GET', `/effective${districtId ? `?districtId=${districtId}` : ''}`))
      .body as unknown as Effective;
  const sevenDaysFrom0918 = async (districtId?: string) =>
    (
      await call(
        'gridWorkerG1',
        'GET',
        `/deadline?start=${encodeURIComponent('2026-09-18T10:00:00+08:00')}&unit=workingDays&amount=7${districtId ? `&districtId=${districtId}` : ''}`,
      )
    ).body;
  // Only this file's own scopes and actors: other test files write calendars and audit entries at the same time.
  const counts = async () =>
    (
      await db.query(
        `SELECT
    (SELECT count(*) FROM calendar_version WHERE scope_unit_id = ANY($1::uuid[]) OR created_by = ANY($2::uuid[]))::int AS versions,
    (SELECT count(*) FROM audit_entry WHERE action = 'calendar.version.create' AND actor_id = ANY($2::uuid[]))::int AS audit`,
        [
          [f.units.D.id, f.units.S1.id],
          [f.people.admin.id, f.people.supervisorS1.id],
        ],
      )
    ).rows[0] as { versions: number; audit: number };

  beforeAll(async () => {
    [api, f] = await Promise.all([startApi(), buildOrgFixture()]);
    for (const who of ['admin', 'supervisorS1', 'gridWorkerG1', 'resident'])
      tokens[who] = (await login(api.url, f.people[who].username)).accessToken;
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(() => Promise.all([api?.app.close(), db?.end()]));

  it('has the 2026 national schedule as base version 1 once the app has started, never twice', async () => {
    const history = await call('gridWorkerG1', 'GET', '/versions');
    const versions = history.body as unknown as {
      version: number;
      scopeUnitId: string | null;
      data: { holidays: string[]; makeUpWorkdays: string[] };
    }[];
    expect(versions.at(-1)).toMatchObject({ version: 1, scopeUnitId: null });
    expect(versions.at(-1)?.data.holidays).toEqual(expect.arrayContaining(['2026-01-01', '2026-02-15', '2026-10-07']));
    expect(versions.at(-1)?.data.makeUpWorkdays).toEqual(expect.arrayContaining(['2026-09-20', '2026-10-10']));
    const base = await effective();
    expect(base.versions.base).toBeGreaterThanOrEqual(1);
    expect(base.calendar.holidays).toContain('2026-10-01');
    // every test file boots its own API, each running the seed: the advisory lock must keep base versions unique
    const dupes = await db.query(
      'SELECT version FROM calendar_version WHERE scope_unit_id IS NULL GROUP BY version HAVING count(*) > 1',
    );
    expect(dupes.rows).toEqual([]);
  });

  it('moves a district’s deadline when the district declares a local holiday, and audits the new version', async () => {
    const before = await sevenDaysFrom0918(f.units.D.id);
    expect(before).toMatchObject({
      deadlineCst: '2026-09-29T17:30:00+08:00',
      deadline: '2026-09-29T09:30:00.000Z',
      versions: { district: 0 },
    });
    const created = await call('admin', 'POST', '/versions', {
      districtId: f.units.D.id,
      holidays: ['2026-09-28'],
      makeUpWorkdays: [],
      note: '区级防汛调休',
    });
    expect(created).toMatchObject({
      status: 201,
      body: { version: 1, scopeUnitId: f.units.D.id, data: { holidays: ['2026-09-28'], makeUpWorkdays: [] } },
    });
    const district = await effective(f.units.D.id);
    expect(district.versions).toEqual({ base: expect.any(Number), district: 1 });
    expect(district.calendar.holidays).toEqual(expect.arrayContaining(['2026-09-28', '2026-10-01']));
    expect(await sevenDaysFrom0918(f.units.D.id)).toMatchObject({
      deadlineCst: '2026-09-30T17:30:00+08:00',
      versions: { district: 1 },
    });
    expect(await sevenDaysFrom0918()).toMatchObject({ deadlineCst: '2026-09-29T17:30:00+08:00' });
    const { rows } = await db.query('SELECT * FROM audit_entry WHERE entity_id = $1', [created.body.id]);
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'calendar.version.create',
        entity_type: 'calendar_version',
        unit_id: f.units.D.id,
        actor_id: f.people.admin.id,
        before: null,
        after: expect.objectContaining({ version: 1, note: '区级防汛调休' }),
      }),
    ]);
  });

  it('numbers versions per scope, lists them newest first and never hands out a number twice under concurrency', async () => {
    const hours = [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ];
    const second = await call('admin', 'POST', '/versions', {
      districtId: f.units.D.id,
      holidays: ['2026-09-28'],
      makeUpWorkdays: [],
      workingHours: hours,
    });
    expect(second).toMatchObject({ status: 201, body: { version: 2 } });
    expect(await sevenDaysFrom0918(f.units.D.id)).toMatchObject({
      deadlineCst: '2026-09-30T18:00:00+08:00',
      versions: { district: 2 },
    });
    const parallel = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        call('admin', 'POST', '/versions', { districtId: f.units.D.id, holidays: ['2026-09-28'], makeUpWorkdays: [] }),
      ),
    );
    expect(parallel.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(parallel.map((r) => r.body.version).sort()).toEqual([3, 4, 5, 6, 7]);
    const history = (await call('admin', 'GET', `/versions?districtId=${f.units.D.id}`)).body as unknown as {
      version: number;
    }[];
    expect(history.map((v) => v.version)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const latest = await api.app.get(CalendarService).latestVersionNumbers();
    expect(latest.districts[f.units.D.id]).toBe(7);
    expect(latest.base).toBeGreaterThanOrEqual(1);
  });

  it('imports next year’s published schedule by appending to a new version, earlier dates kept', async () => {
    const spring2027 = { name: '春节', off: ['2027-02-06', '2027-02-07', '2027-02-08'], makeUp: ['2027-02-20'] };
    const first = await call('admin', 'POST', '/import-festivals', {
      districtId: f.units.D.id,
      year: 2027,
      festivals: [spring2027],
    });
    expect(first).toMatchObject({ status: 201, body: { note: expect.stringContaining('2027') } });
    const second = await call('admin', 'POST', '/import-festivals', {
      districtId: f.units.D.id,
      year: 2028,
      festivals: [{ name: '元旦', off: ['2027-12-31', '2028-01-01'], makeUp: [] }],
    });
    expect(second.body.version).toBe((first.body.version as number) + 1);
    expect((second.body.data as { holidays: string[] }).holidays).toEqual([
      '2026-09-28',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-12-31',
      '2028-01-01',
    ]);
    const district = await effective(f.units.D.id);
    expect(district.calendar.holidays).toEqual(
      expect.arrayContaining(['2026-10-01', '2026-09-28', '2027-02-08', '2028-01-01']),
    );
    expect(district.calendar.makeUpWorkdays).toEqual(expect.arrayContaining(['2026-09-20', '2027-02-20']));

    // on the base, with a year far enough away not to disturb other files' 2026 deadlines
    const baseBefore = await effective();
    const base = await call('admin', 'POST', '/import-festivals', {
      year: 2099,
      festivals: [{ name: '测试节', off: ['2099-05-06'], makeUp: [] }],
    });
    expect(base).toMatchObject({ status: 201, body: { scopeUnitId: null, version: baseBefore.versions.base + 1 } });
    const baseAfter = await effective();
    expect(baseAfter.calendar.holidays).toEqual(expect.arrayContaining(['2026-10-01', '2099-05-06']));
    expect(baseAfter.calendar.makeUpWorkdays).toEqual(baseBefore.calendar.makeUpWorkdays);
  });

  it.each([
    [
      'a day that does not exist',
      '/versions',
      () => ({ districtId: f.units.D.id, holidays: ['2026-02-30'], makeUpWorkdays: [] }),
      400,
      'CALENDAR_INVALID',
    ],
    [
      'a malformed date',
      '/versions',
      () => ({ districtId: f.units.D.id, holidays: ['2026/10/01'], makeUpWorkdays: [] }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a day both holiday and make-up day',
      '/versions',
      () => ({ districtId: f.units.D.id, holidays: ['2026-10-10'], makeUpWorkdays: ['2026-10-10'] }),
      400,
      'CALENDAR_INVALID',
    ],
    [
      'overlapping working hours',
      '/versions',
      () => ({
        districtId: f.units.D.id,
        holidays: [],
        makeUpWorkdays: [],
        workingHours: [
          { start: '08:30', end: '12:00' },
          { start: '11:30', end: '17:30' },
        ],
      }),
      400,
      'CALENDAR_INVALID',
    ],
    [
      'a day added and removed at once',
      '/versions',
      () => ({
        districtId: f.units.D.id,
        holidays: ['2026-09-28'],
        makeUpWorkdays: [],
        removedHolidays: ['2026-09-28'],
      }),
      400,
      'CALENDAR_INVALID',
    ],
    [
      'a street as district',
      '/versions',
      () => ({ districtId: f.units.S1.id, holidays: [], makeUpWorkdays: [] }),
      400,
      'UNKNOWN_UNIT',
    ],
    [
      'an unknown district',
      '/versions',
      () => ({ districtId: '00000000-0000-4000-8000-000000000000', holidays: [], makeUpWorkdays: [] }),
      404,
      'NOT_FOUND',
    ],
    [
      'removals on the base calendar',
      '/versions',
      () => ({ holidays: [], makeUpWorkdays: [], removedHolidays: ['2026-10-01'] }),
      400,
      'CALENDAR_INVALID',
    ],
    [
      'a schedule with a date from another year',
      '/import-festivals',
      () => ({
        districtId: f.units.D.id,
        year: 2027,
        festivals: [{ name: '国庆节', off: ['2026-10-08'], makeUp: [] }],
      }),
      400,
      'CALENDAR_INVALID',
    ],
    [
      'a schedule that rests and works the same day',
      '/import-festivals',
      () => ({
        districtId: f.units.D.id,
        year: 2027,
        festivals: [
          { name: '春节', off: ['2027-02-06'], makeUp: [] },
          { name: '调休', off: ['2027-02-07'], makeUp: ['2027-02-06'] },
        ],
      }),
      400,
      'CALENDAR_INVALID',
    ],
  ])('refuses %s with a clear code and writes nothing', async (_what, path, body, status, code) => {
    const before = await counts();
    const res = await call('admin', 'POST', path, body());
    expect(res).toMatchObject({ status, body: { code, message: expect.any(String) } });
    if (code === 'VALIDATION_FAILED')
      expect(res.body.details).toEqual([expect.objectContaining({ path: 'holidays.0' })]);
    expect(await counts()).toEqual(before);
  });

  it('lets any staff member read and compute, but only the district’s own supervisors change it', async () => {
    expect((await call('gridWorkerG1', 'GET', `/effective?districtId=${f.units.D.id}`)).status).toBe(200);
    expect((await call('resident', 'GET', '/effective')).status).toBe(403);
    const before = await counts();
    expect(await call('supervisorS1', 'POST', '/versions', { holidays: [], makeUpWorkdays: [] })).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(
      await call('supervisorS1', 'POST', '/versions', { districtId: f.units.D.id, holidays: [], makeUpWorkdays: [] }),
    ).toMatchObject({ status: 404 });
    expect(
      await call('gridWorkerG1', 'POST', '/import-festivals', {
        year: 2027,
        festivals: [{ name: '春节', off: ['2027-02-06'], makeUp: [] }],
      }),
    ).toMatchObject({ status: 403 });
    expect(await counts()).toEqual(before);
  });

  it('answers the deadline endpoint for every unit, and refuses nonsense', async () => {
    const q = (s: string) => call('admin', 'GET', `/deadline?${s}`);
    const start = encodeURIComponent('2026-09-30T16:00:00+08:00');
    expect((await q(`start=${start}&unit=minutes&amount=30`)).body).toMatchObject({
      deadlineCst: '2026-09-30T16:30:00+08:00',
    });
    expect((await q(`start=${start}&unit=hours&amount=24`)).body).toMatchObject({
      deadlineCst: '2026-10-01T16:00:00+08:00',
    });
    // 1.5 working hours left on 09-30, then the National Day holidays, then 1 hour on Thu 10-08
    expect((await q(`start=${start}&unit=workingHours&amount=2.5`)).body).toMatchObject({
      deadlineCst: '2026-10-08T09:30:00+08:00',
    });
    expect(await q(`start=${start}&unit=workingDays&amount=1.5`)).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
    expect(await q('start=yesterday&unit=hours&amount=1')).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
    expect(await q(`start=${start}&unit=hours&amount=1&districtId=${f.units.S1.id}`)).toMatchObject({
      status: 400,
      body: { code: 'UNKNOWN_UNIT' },
    });
  });
});
