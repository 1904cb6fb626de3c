import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { eventually, startApi, startWorker } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';
import { BusinessCalendar, nextWorkingDay } from '../../src/shared/calendar';

interface CaseBody {
  id: string;
  caseNo: string;
  status: string;
  workflowId: string;
  gridId: string;
}
interface Detail extends CaseBody {
  timeline: { kind: string; actorId: string | null }[];
  clocks: { name: string; state: string; deadline: string }[] | null;
}

describe('resident requests (诉求) through HTTP, the real worker and Temporal', () => {
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
    for (const who of ['gridWorkerG1', 'gridWorkerG2', 'secretaryC1', 'partyMemberA'])
      token[who] = (await login(api.url, f.people[who].username)).accessToken;
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close(), db?.end()]);
  });

  const intake = (who: string, requestKey: string, address = f.addresses.G1) =>
    fetch(
      `${api.url}/api/v1/cases`,
      authed(token[who], {
        method: 'POST',
        body: JSON.stringify({
          requestKey,
          channel: 'HOTLINE',
          category: f.category,
          description: `楼道灯不亮-${f.tag}`,
          address,
          reporterPhone: '13900000000',
        }),
      }),
    );
  const get = (who: string, path: string) => fetch(`${api.url}/api/v1/cases${path}`, authed(token[who]));
  const post = (who: string, path: string, body: unknown = {}) =>
    fetch(`${api.url}/api/v1/cases${path}`, authed(token[who], { method: 'POST', body: JSON.stringify(body) }));

  it('the same requestKey twice makes one case and one workflow', async () => {
    const requestKey = `key-${randomUUID()}`;
    const first = await intake('gridWorkerG1', requestKey);
    expect(first.status).toBe(201);
    const created = (await first.json()) as CaseBody;
    expect(created).toMatchObject({
      status: 'REPORTED',
      workflowId: `case-${created.id}`,
      gridId: f.units.G1.id,
      caseNo: expect.stringMatching(/^SQ-\d{8}-[0-9A-F]{8}$/),
    });
    const again = await intake('secretaryC1', requestKey);
    expect(again.status).toBe(200);
    expect(((await again.json()) as CaseBody).id).toBe(created.id);
    const rows = await db.query(
      'SELECT count(*)::int AS n, min(department_id::text) AS department FROM request_case WHERE request_key = $1',
      [requestKey],
    );
    expect(rows.rows[0]).toEqual({ n: 1, department: f.units.DEP1.id });
    // the workflow is running and answers its query
    const detail = await eventually(async () => {
      const d = (await (await get('gridWorkerG1', `/${created.id}`)).json()) as Detail;
      return d.clocks?.length ? d : null;
    }, 'live clocks');
    // the fixture's category is handled by the street's 城管 department: it must be contacted too
    expect(detail.clocks).toEqual([
      expect.objectContaining({ name: 'contactDepartment', state: 'running' }),
      expect.objectContaining({ name: 'accept', state: 'running' }),
    ]);
  });

  it('an unknown address is refused, and so is a caller without case.write', async () => {
    const unknown = await intake('gridWorkerG1', `key-${randomUUID()}`, `无此地址-${f.tag}`);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: 'ADDRESS_UNKNOWN' });
    expect((await intake('gridWorkerG1', `key-${randomUUID()}`, f.addresses.G2)).status).toBe(400);
    expect((await intake('partyMemberA', `key-${randomUUID()}`)).status).toBe(403);
  });

  it('accept, handled and close through the API; an illegal step answers 409; the timeline shows every step', async () => {
    const created = (await (await intake('gridWorkerG1', `key-${randomUUID()}`)).json()) as CaseBody;
    const early = await post('gridWorkerG1', `/${created.id}/close`);
    expect(early.status).toBe(409);
    expect(await early.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION' });

    const accepted = await post('gridWorkerG1', `/${created.id}/accept`, { note: '马上办' });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: 'ACCEPTED' });
    expect((await post('gridWorkerG1', `/${created.id}/accept`)).status).toBe(409);
    expect((await post('gridWorkerG1', `/${created.id}/handled`, { reply: '' })).status).toBe(400);
    expect((await post('gridWorkerG1', `/${created.id}/handled`, { reply: '已修复' })).status).toBe(200);
    const closed = await post('secretaryC1', `/${created.id}/close`);
    expect(closed.status).toBe(200);

    const detail = (await (await get('gridWorkerG1', `/${created.id}`)).json()) as Detail;
    expect(detail.status).toBe('CLOSED');
    expect(detail.timeline.map((e) => e.kind)).toEqual(['REPORTED', 'ACCEPTED', 'HANDLED', 'CLOSED']);
    expect(detail.timeline[1].actorId).toBe(f.people.gridWorkerG1.id);
    expect(detail.clocks?.map((c) => [c.name, c.state])).toEqual([
      ['contactDepartment', 'stopped'],
      ['accept', 'met'],
      ['firstResponse', 'met'],
      ['resolution', 'met'],
    ]);
  });

  it("lists only cases in the caller's scope; out-of-scope cases answer 404", async () => {
    const created = (await (await intake('gridWorkerG1', `key-${randomUUID()}`)).json()) as CaseBody;
    const q = `?q=${encodeURIComponent(created.caseNo)}`;
    const mine = (await (await get('gridWorkerG1', q)).json()) as { items: CaseBody[]; total: number };
    expect(mine).toMatchObject({ total: 1, items: [expect.objectContaining({ id: created.id })] });
    expect(((await (await get('secretaryC1', `${q}&status=REPORTED`)).json()) as { total: number }).total).toBe(1);
    expect(((await (await get('secretaryC1', `${q}&status=CLOSED`)).json()) as { total: number }).total).toBe(0);
    expect(await (await get('gridWorkerG2', q)).json()).toMatchObject({ total: 0, items: [] });
    expect((await get('gridWorkerG2', `/${created.id}`)).status).toBe(404);
    expect((await post('gridWorkerG2', `/${created.id}/accept`)).status).toBe(404);
    expect((await get('partyMemberA', q)).status).toBe(403);
  });

  it('a new district calendar re-computes the deadline of an open case', async () => {
    const created = (await (await intake('gridWorkerG1', `key-${randomUUID()}`)).json()) as CaseBody;
    await eventually(
      async () => (await post('gridWorkerG1', `/${created.id}/accept`)).status === 200,
      'the case accepted',
    );
    const resolution = async () =>
      ((await (await get('gridWorkerG1', `/${created.id}`)).json()) as Detail).clocks?.find(
        (c) => c.name === 'resolution',
      );
    const before = await eventually(resolution, 'the resolution clock');
    // make the first counted working day after acceptance a district holiday: the deadline must move one working day later
    const { calendar } = (await (
      await fetch(`${api.url}/api/v1/calendars/effective?districtId=${f.units.D.id}`, authed(token.gridWorkerG1))
    ).json()) as { calendar: BusinessCalendar };
    const firstCounted = nextWorkingDay(calendar, Date.now());
    const admin = (await login(api.url, f.people.admin.username)).accessToken;
    const created2 = await fetch(
      `${api.url}/api/v1/calendars/versions`,
      authed(admin, {
        method: 'POST',
        body: JSON.stringify({ districtId: f.units.D.id, holidays: [firstCounted], makeUpWorkdays: [] }),
      }),
    );
    expect(created2.status).toBe(201);
    const after = await eventually(async () => {
      const c = await resolution();
      return c && c.deadline !== before.deadline ? c : null;
    }, 'the moved deadline');
    expect(Date.parse(after.deadline)).toBeGreaterThan(Date.parse(before.deadline));
    // the timeline entry is written by an activity right after the signal moved the live clock
    await eventually(
      async () =>
        ((await (await get('gridWorkerG1', `/${created.id}`)).json()) as Detail).timeline.some(
          (e) => e.kind === 'DEADLINE_RECOMPUTED',
        ),
      'the DEADLINE_RECOMPUTED entry',
    );
    const stored = await db.query('SELECT resolve_deadline FROM request_case WHERE id = $1', [created.id]);
    expect((stored.rows[0].resolve_deadline as Date).getTime()).toBe(Date.parse(after.deadline));
  });

  it('lists cases awaiting an extension decision and escalated cases with their 督办单, in scope', async () => {
    token.supervisor = (await login(api.url, f.people.supervisorS1.username)).accessToken;
    const list = async (who: string, query: string) =>
      (await (await fetch(`${api.url}/api/v1/cases?pageSize=100&${query}`, authed(token[who]))).json()) as {
        total: number;
        items: (CaseBody & {
          pendingExtension?: { workingDays: number; reason: string };
          supervisionOrders?: { level: string }[];
        })[];
      };
    const created = (await (await intake('gridWorkerG1', `key-${randomUUID()}`)).json()) as CaseBody;
    await eventually(async () => (await post('gridWorkerG1', `/${created.id}/accept`)).status === 200, 'accepted');
    expect((await list('supervisor', 'extension=pending')).items.some((c) => c.id === created.id)).toBe(false);
    expect(
      (await post('gridWorkerG1', `/${created.id}/extension`, { workingDays: 3, reason: `等配件-${f.tag}` })).status,
    ).toBe(200);
    const pending = await eventually(async () => {
      const found = (await list('supervisor', 'extension=pending')).items.find((c) => c.id === created.id);
      return found?.pendingExtension ? found : null;
    }, 'the pending extension listed');
    expect(pending.pendingExtension).toMatchObject({ workingDays: 3, reason: `等配件-${f.tag}` });
    // another grid's worker does not see it
    expect((await list('gridWorkerG2', 'extension=pending')).items.some((c) => c.id === created.id)).toBe(false);
    expect((await post('supervisor', `/${created.id}/extension/decision`, { approve: true })).status).toBe(200);
    await eventually(
      async () => !(await list('supervisor', 'extension=pending')).items.some((c) => c.id === created.id),
      'the decided extension no longer listed',
    );

    expect((await list('supervisor', 'escalated=true')).items.some((c) => c.id === created.id)).toBe(false);
    await db.query('UPDATE request_case SET escalation_level = 1 WHERE id = $1', [created.id]);
    await db.query(
      `INSERT INTO supervision_order (id, case_id, level, clock, deadline, dedup_key)
       VALUES (gen_random_uuid(), $1, 'COMMUNITY', 'resolution', now() + interval '1 day', $2)`,
      [created.id, `test-${created.id}`],
    );
    const escalated = (await list('supervisor', 'escalated=true')).items.find((c) => c.id === created.id);
    expect(escalated?.supervisionOrders).toEqual([
      expect.objectContaining({ level: 'COMMUNITY', clock: 'resolution' }),
    ]);
    expect((await list('gridWorkerG2', 'escalated=true')).items.some((c) => c.id === created.id)).toBe(false);
  });
});
