import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { startApi } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';

describe('organisation tree: queries and bad input', () => {
  let api: { app: INestApplication; url: string };
  let f: OrgFixture;
  let db: Client;
  let admin: string;
  const get = async (path: string) => {
    const res = await fetch(`${api.url}${path}`, authed(admin));
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & { items: { id: string; kind: string }[] },
    };
  };
  const send = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${api.url}${path}`, authed(admin, { method, body: JSON.stringify(body) }));
    return { status: res.status, body: (await res.json()) as { code?: string; id?: string; message?: string } };
  };
  // Counted over this file's own rows: other test files write to the same database at the same time.
  const counts = async () =>
    (
      await db.query(
        `SELECT
    (SELECT count(*) FROM org_unit WHERE code LIKE '%' || $1 || '%')::int AS units,
    (SELECT count(*) FROM org_unit_closure c JOIN org_unit u ON u.id = c.descendant_id WHERE u.code LIKE '%' || $1 || '%')::int AS links,
    (SELECT count(*) FROM position WHERE person_id = $2)::int AS positions,
    (SELECT count(*) FROM person WHERE name IN ('重复', '号码'))::int AS people,
    (SELECT count(*) FROM audit_entry WHERE actor_id = $3)::int AS audit`,
        [f.tag, f.people.resident.id, f.people.admin.id],
      )
    ).rows[0];

  beforeAll(async () => {
    [api, f] = await Promise.all([startApi(), buildOrgFixture()]);
    admin = (await login(api.url, f.people.admin.username)).accessToken;
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(() => Promise.all([api?.app.close(), db?.end()]));

  it('lists everything under a unit, by kind, and the chain above it', async () => {
    const all = await get(`/api/v1/org/units/${f.units.S1.id}/descendants`);
    expect(all.body.items.map((u) => u.id).sort()).toEqual(
      [f.units.C1.id, f.units.G1.id, f.units.B1.id, f.units.DEP1.id].sort(),
    );
    const grids = await get(`/api/v1/org/units/${f.units.D.id}/descendants?kind=GRID`);
    expect(grids.body.items.map((u) => u.id).sort()).toEqual([f.units.G1.id, f.units.G2.id].sort());
    const b1 = await get(`/api/v1/org/units/${f.units.B1.id}`);
    expect((b1.body.ancestors as { id: string }[]).map((a) => a.id)).toEqual([
      f.units.D.id,
      f.units.S1.id,
      f.units.C1.id,
      f.units.G1.id,
    ]);
  });

  it('resolves an address to its grid and the grid’s current staff', async () => {
    const res = await get(`/api/v1/org/address-lookup?address=${encodeURIComponent(f.addresses.G1)}`);
    expect(res.body).toMatchObject({
      grid: { id: f.units.G1.id },
      staff: [{ role: 'GRID_WORKER', personId: f.people.gridWorkerG1.id }],
    });
    expect((await get('/api/v1/org/address-lookup?address=无此地址123')).status).toBe(404);
  });

  it('finds the department of a street that handles a category', async () => {
    const res = await get(
      `/api/v1/org/streets/${f.units.S2.id}/handling-department?category=${encodeURIComponent(f.category)}`,
    );
    expect(res.body).toMatchObject({ department: { id: f.units.DEP2.id } });
  });

  it('moves a subtree and keeps the closure table exact', async () => {
    const grid = await send('POST', '/api/v1/org/units', {
      code: `mv-${f.tag}`,
      name: '待迁网格',
      kind: 'GRID',
      parentId: f.units.C1.id,
    });
    expect(grid.status).toBe(201);
    const building = await send('POST', '/api/v1/org/units', {
      code: `mvb-${f.tag}`,
      name: '待迁楼栋',
      kind: 'BUILDING',
      parentId: grid.body.id,
    });
    expect((await send('PATCH', `/api/v1/org/units/${grid.body.id}/parent`, { parentId: f.units.C2.id })).status).toBe(
      200,
    );
    const chain = await get(`/api/v1/org/units/${building.body.id}`);
    expect((chain.body.ancestors as { id: string }[]).map((a) => a.id)).toEqual([
      f.units.D.id,
      f.units.S2.id,
      f.units.C2.id,
      grid.body.id,
    ]);
    expect(chain.body.depth).toBe(4);
    const underC1 = await get(`/api/v1/org/units/${f.units.C1.id}/descendants`);
    expect(underC1.body.items.map((u) => u.id)).not.toContain(building.body.id);
  });

  it.each([
    [
      'an unknown parent',
      'POST',
      () => '/api/v1/org/units',
      () => ({ code: `x-${f.tag}`, name: 'x', kind: 'GRID', parentId: '00000000-0000-4000-8000-000000000000' }),
      404,
      'NOT_FOUND',
    ],
    [
      'a parent of the wrong kind',
      'POST',
      () => '/api/v1/org/units',
      () => ({ code: `y-${f.tag}`, name: 'y', kind: 'GRID', parentId: f.units.S1.id }),
      400,
      'INVALID_PARENT_KIND',
    ],
    [
      'a duplicate unit code',
      'POST',
      () => '/api/v1/org/units',
      () => ({ code: `${f.tag}-G1`, name: 'z', kind: 'GRID', parentId: f.units.C1.id }),
      409,
      'UNIT_CODE_TAKEN',
    ],
    [
      'a move under its own descendant',
      'PATCH',
      () => `/api/v1/org/units/${f.units.C1.id}/parent`,
      () => ({ parentId: f.units.B1.id }),
      400,
      'TREE_CYCLE',
    ],
    [
      'a move under itself',
      'PATCH',
      () => `/api/v1/org/units/${f.units.G1.id}/parent`,
      () => ({ parentId: f.units.G1.id }),
      400,
      'TREE_CYCLE',
    ],
    [
      'a position outside its unit’s kind',
      'POST',
      () => '/api/v1/people/positions',
      () => ({ personId: f.people.resident.id, unitId: f.units.C1.id, role: 'GRID_WORKER', startsOn: '2026-01-01' }),
      400,
      'POSITION_UNIT_KIND_MISMATCH',
    ],
    [
      'a position in an unknown unit',
      'POST',
      () => '/api/v1/people/positions',
      () => ({
        personId: f.people.resident.id,
        unitId: '00000000-0000-4000-8000-000000000001',
        role: 'GRID_WORKER',
        startsOn: '2026-01-01',
      }),
      404,
      'NOT_FOUND',
    ],
    [
      'a position ending before it starts',
      'POST',
      () => '/api/v1/people/positions',
      () => ({
        personId: f.people.resident.id,
        unitId: f.units.G1.id,
        role: 'GRID_WORKER',
        startsOn: '2026-02-01',
        endsOn: '2026-01-01',
      }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a duplicate phone number',
      'POST',
      () => '/api/v1/people',
      () => ({ name: '重复', phone: f.people.admin.phone }),
      409,
      'PHONE_TAKEN',
    ],
    [
      'a malformed phone number',
      'POST',
      () => '/api/v1/people',
      () => ({ name: '号码', phone: '12345' }),
      400,
      'VALIDATION_FAILED',
    ],
  ])('refuses %s with a clear code and changes nothing', async (_what, method, path, body, status, code) => {
    const before = await counts();
    const res = await send(method as string, (path as () => string)(), (body as () => unknown)());
    expect(res).toMatchObject({ status, body: { code } });
    expect(res.body.message).toEqual(expect.any(String));
    expect(await counts()).toEqual(before);
  });

  it('answers may-this-task-go-to-this-community with the rule that decided', async () => {
    const base = `/api/v1/communities/${f.units.C1.id}/duties`;
    expect((await get(`${base}/${f.dutyCode}/assignability`)).body).toMatchObject({
      allowed: true,
      marking: 'COOPERATION',
      rule: 'DISTRICT_DEFAULT',
    });
    expect((await send('PUT', `${base}/${f.dutyCode}`, { marking: 'DUTY' })).status).toBe(200);
    expect((await get(`${base}/${f.dutyCode}/assignability`)).body).toMatchObject({
      allowed: true,
      marking: 'DUTY',
      rule: 'COMMUNITY_OVERRIDE',
    });
    expect((await get(`/api/v1/communities/${f.units.C2.id}/duties/${f.dutyCode}/assignability`)).body).toMatchObject({
      marking: 'COOPERATION',
    });
    expect((await get(`${base}/开具无权开具的证明/assignability`)).body).toMatchObject({
      allowed: false,
      rule: 'NOT_ON_LIST',
    });
    expect((await get(`/api/v1/communities/${f.units.G1.id}/duties/${f.dutyCode}/assignability`)).body).toMatchObject({
      code: 'UNKNOWN_UNIT',
    });
  });
});
