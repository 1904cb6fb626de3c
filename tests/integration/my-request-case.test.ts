import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { eventually, startApi, startWorker } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture, residentSignIn } from '../fixtures/org-fixture';

interface MyCase {
  id: string;
  caseNo: string;
  status: string;
  category: string;
  description: string;
  timeline: Record<string, unknown>[];
  clocks: { name: string; state: string }[] | null;
}

describe('residents follow and act on their own requests', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  let resident: string;
  let staff: string;

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
    staff = (await login(api.url, f.people.gridWorkerG1.username)).accessToken;
    // the resident signs in with a one-time code sent to their phone
    resident = (await residentSignIn(api.url, db, f.people.resident.phone)).accessToken;
  });
  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close(), db?.end()]);
  });

  const intake = async (reporterPhone: string) => {
    const res = await fetch(
      `${api.url}/api/v1/cases`,
      authed(staff, {
        method: 'POST',
        body: JSON.stringify({
          requestKey: `my-${randomUUID()}`,
          channel: 'HOTLINE',
          category: f.category,
          description: `噪音扰民-${f.tag}`,
          address: f.addresses.G1,
          reporterPhone,
        }),
      }),
    );
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; caseNo: string };
  };
  const staffPost = (path: string, body: unknown = {}) =>
    fetch(`${api.url}/api/v1/cases${path}`, authed(staff, { method: 'POST', body: JSON.stringify(body) }));
  const mine = (path = '') => fetch(`${api.url}/api/v1/my/cases${path}`, authed(resident));
  const myPost = (path: string, body: unknown = {}) =>
    fetch(`${api.url}/api/v1/my/cases${path}`, authed(resident, { method: 'POST', body: JSON.stringify(body) }));
  const expectOk = async (res: Response | Promise<Response>) => {
    const r = await res;
    expect(r.status).toBe(200);
    return (await r.json()) as MyCase;
  };

  it("a resident sees their own case, without staff ids, and never another reporter's", async () => {
    const own = await intake(f.people.resident.phone);
    const other = await intake('13900000002');
    const list = (await (await mine('?pageSize=200')).json()) as { items: { id: string }[] };
    expect(list.items.map((c) => c.id)).toContain(own.id);
    expect(list.items.map((c) => c.id)).not.toContain(other.id);

    const detail = await eventually(async () => {
      const d = await expectOk(mine(`/${own.id}`));
      return d.clocks?.length ? d : null;
    }, 'live clocks');
    expect(detail).toMatchObject({
      id: own.id,
      caseNo: own.caseNo,
      status: 'REPORTED',
      category: f.category,
      description: `噪音扰民-${f.tag}`,
    });
    // the fixture's category is handled by the street's 城管 department: it must be contacted too
    expect(detail.clocks).toEqual([
      expect.objectContaining({ name: 'contactDepartment', state: 'running' }),
      expect.objectContaining({ name: 'accept', state: 'running' }),
    ]);
    expect(detail.timeline).toEqual([{ kind: 'REPORTED', note: null, at: expect.any(String) }]);
    expect(JSON.stringify(detail)).not.toContain(f.people.gridWorkerG1.id);

    for (const res of [
      await mine(`/${other.id}`),
      await mine('/not-a-uuid'),
      await myPost(`/${other.id}/provide-info`, { note: '不是我的' }),
      await myPost(`/${other.id}/dispute`, { note: '不是我的' }),
      await myPost(`/${other.id}/confirm`),
    ]) {
      expect(res.status).toBe(404);
    }
  });

  it('a resident files a problem for themselves: once per requestKey, at a registered address, never under another key', async () => {
    const requestKey = `mine-${randomUUID()}`;
    const report = {
      requestKey,
      category: f.category,
      description: `路灯不亮-${f.tag}`,
      address: f.addresses.G2,
      attachments: ['photos/lamp-1.jpg', 'https://img.example.cn/lamp-2.jpg'],
    };
    const first = await myPost('', report);
    expect(first.status).toBe(201);
    const filed = (await first.json()) as MyCase & { attachments: string[] };
    expect(filed).toMatchObject({ status: 'REPORTED', category: f.category, attachments: report.attachments });
    expect(filed).not.toHaveProperty('gridId');
    expect(filed).not.toHaveProperty('reporterPhone');
    // the reporter is the signed-in resident, and the case runs its workflow in the grid of the address
    const { rows } = await db.query(`SELECT reporter_phone, grid_id, channel FROM request_case WHERE id = $1`, [
      filed.id,
    ]);
    expect(rows[0]).toEqual({ reporter_phone: f.people.resident.phone, grid_id: f.units.G2.id, channel: 'WECHAT' });
    await eventually(
      async () => ((await expectOk(mine(`/${filed.id}`))).clocks?.length ?? 0) > 0,
      "the case's workflow running",
    );

    // the same key again: the same case, nothing new
    const again = await myPost('', { ...report, description: '重复提交' });
    expect(again.status).toBe(200);
    expect(((await again.json()) as MyCase).id).toBe(filed.id);
    const count = await db.query(`SELECT count(*)::int AS n FROM request_case WHERE request_key = $1`, [requestKey]);
    expect(count.rows[0].n).toBe(1);

    // someone else's key: refused, without showing their case
    const staffCase = await intake('13900000003');
    const { rows: keyRows } = await db.query(`SELECT request_key FROM request_case WHERE id = $1`, [staffCase.id]);
    const stolen = await myPost('', { ...report, requestKey: keyRows[0].request_key });
    expect(stolen.status).toBe(409);
    expect(await stolen.text()).not.toContain(staffCase.caseNo);

    // bad input: a clear Chinese message, and nothing filed
    const filedByResident = async () =>
      (
        await db.query(`SELECT count(*)::int AS n FROM request_case WHERE reporter_phone = $1`, [
          f.people.resident.phone,
        ])
      ).rows[0].n as number;
    const before = await filedByResident();
    const unknown = await myPost('', {
      ...report,
      requestKey: `mine-${randomUUID()}`,
      address: `不存在路9号-${f.tag}`,
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: 'ADDRESS_UNKNOWN', message: expect.stringContaining('请核对') });
    const empty = await myPost('', { ...report, requestKey: `mine-${randomUUID()}`, description: '  ' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'description', message: '诉求内容不能为空' }],
    });
    expect(await filedByResident()).toBe(before);
    const anonymous = await fetch(`${api.url}/api/v1/my/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
    });
    expect(anonymous.status).toBe(401);
  });

  it('provides information when staff ask for it, disputes a handled case, then confirms it closed', async () => {
    const own = await intake(f.people.resident.phone);
    expect((await myPost(`/${own.id}/provide-info`, { note: '还没人问' })).status).toBe(409);
    await eventually(async () => (await staffPost(`/${own.id}/accept`)).status === 200, 'the case accepted');
    expect((await staffPost(`/${own.id}/request-info`, { note: '请提供具体楼层' })).status).toBe(200);
    expect((await myPost(`/${own.id}/provide-info`, { note: '' })).status).toBe(400);
    expect(await expectOk(myPost(`/${own.id}/provide-info`, { note: '3 楼楼道' }))).toMatchObject({
      status: 'HANDLING',
    });

    expect((await myPost(`/${own.id}/confirm`)).status).toBe(409);
    expect((await staffPost(`/${own.id}/handled`, { reply: '已协调' })).status).toBe(200);
    expect(await expectOk(myPost(`/${own.id}/dispute`, { note: '晚上仍然很吵' }))).toMatchObject({
      status: 'HANDLING',
    });
    expect((await staffPost(`/${own.id}/handled`, { reply: '已加装隔音' })).status).toBe(200);
    const closed = await expectOk(myPost(`/${own.id}/confirm`, { note: '满意' }));
    expect(closed.status).toBe('CLOSED');
    expect(closed.timeline.map((e) => e.kind)).toEqual([
      'REPORTED',
      'ACCEPTED',
      'INFO_REQUESTED',
      'INFO_PROVIDED',
      'HANDLED',
      'DISPUTED',
      'HANDLED',
      'CLOSED',
    ]);
    expect(closed.timeline.find((e) => e.kind === 'INFO_PROVIDED')).toEqual({
      kind: 'INFO_PROVIDED',
      note: '3 楼楼道',
      at: expect.any(String),
    });

    // the steps the resident took are recorded as theirs on the staff side
    const { rows } = await db.query(`SELECT kind FROM case_event WHERE case_id = $1 AND actor_id = $2 ORDER BY seq`, [
      own.id,
      f.people.resident.id,
    ]);
    expect(rows.map((r) => r.kind)).toEqual(['INFO_PROVIDED', 'DISPUTED', 'CLOSED']);
  });
});
