import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client as TemporalClient, Connection, MONTHS } from '@temporalio/client';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { toCstDate } from '../../src/shared/calendar';
import { dispatchMonthOf } from '../../src/shared/process/programme-rhythm';
import { eventually, startApi, startWorker } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';

interface ErrorBody {
  code: string;
  message: string;
}

describe('双进双联 rhythm: the dispatch Schedule on the real Temporal dev server, reports through HTTP', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  let temporal: TemporalClient;
  let connection: Connection;
  let adminToken: string;
  let memberToken: string;
  const year = Number(toCstDate(Date.now()).slice(0, 4));

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
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    temporal = new TemporalClient({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
    adminToken = (await login(api.url, f.people.admin.username)).accessToken;
    memberToken = (await login(api.url, f.people.partyMemberA.username)).accessToken;
  });
  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close(), db?.end(), connection?.close()]);
  });

  const call = (method: string, path: string, body?: unknown, token = adminToken) =>
    fetch(
      `${api.url}/api/v1/programme${path}`,
      authed(token, { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
  const reports = async (y: number, m: number) =>
    (await db.query('SELECT id FROM programme_dispatch_report WHERE year = $1 AND month = $2', [y, m])).rows.length;

  it('a year opened or re-set puts the Schedule on its dispatch day in Asia/Shanghai; trigger() stores the month’s report', async () => {
    const opened = await call('POST', '/years', { year });
    expect([201, 409]).toContain(opened.status);
    const { policy } = (await (await call('GET', `/years/${year}`)).json()) as { policy: Record<string, unknown> };
    const handle = temporal.schedule.getHandle('programme-dispatch');
    for (const day of [12, 7]) {
      const put = await call('PUT', `/years/${year}/policy`, { ...policy, monthlyDispatchDay: day });
      expect(put.status).toBe(200);
      const described = await handle.describe();
      expect(described.spec.timezone).toBe('Asia/Shanghai');
      expect(described.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: day, end: day, step: 1 }] });
      expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'programmeDispatchWorkflow' });
    }

    const inspection = await temporal.schedule.getHandle('programme-inspection').describe();
    expect(inspection.spec.timezone).toBe('Asia/Shanghai');
    expect(inspection.spec.calendars?.[0]).toMatchObject({
      month: (policy.inspectionMonths as number[]).map((m) => ({ start: MONTHS[m - 1], end: MONTHS[m - 1], step: 1 })),
      dayOfMonth: [{ start: 1, end: 1, step: 1 }],
    });
    expect(inspection.action).toMatchObject({ workflowType: 'programmeInspectionWorkflow' });

    const { year: ry, month: rm } = dispatchMonthOf(Date.now());
    await handle.trigger();
    const id = await eventually(
      async () =>
        (await db.query('SELECT id FROM programme_dispatch_report WHERE year = $1 AND month = $2', [ry, rm])).rows[0]
          ?.id as string | undefined,
      'the scheduled dispatch to store its report',
      60_000,
    );
    // running the same month again from the API stores nothing more
    const again = await call('POST', '/dispatches', { year: ry, month: rm });
    expect(again.status).toBe(202);
    const { workflowId } = (await again.json()) as { workflowId: string };
    await temporal.workflow.getHandle(workflowId).result();
    expect(await reports(ry, rm)).toBe(1);

    const list = (await (await call('GET', `/dispatches?year=${ry}`)).json()) as { id: string; month: number }[];
    expect(list.find((r) => r.id === id)).toMatchObject({ month: rm });
    const report = (await (await call('GET', `/dispatches/${id}`)).json()) as { ranking: { rank: number }[] };
    expect(report.ranking.map((r) => r.rank)).toEqual(report.ranking.map((_, i) => i + 1));

    const xlsx = await call('GET', `/dispatches/${id}/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual(['全区排名', '机关进展', '社区进展']);
    const csv = await call('GET', `/dispatches/${id}/export?format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toMatch(/^机关党组织,民生实事目标,/);
  });

  it('bad input gets a Chinese error and starts nothing', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM programme_dispatch_report')).rows[0].n as number;
    const badMonth = await call('POST', '/dispatches', { year, month: 13 });
    expect(badMonth.status).toBe(400);
    expect(JSON.stringify(await badMonth.json())).toContain('月份须为 1–12 的整数');
    const closedYear = await call('POST', '/dispatches', { year: 2099, month: 1 });
    expect(closedYear.status).toBe(404);
    expect(((await closedYear.json()) as ErrorBody).message).toBe('2099 年度双进双联尚未开启');
    const notSupervisor = await call('POST', '/dispatches', { year, month: 1 }, memberToken);
    expect(notSupervisor.status).toBe(403);
    const badFormat = await call(
      'GET',
      `/dispatches/${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}/export?format=pdf`,
    );
    expect(badFormat.status).toBe(400);
    expect(JSON.stringify(await badFormat.json())).toContain('导出格式须为 xlsx 或 csv');
    expect((await call('GET', '/dispatches/not-a-report')).status).toBe(404);
    expect((await db.query('SELECT count(*)::int AS n FROM programme_dispatch_report')).rows[0].n).toBe(before);
    expect(await reports(2099, 1)).toBe(0);
  });
});
