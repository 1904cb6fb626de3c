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
