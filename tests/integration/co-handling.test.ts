import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { eventually, startApi, startWorker } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';

interface CoHandlerPart {
  unitId: string;
  unitName: string;
  unitKind: string;
  state: string;
  reason: string;
  doneNote: string | null;
  removeReason: string | null;
}
interface Detail {
  id: string;
  caseNo: string;
  status: string;
  workflowId: string;
  lead: { unitId: string; name: string; kind: string } | null;
  coHandlers: CoHandlerPart[];
  timeline: { kind: string; actorId: string | null; note: string | null; data: { unitId?: string } }[];
}

describe('co-handling units (协办单位) through HTTP, the real worker and Temporal', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  const token: Record<string, string> = {};

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
    for (const who of ['admin', 'supervisorS1', 'secretaryC1', 'gridWorkerG1', 'gridWorkerG2', 'deptStaffDEP1']) {
      token[who] = (await login(api.url, f.people[who].username)).accessToken;
    }
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close(), db?.end()]);
  });

  const call = (who: string, method: string, path: string, body?: unknown) =>
    fetch(
      `${api.url}/api/v1/cases${path}`,
      authed(token[who], { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
  const detail = async (who: string, id: string) => (await (await call(who, 'GET', `/${id}`)).json()) as Detail;
  /** A case in grid G1 whose category the duty list routes to street S1's department DEP1, accepted by the grid. */
  async function acceptedCase(): Promise<Detail> {
    const res = await call('gridWorkerG1', 'POST', '', {
      requestKey: `co-${randomUUID()}`,
      channel: 'HOTLINE',
      category: f.category,
      description: `占道经营-${f.tag}`,
      address: f.addresses.G1,
      reporterPhone: '13900000000',
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Detail;
    await eventually(
      async () => (await call('gridWorkerG1', 'POST', `/${created.id}/accept`, {})).status === 200,
      'the case accepted',
    );
    return created;
  }
  const inbox = async (personId: string, workflowId: string) =>
    (
      await db.query(
        'SELECT template FROM inbox_message WHERE recipient_id = $1 AND dedup_key LIKE $2 ORDER BY created_at',
        [personId, `${workflowId}:%`],
      )
    ).rows.map((r: { template: string }) => r.template);
  const coRows = async (caseId: string) =>
    (await db.query('SELECT unit_id, state FROM case_co_handler WHERE case_id = $1 ORDER BY added_at', [caseId])).rows;

  it('the routed department co-handles: it is told, records its part and marks it done; the lead answers only after that', async () => {
    const created = await acceptedCase();
    const dep = f.units.DEP1.id;
    // the community secretary's scope ends at C1, but the department the duty list routes the category to may be invited
    const added = await call('secretaryC1', 'POST', `/${created.id}/co-handlers`, {
      unitId: dep,
      reason: '占道摊点需城管执法',
    });
    expect(added.status).toBe(201);
    const afterAdd = (await added.json()) as Detail;
    expect(afterAdd.lead).toEqual({ unitId: f.units.G1.id, name: expect.stringContaining('G1'), kind: 'GRID' });
    expect(afterAdd.coHandlers).toEqual([
      expect.objectContaining({ unitId: dep, unitKind: 'DEPARTMENT', state: 'OPEN', reason: '占道摊点需城管执法' }),
    ]);
    expect(await inbox(f.people.deptStaffDEP1.id, created.workflowId)).toEqual(['request.co-handling']);

    const gated = await call('gridWorkerG1', 'POST', `/${created.id}/handled`, { reply: '已清理' });
    expect(gated.status).toBe(409);
    expect(await gated.json()).toMatchObject({
      code: 'CO_HANDLING_OPEN',
      message: expect.stringContaining(`「DEP1（测试${f.tag}）」尚未完成协办`),
    });

    const notMine = await call('gridWorkerG1', 'POST', `/${created.id}/co-handlers/${dep}/progress`, {
      note: '代登记',
    });
    expect(notMine.status).toBe(403);
    expect(
      (await call('deptStaffDEP1', 'POST', `/${created.id}/co-handlers/${dep}/progress`, { note: '已约谈摊主' }))
        .status,
    ).toBe(200);
    const empty = await call('deptStaffDEP1', 'POST', `/${created.id}/co-handlers/${dep}/done`, { note: ' ' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const done = await call('deptStaffDEP1', 'POST', `/${created.id}/co-handlers/${dep}/done`, { note: '摊点已取缔' });
    expect(done.status).toBe(200);
    expect(((await done.json()) as Detail).coHandlers).toEqual([
      expect.objectContaining({ unitId: dep, state: 'DONE', doneNote: '摊点已取缔' }),
    ]);
    const again = await call('deptStaffDEP1', 'POST', `/${created.id}/co-handlers/${dep}/done`, { note: '再次' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: expect.stringContaining('已完成协办'),
    });
    expect(await inbox(f.people.gridWorkerG1.id, created.workflowId)).toEqual(['request.co-handling-done']);

    expect((await call('gridWorkerG1', 'POST', `/${created.id}/handled`, { reply: '已清理' })).status).toBe(200);
    const late = await call('secretaryC1', 'POST', `/${created.id}/co-handlers`, {
      unitId: f.units.C1.id,
      reason: '补充',
    });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: '诉求当前为「已处置」，不能添加协办单位',
    });

    const final = await detail('gridWorkerG1', created.id);
    const co = final.timeline.filter((e) => e.kind.startsWith('CO_HANDLER_'));
    expect(co.map((e) => [e.kind, e.actorId, e.note, e.data.unitId])).toEqual([
      ['CO_HANDLER_ADDED', f.people.secretaryC1.id, '占道摊点需城管执法', dep],
      ['CO_HANDLER_PROGRESS', f.people.deptStaffDEP1.id, '已约谈摊主', dep],
      ['CO_HANDLER_DONE', f.people.deptStaffDEP1.id, '摊点已取缔', dep],
    ]);
    const audits = await db.query(
      'SELECT action, actor_id FROM audit_entry WHERE entity_id = $1 AND action LIKE $2 ORDER BY at',
      [created.id, 'case.co_handler_%'],
    );
    expect(audits.rows.map((r: { action: string }) => r.action)).toEqual([
      'case.co_handler_added',
      'case.co_handler_progress',
      'case.co_handler_done',
    ]);
  });

  it('bad input answers a clear code and Chinese message and changes nothing; a removed unit no longer holds the lead back', async () => {
    const created = await acceptedCase();
    const add = (who: string, body: object) =>
      call(who, 'POST', `/${created.id}/co-handlers`, { reason: '协助核实', ...body });
    const refused = async (res: Response) => ({
      status: res.status,
      code: ((await res.json()) as { code: string }).code,
    });
    expect(await refused(await add('secretaryC1', { unitId: f.units.G1.id }))).toEqual({
      status: 400,
      code: 'CO_HANDLER_IS_LEAD',
    });
    expect(await refused(await add('secretaryC1', { unitId: randomUUID() }))).toEqual({
      status: 400,
      code: 'UNKNOWN_UNIT',
    });
    expect(await refused(await add('secretaryC1', { unitId: f.units.G2.id }))).toEqual({
      status: 400,
      code: 'UNKNOWN_UNIT',
    }); // outside C1
    expect(await refused(await add('admin', { unitId: f.units.A.id }))).toEqual({ status: 400, code: 'UNKNOWN_UNIT' }); // agencies take no requests
    expect(await refused(await add('secretaryC1', { unitId: 'x' }))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(await refused(await add('secretaryC1', { unitId: f.units.C1.id, reason: '' }))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect((await add('gridWorkerG1', { unitId: f.units.C1.id })).status).toBe(403); // no case.dispatch
    expect((await add('supervisorS1', { unitId: f.units.C1.id })).status).toBe(201);
    const duplicate = await add('secretaryC1', { unitId: f.units.C1.id });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({
      code: 'CO_HANDLER_DUPLICATE',
      message: expect.stringContaining('已是本诉求的协办单位'),
    });
    expect(await coRows(created.id)).toEqual([{ unit_id: f.units.C1.id, state: 'OPEN' }]);

    const remove = (unitId: string, body: object) =>
      call('secretaryC1', 'DELETE', `/${created.id}/co-handlers/${unitId}`, body);
    expect(await refused(await remove(f.units.C1.id, {}))).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await refused(await remove(f.units.DEP1.id, { reason: '不需要' }))).toEqual({
      status: 404,
      code: 'CO_HANDLER_NOT_FOUND',
    });
    expect(
      (await call('gridWorkerG1', 'DELETE', `/${created.id}/co-handlers/${f.units.C1.id}`, { reason: '不需要' }))
        .status,
    ).toBe(403);
    const events = (await detail('secretaryC1', created.id)).timeline.filter((e) => e.kind.startsWith('CO_HANDLER_'));
    expect(events.map((e) => e.kind)).toEqual(['CO_HANDLER_ADDED']);

    const removed = await remove(f.units.C1.id, { reason: '网格已自行解决' });
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as Detail).coHandlers).toEqual([
      expect.objectContaining({ unitId: f.units.C1.id, state: 'REMOVED', removeReason: '网格已自行解决' }),
    ]);
    expect(await inbox(f.people.secretaryC1.id, created.workflowId)).toEqual([
      'request.co-handling',
      'request.co-handling-removed',
    ]);
    expect(
      (await call('secretaryC1', 'POST', `/${created.id}/co-handlers/${f.units.C1.id}/progress`, { note: '进展' }))
        .status,
    ).toBe(404);
    expect((await call('gridWorkerG1', 'POST', `/${created.id}/handled`, { reply: '已处置' })).status).toBe(200);
  });

  it('a co-handling unit elsewhere sees the case while it co-handles and acts only on its own part', async () => {
    const created = await acceptedCase();
    const g2 = f.units.G2.id;
    const listed = async () =>
      (await (await call('gridWorkerG2', 'GET', `?q=${encodeURIComponent(created.caseNo)}`)).json()) as {
        total: number;
        items: { coHandlers: unknown[] }[];
      };
    expect((await call('gridWorkerG2', 'GET', `/${created.id}`)).status).toBe(404);
    expect((await listed()).total).toBe(0);
    // grid G2 lies in another street: only a dispatcher whose scope holds it (here the administrator) may invite it
    expect(
      (await call('supervisorS1', 'POST', `/${created.id}/co-handlers`, { unitId: g2, reason: '摊主住在G2' })).status,
    ).toBe(400);
    expect(
      (await call('admin', 'POST', `/${created.id}/co-handlers`, { unitId: g2, reason: '摊主住在G2' })).status,
    ).toBe(201);

    expect(await listed()).toMatchObject({ total: 1, items: [{ coHandlers: [{ unitId: g2, state: 'OPEN' }] }] });
    const seen = await detail('gridWorkerG2', created.id);
    expect(seen.lead?.unitId).toBe(f.units.G1.id);
    expect((await call('gridWorkerG2', 'POST', `/${created.id}/handled`, { reply: '越权' })).status).toBe(404);
    expect((await call('gridWorkerG2', 'POST', `/${created.id}/progress`, { note: '越权' })).status).toBe(404);
    expect(
      (await call('gridWorkerG2', 'POST', `/${created.id}/co-handlers/${g2}/progress`, { note: '已上门劝导摊主' }))
        .status,
    ).toBe(200);

    expect((await call('admin', 'DELETE', `/${created.id}/co-handlers/${g2}`, { reason: '无需协办' })).status).toBe(
      200,
    );
    expect((await call('gridWorkerG2', 'GET', `/${created.id}`)).status).toBe(404);
    expect((await listed()).total).toBe(0);
  });

  it('residents do not see internal co-handling entries on their own case', async () => {
    const created = await acceptedCase();
    await db.query('UPDATE request_case SET reporter_phone = $1 WHERE id = $2', [f.people.resident.phone, created.id]);
    expect(
      (await call('secretaryC1', 'POST', `/${created.id}/co-handlers`, { unitId: f.units.DEP1.id, reason: '内部协调' }))
        .status,
    ).toBe(201);
    const resident = (await login(api.url, f.people.resident.username)).accessToken;
    const own = (await (await fetch(`${api.url}/api/v1/my/cases/${created.id}`, authed(resident))).json()) as {
      timeline: { kind: string }[];
    };
    expect(own.timeline.map((e) => e.kind)).toEqual(['REPORTED', 'ACCEPTED']);
  });
});
