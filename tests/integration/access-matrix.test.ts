import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { startApi } from '../fixtures/test-app';
import { buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';

type Who =
  | 'admin'
  | 'supervisorS1'
  | 'secretaryC1'
  | 'gridWorkerG1'
  | 'deptStaffDEP1'
  | 'partyMemberA'
  | 'resident'
  | 'anonymous';
type Side = 'home' | 'away';
interface Call {
  method: string;
  path: string;
  body?: unknown;
}
interface RouteCase {
  /** The request aimed at a target on the home side (street S1) or the away side (street S2). */
  call: (f: OrgFixture, side: Side) => Call;
  /** For list routes: is the target in the answer? Present counts as 200, absent as 404. */
  present?: (body: string, f: OrgFixture, side: Side) => boolean;
  /** Expected status per caller: [home, away]; a single number means both. */
  expect: Partial<Record<Who, number | [number, number]>>;
  /** A never-ending response (server-sent events): judge the status, then hang up. */
  stream?: boolean;
}

const g = (side: Side) => (side === 'home' ? 'G1' : 'G2');
const c = (side: Side) => (side === 'home' ? 'C1' : 'C2');
const s = (side: Side) => (side === 'home' ? 'S1' : 'S2');
const readScoped = (party: number | [number, number] = 404) =>
  ({
    admin: 200,
    supervisorS1: [200, 404],
    secretaryC1: [200, 404],
    gridWorkerG1: [200, 404],
    deptStaffDEP1: [200, 404],
    partyMemberA: party,
    resident: 403,
    anonymous: 401,
  }) as RouteCase['expect'];
const superviseOnly = (ok: number) =>
  ({
    admin: ok,
    supervisorS1: [ok, 404],
    secretaryC1: 403,
    gridWorkerG1: 403,
    deptStaffDEP1: 403,
    partyMemberA: 403,
    resident: 403,
    anonymous: 401,
  }) as RouteCase['expect'];
const everyone = (status: number) =>
  ({
    admin: status,
    supervisorS1: status,
    secretaryC1: status,
    gridWorkerG1: status,
    deptStaffDEP1: status,
    partyMemberA: status,
    resident: status,
    anonymous: status,
  }) as RouteCase['expect'];
const adminOnly = (status: number) => ({ ...everyone(403), admin: status, anonymous: 401 }) as RouteCase['expect'];
const staffOnly = (status: number) => ({ ...everyone(status), resident: 403, anonymous: 401 }) as RouteCase['expect'];
// District D lies above street S1, so S1's supervisor may not touch the district's calendar: 404 on both sides.
const districtWrite = (ok: number) => ({ ...adminOnly(ok), supervisorS1: 404 }) as RouteCase['expect'];
// Closed cases in G1 (home) and G2 (away), written directly: no workflow runs, and every step on them is refused (409).
const cases: Record<Side, { id: string; caseNo: string; requestKey: string }> = {
  home: { id: randomUUID(), caseNo: `SQ-AM-${randomUUID().slice(0, 8)}`, requestKey: `am-${randomUUID()}` },
  away: { id: randomUUID(), caseNo: `SQ-AM-${randomUUID().slice(0, 8)}`, requestKey: `am-${randomUUID()}` },
};
const caseScoped = (ok: number) =>
  ({
    ...readScoped(403),
    admin: ok,
    supervisorS1: [ok, 404],
    secretaryC1: [ok, 404],
    gridWorkerG1: [ok, 404],
    deptStaffDEP1: [ok, 404],
  }) as RouteCase['expect'];
// The home case was reported by the fixture resident: only they see it under /my/cases, and every other caller gets 404.
const ownOnly = (ok: number) => ({ ...everyone(404), resident: [ok, 404], anonymous: 401 }) as RouteCase['expect'];
// A rectified yellow card on each side (no workflow), with its one-star rating and points entry.
const cards: Record<Side, string> = { home: randomUUID(), away: randomUUID() };
// A referred dispute in community C1 (home) and C2 (away), written directly (no workflow): every step on it is refused
// (409) for callers in scope. Its community lies above a grid worker's grid, so they never see it.
const disputes: Record<Side, string> = { home: randomUUID(), away: randomUUID() };
const disputeScoped = (ok: number) => ({ ...caseScoped(ok), gridWorkerG1: 404 }) as RouteCase['expect'];
const dispute = (side: Side, tail = '') => `/api/v1/mediation/disputes/${disputes[side]}${tail}`;
const aroundNow = () => ({
  from: new Date(Date.now() - 86_400_000).toISOString(),
  to: new Date(Date.now() + 86_400_000).toISOString(),
});
const deadlineQuery = `start=${encodeURIComponent('2026-09-18T10:00:00+08:00')}&unit=workingDays&amount=7`;

// 双进双联: reading is for supervisors, communities and agency members; grid and department staff have no part in it.
const progRead = (ok: number) =>
  ({
    ...everyone(403),
    admin: ok,
    supervisorS1: ok,
    secretaryC1: ok,
    partyMemberA: ok,
    anonymous: 401,
  }) as RouteCase['expect'];
const progManage = (ok: number) =>
  ({ ...everyone(403), admin: ok, supervisorS1: ok, secretaryC1: ok, anonymous: 401 }) as RouteCase['expect'];
const progServe = (ok: number) =>
  ({ ...everyone(403), admin: ok, partyMemberA: ok, anonymous: 401 }) as RouteCase['expect'];
// Publishing names the community: a caller whose scope does not reach it gets 404 before the body is validated.
const progPublish = { ...progManage(400), supervisorS1: [400, 404], secretaryC1: [400, 404] } as RouteCase['expect'];
const noId = randomUUID();

/** Every route of the API. A route missing here fails the first test, so new routes must state who may call them. */
const routes: Record<string, RouteCase> = {
  'GET /health': { call: () => ({ method: 'GET', path: '/health' }), expect: everyone(200) },
  'POST /api/v1/auth/login': {
    call: () => ({ method: 'POST', path: '/api/v1/auth/login', body: {} }),
    expect: everyone(400),
  },
  'POST /api/v1/auth/refresh': {
    call: () => ({ method: 'POST', path: '/api/v1/auth/refresh', body: { refreshToken: 'x'.repeat(40) } }),
    expect: everyone(401),
  },
  'POST /api/v1/auth/logout': {
    call: () => ({ method: 'POST', path: '/api/v1/auth/logout', body: {} }),
    expect: everyone(204),
  },
  'POST /api/v1/auth/code': {
    call: () => ({ method: 'POST', path: '/api/v1/auth/code', body: { phone: 'bad' } }),
    expect: everyone(400),
  },
  'POST /api/v1/auth/code/verify': {
    call: () => ({ method: 'POST', path: '/api/v1/auth/code/verify', body: {} }),
    expect: everyone(400),
  },
  'GET /api/v1/auth/me': {
    call: () => ({ method: 'GET', path: '/api/v1/auth/me' }),
    expect: { ...everyone(200), anonymous: 401 },
  },
  'GET /api/v1/org/units': {
    call: (f, side) => ({
      method: 'GET',
      path: `/api/v1/org/units?q=${encodeURIComponent(`${g(side)}（测试${f.tag}）`)}`,
    }),
    present: (body, f, side) => body.includes(f.units[g(side)].id),
    expect: readScoped(),
  },
  'GET /api/v1/org/units/{id}': {
    call: (f, side) => ({ method: 'GET', path: `/api/v1/org/units/${f.units[g(side)].id}` }),
    expect: readScoped(),
  },
  'GET /api/v1/org/units/{id}/descendants': {
    call: (f, side) => ({ method: 'GET', path: `/api/v1/org/units/${f.units[c(side)].id}/descendants` }),
    expect: { ...readScoped(), gridWorkerG1: 404 },
  },
  'POST /api/v1/org/units': {
    call: (f, side) => ({
      method: 'POST',
      path: '/api/v1/org/units',
      body: { code: `m-${randomUUID().slice(0, 8)}`, name: '新网格', kind: 'GRID', parentId: f.units[c(side)].id },
    }),
    expect: superviseOnly(201),
  },
  'PATCH /api/v1/org/units/{id}/parent': {
    call: (f, side) => ({
      method: 'PATCH',
      path: `/api/v1/org/units/${f.units[g(side)].id}/parent`,
      body: { parentId: f.units[c(side)].id },
    }),
    expect: superviseOnly(200),
  },
  'GET /api/v1/org/grids/{id}/staff': {
    call: (f, side) => ({ method: 'GET', path: `/api/v1/org/grids/${f.units[g(side)].id}/staff` }),
    expect: readScoped(),
  },
  'GET /api/v1/org/address-lookup': {
    call: (f, side) => ({
      method: 'GET',
      path: `/api/v1/org/address-lookup?address=${encodeURIComponent(f.addresses[g(side)])}`,
    }),
    expect: readScoped(),
  },
  'GET /api/v1/org/streets/{id}/handling-department': {
    call: (f, side) => ({
      method: 'GET',
      path: `/api/v1/org/streets/${f.units[s(side)].id}/handling-department?category=${encodeURIComponent(f.category)}`,
    }),
    expect: { ...readScoped(), secretaryC1: 404, gridWorkerG1: 404 },
  },
  'GET /api/v1/people': {
    call: (f, side) => ({
      method: 'GET',
      path: `/api/v1/people?q=${side === 'home' ? 'gridWorkerG1' : 'gridWorkerG2'}`,
    }),
    present: (body, f, side) => body.includes(f.people[side === 'home' ? 'gridWorkerG1' : 'gridWorkerG2'].id),
    expect: readScoped(403),
  },
  'GET /api/v1/people/{id}': {
    call: (f, side) => ({
      method: 'GET',
      path: `/api/v1/people/${f.people[side === 'home' ? 'gridWorkerG1' : 'gridWorkerG2'].id}`,
    }),
    expect: readScoped(403),
  },
  'POST /api/v1/people': {
    call: () => ({
      method: 'POST',
      path: '/api/v1/people',
      body: { name: '新人员', phone: `17${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}` },
    }),
    expect: { ...superviseOnly(201), supervisorS1: 201, secretaryC1: 201 },
  },
  'POST /api/v1/people/positions': {
    call: (f, side) => ({
      method: 'POST',
      path: '/api/v1/people/positions',
      body: {
        personId: f.people.resident.id,
        unitId: f.units[g(side)].id,
        role: 'BUILDING_HEAD',
        startsOn: '2026-01-01',
      },
    }),
    // a 楼栋长 cannot sit in a grid: callers allowed through the guard get the domain error
    expect: { ...superviseOnly(400), secretaryC1: [400, 404] },
  },
  'GET /api/v1/communities/{communityId}/duties': {
    call: (f, side) => ({ method: 'GET', path: `/api/v1/communities/${f.units[c(side)].id}/duties` }),
    expect: { ...readScoped(403), gridWorkerG1: 404 },
  },
  'GET /api/v1/communities/{communityId}/duties/{taskCode}/assignability': {
    call: (f, side) => ({
      method: 'GET',
      path: `/api/v1/communities/${f.units[c(side)].id}/duties/${f.dutyCode}/assignability`,
    }),
    expect: { ...readScoped(403), gridWorkerG1: 404 },
  },
  'PUT /api/v1/communities/{communityId}/duties/{taskCode}': {
    call: (f, side) => ({
      method: 'PUT',
      path: `/api/v1/communities/${f.units[c(side)].id}/duties/${f.dutyCode}`,
      body: { marking: 'DUTY' },
    }),
    expect: superviseOnly(200),
  },
  'GET /api/v1/audit': {
    call: (f, side) => ({ method: 'GET', path: `/api/v1/audit?action=fixture.${side}-${f.tag}` }),
    present: (body, f, side) => body.includes(`fixture.${side}-${f.tag}`),
    expect: superviseOnly(200),
  },
  'GET /api/v1/audit/export': {
    call: (f, side) => ({ method: 'GET', path: `/api/v1/audit/export?action=fixture.${side}-${f.tag}` }),
    present: (body, f, side) => body.includes(`fixture.${side}-${f.tag}`),
    expect: superviseOnly(200),
  },
  'GET /api/v1/calendars/effective': {
    call: () => ({ method: 'GET', path: '/api/v1/calendars/effective' }),
    expect: staffOnly(200),
  },
  'GET /api/v1/calendars/versions': {
    call: () => ({ method: 'GET', path: '/api/v1/calendars/versions' }),
    expect: staffOnly(200),
  },
  'GET /api/v1/calendars/deadline': {
    call: () => ({ method: 'GET', path: `/api/v1/calendars/deadline?${deadlineQuery}` }),
    expect: staffOnly(200),
  },
  'POST /api/v1/calendars/versions': {
    call: (f) => ({
      method: 'POST',
      path: '/api/v1/calendars/versions',
      body: { districtId: f.units.D.id, holidays: ['2026-09-28'], makeUpWorkdays: [] },
    }),
    expect: districtWrite(201),
  },
  'POST /api/v1/calendars/import-festivals': {
    call: (f) => ({
      method: 'POST',
      path: '/api/v1/calendars/import-festivals',
      body: { districtId: f.units.D.id, year: 2027, festivals: [{ name: '春节', off: ['2027-02-08'], makeUp: [] }] },
    }),
    expect: districtWrite(201),
  },
  'GET /api/v1/policies/{process}': {
    call: () => ({ method: 'GET', path: '/api/v1/policies/request-loop' }),
    expect: staffOnly(200),
  },
  'GET /api/v1/policies/{process}/versions': {
    call: () => ({ method: 'GET', path: '/api/v1/policies/request-loop/versions' }),
    expect: staffOnly(200),
  },
  'GET /api/v1/policies/{process}/versions/{version}': {
    call: () => ({ method: 'GET', path: '/api/v1/policies/request-loop/versions/1' }),
    expect: staffOnly(200),
  },
  'POST /api/v1/policies/{process}/versions': {
    // an empty policy: a street supervisor is refused before validation, the administrator gets the validation error, nothing is written
    call: () => ({ method: 'POST', path: '/api/v1/policies/request-loop/versions', body: { note: '权限矩阵' } }),
    expect: adminOnly(400),
  },
  // policy migrations are district-level: a street supervisor passes the guard and is refused by the service (403)
  'POST /api/v1/policies/request-loop/migrations/preview': {
    call: (f, side) => ({
      method: 'POST',
      path: '/api/v1/policies/request-loop/migrations/preview',
      body: { toVersion: 1, unitId: f.units[g(side)].id, limit: 1 },
    }),
    expect: adminOnly(200),
  },
  'POST /api/v1/policies/request-loop/migrations': {
    // the fixture's grids hold only closed cases: nothing to migrate (400), nothing written
    call: (f, side) => ({
      method: 'POST',
      path: '/api/v1/policies/request-loop/migrations',
      body: { toVersion: 1, filters: { unitId: f.units[g(side)].id } },
    }),
    expect: adminOnly(400),
  },
  'GET /api/v1/policy-migrations/{id}': {
    call: () => ({ method: 'GET', path: `/api/v1/policy-migrations/${randomUUID()}` }),
    expect: adminOnly(404),
  },
  'POST /api/v1/wiring-checks': {
    call: () => ({ method: 'POST', path: '/api/v1/wiring-checks', body: {} }),
    expect: adminOnly(400),
  },
  'POST /api/v1/admin/queue-dashboard/ticket': {
    call: () => ({ method: 'POST', path: '/api/v1/admin/queue-dashboard/ticket' }),
    expect: adminOnly(201),
  },
  'GET /api/v1/temporal-ui': {
    call: () => ({ method: 'GET', path: '/api/v1/temporal-ui' }),
    expect: { ...adminOnly(200), supervisorS1: 200 },
  },
  'GET /api/v1/wiring-checks/{workflowId}': {
    call: () => ({ method: 'GET', path: '/api/v1/wiring-checks/none' }),
    expect: adminOnly(404),
  },
  'POST /api/v1/cases': {
    // the seeded case's requestKey: the same case comes back (200) and nothing starts; an address outside the scope is 400
    call: (f, side) => ({
      method: 'POST',
      path: '/api/v1/cases',
      body: {
        requestKey: cases[side].requestKey,
        channel: 'PATROL',
        category: f.category,
        description: '权限矩阵',
        address: f.addresses[g(side)],
        reporterPhone: '13700000000',
      },
    }),
    expect: {
      ...caseScoped(200),
      supervisorS1: [200, 400],
      secretaryC1: [200, 400],
      gridWorkerG1: [200, 400],
      deptStaffDEP1: [200, 400],
    },
  },
  'GET /api/v1/cases': {
    call: (_f, side) => ({ method: 'GET', path: `/api/v1/cases?q=${cases[side].caseNo}` }),
    present: (body, _f, side) => body.includes(cases[side].id),
    expect: caseScoped(200),
  },
  'GET /api/v1/cases/{id}': {
    call: (_f, side) => ({ method: 'GET', path: `/api/v1/cases/${cases[side].id}` }),
    expect: caseScoped(200),
  },
  'POST /api/v1/cases/{id}/accept': {
    call: (_f, side) => ({ method: 'POST', path: `/api/v1/cases/${cases[side].id}/accept`, body: {} }),
    expect: caseScoped(409),
  },
  'POST /api/v1/cases/{id}/handled': {
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/cases/${cases[side].id}/handled`,
      body: { reply: '权限矩阵' },
    }),
    expect: caseScoped(409),
  },
  'POST /api/v1/cases/{id}/close': {
    call: (_f, side) => ({ method: 'POST', path: `/api/v1/cases/${cases[side].id}/close`, body: {} }),
    expect: caseScoped(409),
  },
  'POST /api/v1/cases/{id}/progress': {
    call: (_f, side) => ({ method: 'POST', path: `/api/v1/cases/${cases[side].id}/progress`, body: { note: '进展' } }),
    expect: caseScoped(409),
  },
  'POST /api/v1/cases/{id}/request-info': {
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/cases/${cases[side].id}/request-info`,
      body: { note: '补充' },
    }),
    expect: caseScoped(409),
  },
  'POST /api/v1/cases/{id}/provide-info': {
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/cases/${cases[side].id}/provide-info`,
      body: { note: '补充' },
    }),
    expect: caseScoped(409),
  },
  'POST /api/v1/cases/{id}/extension': {
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/cases/${cases[side].id}/extension`,
      body: { workingDays: 2, reason: '协调' },
    }),
    expect: caseScoped(409),
  },
  'POST /api/v1/cases/{id}/extension/decision': {
    // only supervisors decide extensions: everyone else is refused before the case is looked at
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/cases/${cases[side].id}/extension/decision`,
      body: { approve: true },
    }),
    expect: { ...caseScoped(409), secretaryC1: 403, gridWorkerG1: 403, deptStaffDEP1: 403 },
  },
  'POST /api/v1/cases/{id}/department-contacted': {
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/cases/${cases[side].id}/department-contacted`,
      body: { note: '已联系' },
    }),
    expect: caseScoped(409),
  },
  'POST /api/v1/cases/{id}/return': {
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/cases/${cases[side].id}/return`,
      body: { note: '非本网格' },
    }),
    expect: caseScoped(409),
  },
  'POST /api/v1/cases/{id}/reassign': {
    // dispatching is for secretaries and supervisors: grid and department staff are refused before the case is looked at
    call: (f, side) => ({
      method: 'POST',
      path: `/api/v1/cases/${cases[side].id}/reassign`,
      body: { gridId: f.units.G1.id },
    }),
    expect: { ...caseScoped(409), gridWorkerG1: 403, deptStaffDEP1: 403 },
  },
  'POST /api/v1/cases/{id}/merge': {
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/cases/${cases[side].id}/merge`,
      body: { intoCaseId: cases[side === 'home' ? 'away' : 'home'].id },
    }),
    expect: { ...caseScoped(409), gridWorkerG1: 403, deptStaffDEP1: 403 },
  },
  // co-handling on the closed seeded cases: dispatchers and the staff who can see the case reach the state check (409)
  'POST /api/v1/cases/{id}/co-handlers': {
    call: (f, side) => ({
      method: 'POST',
      path: `/api/v1/cases/${cases[side].id}/co-handlers`,
      body: { unitId: f.units.DEP1.id, reason: '请协办' },
    }),
    expect: { ...caseScoped(409), gridWorkerG1: 403, deptStaffDEP1: 403 },
  },
  'DELETE /api/v1/cases/{id}/co-handlers/{unitId}': {
    call: (f, side) => ({
      method: 'DELETE',
      path: `/api/v1/cases/${cases[side].id}/co-handlers/${f.units.DEP1.id}`,
      body: { reason: '无需协办' },
    }),
    expect: { ...caseScoped(409), gridWorkerG1: 403, deptStaffDEP1: 403 },
  },
  'POST /api/v1/cases/{id}/co-handlers/{unitId}/progress': {
    call: (f, side) => ({
      method: 'POST',
      path: `/api/v1/cases/${cases[side].id}/co-handlers/${f.units.DEP1.id}/progress`,
      body: { note: '进展' },
    }),
    expect: caseScoped(409),
  },
  'POST /api/v1/cases/{id}/co-handlers/{unitId}/done': {
    call: (f, side) => ({
      method: 'POST',
      path: `/api/v1/cases/${cases[side].id}/co-handlers/${f.units.DEP1.id}/done`,
      body: { note: '完成' },
    }),
    expect: caseScoped(409),
  },
  'POST /api/v1/cases/{id}/dispute': {
    call: (_f, side) => ({ method: 'POST', path: `/api/v1/cases/${cases[side].id}/dispute`, body: { note: '不满意' } }),
    expect: caseScoped(409),
  },
  // the seeded case's requestKey: its reporter gets it back (200); anyone else's key is refused (409) and nothing is filed
  'POST /api/v1/my/cases': {
    call: (f, side) => ({
      method: 'POST',
      path: '/api/v1/my/cases',
      body: {
        requestKey: cases[side].requestKey,
        category: f.category,
        description: '权限矩阵',
        address: f.addresses[g(side)],
      },
    }),
    expect: { ...everyone(409), resident: [200, 409], anonymous: 401 },
  },
  'GET /api/v1/my/cases': {
    call: () => ({ method: 'GET', path: '/api/v1/my/cases' }),
    present: (body, _f, side) => body.includes(cases[side].id),
    expect: ownOnly(200),
  },
  'GET /api/v1/my/cases/{id}': {
    call: (_f, side) => ({ method: 'GET', path: `/api/v1/my/cases/${cases[side].id}` }),
    expect: ownOnly(200),
  },
  // the seeded cases are closed: the owner reaches the state check (409)
  'POST /api/v1/my/cases/{id}/provide-info': {
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/my/cases/${cases[side].id}/provide-info`,
      body: { note: '补充' },
    }),
    expect: ownOnly(409),
  },
  'POST /api/v1/my/cases/{id}/confirm': {
    call: (_f, side) => ({ method: 'POST', path: `/api/v1/my/cases/${cases[side].id}/confirm`, body: {} }),
    expect: ownOnly(409),
  },
  'POST /api/v1/my/cases/{id}/dispute': {
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/my/cases/${cases[side].id}/dispute`,
      body: { note: '不满意' },
    }),
    expect: ownOnly(409),
  },
  // the home case carries a one-star rating by its reporter: rating again is refused (409)
  'GET /api/v1/my/cases/{id}/rating': {
    call: (_f, side) => ({ method: 'GET', path: `/api/v1/my/cases/${cases[side].id}/rating` }),
    expect: ownOnly(200),
  },
  'POST /api/v1/my/cases/{id}/rating': {
    call: (_f, side) => ({ method: 'POST', path: `/api/v1/my/cases/${cases[side].id}/rating`, body: { stars: 5 } }),
    expect: ownOnly(409),
  },
  'GET /api/v1/programme/years': {
    call: () => ({ method: 'GET', path: '/api/v1/programme/years' }),
    expect: progRead(200),
  },
  'POST /api/v1/programme/years': {
    call: () => ({ method: 'POST', path: '/api/v1/programme/years', body: { year: 1999 } }),
    expect: progManage(400),
  },
  'GET /api/v1/programme/years/{year}': {
    call: () => ({ method: 'GET', path: '/api/v1/programme/years/1999' }),
    expect: progRead(400),
  },
  'PUT /api/v1/programme/years/{year}/policy': {
    call: () => ({ method: 'PUT', path: '/api/v1/programme/years/1999/policy', body: {} }),
    expect: progManage(400),
  },
  // a grid is no party organisation: supervisors in scope reach that check (400); a community secretary may not pair (403)
  'POST /api/v1/programme/pairings': {
    call: (f, side) => ({
      method: 'POST',
      path: '/api/v1/programme/pairings',
      body: { partyOrgId: f.units.G1.id, communityId: f.units[c(side)].id },
    }),
    expect: { ...progManage(400), supervisorS1: [400, 404], secretaryC1: [403, 404] },
  },
  'GET /api/v1/programme/pairings': {
    call: () => ({ method: 'GET', path: '/api/v1/programme/pairings' }),
    expect: progRead(200),
  },
  'POST /api/v1/programme/pairings/{id}/end': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/pairings/${noId}/end` }),
    expect: { ...progManage(404), secretaryC1: 403 },
  },
  'POST /api/v1/programme/report-ins': {
    call: () => ({ method: 'POST', path: '/api/v1/programme/report-ins', body: { communityId: 'x' } }),
    expect: progServe(400),
  },
  'POST /api/v1/programme/report-ins/{id}/confirm': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/report-ins/${noId}/confirm` }),
    expect: progManage(404),
  },
  'POST /api/v1/programme/deployments': {
    call: () => ({ method: 'POST', path: '/api/v1/programme/deployments', body: {} }),
    expect: progServe(400),
  },
  'GET /api/v1/programme/members': {
    call: () => ({ method: 'GET', path: '/api/v1/programme/members' }),
    expect: progRead(200),
  },
  'POST /api/v1/programme/tasks': {
    call: (f, side) => ({
      method: 'POST',
      path: '/api/v1/programme/tasks',
      body: { communityId: f.units[c(side)].id },
    }),
    expect: progPublish,
  },
  'GET /api/v1/programme/tasks': {
    call: () => ({ method: 'GET', path: '/api/v1/programme/tasks' }),
    expect: progRead(200),
  },
  'GET /api/v1/programme/tasks/{id}': {
    call: () => ({ method: 'GET', path: `/api/v1/programme/tasks/${noId}` }),
    expect: progRead(404),
  },
  'POST /api/v1/programme/tasks/{id}/assign': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/tasks/${noId}/assign`, body: { partyOrgId: noId } }),
    expect: progManage(404),
  },
  'POST /api/v1/programme/tasks/{id}/claim': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/tasks/${noId}/claim` }),
    expect: progServe(404),
  },
  'POST /api/v1/programme/tasks/{id}/members': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/tasks/${noId}/members`, body: { memberIds: [noId] } }),
    expect: progServe(404),
  },
  'POST /api/v1/programme/tasks/{id}/evidence': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/tasks/${noId}/evidence`, body: {} }),
    expect: progServe(404),
  },
  'POST /api/v1/programme/tasks/{id}/review': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/tasks/${noId}/review`, body: { accept: true } }),
    expect: progManage(404),
  },
  'POST /api/v1/programme/tasks/{id}/rating': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/tasks/${noId}/rating`, body: { stars: 5 } }),
    expect: progManage(404),
  },
  'POST /api/v1/programme/wishes': {
    call: (f, side) => ({
      method: 'POST',
      path: '/api/v1/programme/wishes',
      body: { communityId: f.units[c(side)].id },
    }),
    expect: progPublish,
  },
  'GET /api/v1/programme/wishes': {
    call: () => ({ method: 'GET', path: '/api/v1/programme/wishes' }),
    expect: progRead(200),
  },
  'POST /api/v1/programme/wishes/{id}/claim': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/wishes/${noId}/claim` }),
    expect: progServe(404),
  },
  'POST /api/v1/programme/wishes/{id}/release': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/wishes/${noId}/release` }),
    expect: progServe(404),
  },
  'POST /api/v1/my/wishes/{id}/confirm': {
    call: () => ({ method: 'POST', path: `/api/v1/my/wishes/${noId}/confirm` }),
    expect: { ...everyone(404), anonymous: 401 },
  },
  'POST /api/v1/programme/activities': {
    call: (f, side) => ({
      method: 'POST',
      path: '/api/v1/programme/activities',
      body: { communityId: f.units[c(side)].id },
    }),
    expect: progPublish,
  },
  'GET /api/v1/programme/activities': {
    call: () => ({ method: 'GET', path: '/api/v1/programme/activities' }),
    expect: progRead(200),
  },
  'GET /api/v1/programme/activities/{id}': {
    call: () => ({ method: 'GET', path: `/api/v1/programme/activities/${noId}` }),
    expect: progRead(404),
  },
  'POST /api/v1/programme/activities/{id}/signups': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/activities/${noId}/signups` }),
    expect: progServe(404),
  },
  'POST /api/v1/programme/activities/{id}/check-in': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/activities/${noId}/check-in` }),
    expect: progServe(404),
  },
  'POST /api/v1/programme/activities/{id}/attendance': {
    call: () => ({
      method: 'POST',
      path: `/api/v1/programme/activities/${noId}/attendance`,
      body: { personIds: [noId] },
    }),
    expect: progManage(404),
  },
  'GET /api/v1/programme/talent-skills': {
    call: () => ({ method: 'GET', path: '/api/v1/programme/talent-skills' }),
    expect: { ...everyone(200), anonymous: 401 },
  },
  'POST /api/v1/my/talents': {
    call: () => ({ method: 'POST', path: '/api/v1/my/talents', body: {} }),
    expect: { ...everyone(400), anonymous: 401 },
  },
  'GET /api/v1/my/talents': {
    call: () => ({ method: 'GET', path: '/api/v1/my/talents' }),
    expect: { ...everyone(200), anonymous: 401 },
  },
  'POST /api/v1/programme/talent-needs': {
    call: (f, side) => ({
      method: 'POST',
      path: '/api/v1/programme/talent-needs',
      body: { communityId: f.units[c(side)].id },
    }),
    expect: progPublish,
  },
  'GET /api/v1/programme/talent-needs': {
    call: () => ({ method: 'GET', path: '/api/v1/programme/talent-needs' }),
    expect: progRead(200),
  },
  'GET /api/v1/programme/talent-needs/{id}/candidates': {
    call: () => ({ method: 'GET', path: `/api/v1/programme/talent-needs/${noId}/candidates` }),
    expect: progManage(404),
  },
  'POST /api/v1/programme/talent-needs/{id}/choose': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/talent-needs/${noId}/choose`, body: { personId: noId } }),
    expect: progManage(404),
  },
  'GET /api/v1/programme/completion': {
    call: () => ({ method: 'GET', path: '/api/v1/programme/completion?year=1999' }),
    expect: progRead(400),
  },
  'GET /api/v1/programme/completion/export': {
    call: () => ({ method: 'GET', path: '/api/v1/programme/completion/export?year=1999' }),
    expect: progRead(400),
  },
  'POST /api/v1/programme/dispatches': {
    call: () => ({ method: 'POST', path: '/api/v1/programme/dispatches', body: { year: 1999, month: 1 } }),
    expect: progManage(400),
  },
  'GET /api/v1/programme/dispatches': {
    call: () => ({ method: 'GET', path: '/api/v1/programme/dispatches?year=1999' }),
    expect: progRead(400),
  },
  'GET /api/v1/programme/dispatches/{id}': {
    call: () => ({ method: 'GET', path: `/api/v1/programme/dispatches/${noId}` }),
    expect: progRead(404),
  },
  'GET /api/v1/programme/dispatches/{id}/export': {
    call: () => ({ method: 'GET', path: `/api/v1/programme/dispatches/${noId}/export?format=pdf` }),
    expect: progRead(400),
  },
  'POST /api/v1/programme/inspections': {
    call: () => ({ method: 'POST', path: '/api/v1/programme/inspections', body: { year: 1999, month: 6 } }),
    expect: progManage(400),
  },
  'GET /api/v1/programme/inspections': {
    call: () => ({ method: 'GET', path: '/api/v1/programme/inspections?year=1999' }),
    expect: progRead(400),
  },
  'GET /api/v1/programme/inspections/{id}': {
    call: () => ({ method: 'GET', path: `/api/v1/programme/inspections/${noId}` }),
    expect: progRead(404),
  },
  'POST /api/v1/programme/inspections/{id}/findings': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/inspections/${noId}/findings`, body: { results: [] } }),
    expect: progManage(400),
  },
  'GET /api/v1/programme/interviews': {
    call: () => ({ method: 'GET', path: `/api/v1/programme/interviews?roundId=${noId}` }),
    expect: progRead(200),
  },
  'POST /api/v1/programme/interviews/{id}/outcome': {
    call: () => ({ method: 'POST', path: `/api/v1/programme/interviews/${noId}/outcome`, body: { outcome: '' } }),
    expect: progManage(400),
  },
  'GET /api/v1/yellow-cards': {
    call: () => ({ method: 'GET', path: '/api/v1/yellow-cards?pageSize=200' }),
    present: (body, _f, side) => body.includes(cards[side]),
    expect: caseScoped(200),
  },
  'GET /api/v1/yellow-cards/summary': {
    call: () => ({
      method: 'GET',
      path: `/api/v1/yellow-cards/summary?${new URLSearchParams({ ...aroundNow(), level: 'grid' })}`,
    }),
    present: (body, f, side) => body.includes(f.units[g(side)].id),
    expect: caseScoped(200),
  },
  'GET /api/v1/yellow-cards/{id}': {
    call: (_f, side) => ({ method: 'GET', path: `/api/v1/yellow-cards/${cards[side]}` }),
    expect: caseScoped(200),
  },
  // the seeded cards are rectified: callers in scope reach the state check (409)
  'POST /api/v1/yellow-cards/{id}/explanation': {
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/yellow-cards/${cards[side]}/explanation`,
      body: { explanation: '说明', rectificationPlan: '方案' },
    }),
    expect: caseScoped(409),
  },
  'POST /api/v1/yellow-cards/{id}/appeal': {
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/yellow-cards/${cards[side]}/appeal`,
      body: { reason: '评价不实' },
    }),
    expect: caseScoped(409),
  },
  'POST /api/v1/yellow-cards/{id}/review': {
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/yellow-cards/${cards[side]}/review`,
      body: { accept: true },
    }),
    expect: superviseOnly(409),
  },
  'POST /api/v1/yellow-cards/{id}/appeal/decision': {
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/yellow-cards/${cards[side]}/appeal/decision`,
      body: { uphold: false, reason: '理由' },
    }),
    expect: superviseOnly(409),
  },
  'POST /api/v1/yellow-cards/{id}/interview': {
    call: (_f, side) => ({
      method: 'POST',
      path: `/api/v1/yellow-cards/${cards[side]}/interview`,
      body: { note: '已约谈' },
    }),
    expect: superviseOnly(409),
  },
  'GET /api/v1/points/entries': {
    call: () => ({ method: 'GET', path: '/api/v1/points/entries?pageSize=200' }),
    present: (body, f, side) => body.includes(f.units[g(side)].id),
    expect: caseScoped(200),
  },
  'GET /api/v1/points/balances': {
    call: () => ({ method: 'GET', path: `/api/v1/points/balances?${new URLSearchParams(aroundNow())}` }),
    present: (body, f, side) => body.includes(f.units[g(side)].id),
    expect: caseScoped(200),
  },
  'GET /api/v1/case-measures': {
    // the seeded cases were created just now: the home or away grid is in the answer only for callers whose scope holds it
    call: () => ({
      method: 'GET',
      path: `/api/v1/case-measures?${new URLSearchParams({ from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() })}`,
    }),
    present: (body, f, side) => body.includes(f.units[g(side)].id),
    expect: caseScoped(200),
  },
  'GET /api/v1/inbox': {
    call: () => ({ method: 'GET', path: '/api/v1/inbox' }),
    expect: { ...everyone(200), anonymous: 401 },
  },
  'GET /api/v1/inbox/unread-count': {
    call: () => ({ method: 'GET', path: '/api/v1/inbox/unread-count' }),
    expect: { ...everyone(200), anonymous: 401 },
  },
  'POST /api/v1/inbox/{id}/read': {
    call: () => ({ method: 'POST', path: `/api/v1/inbox/${randomUUID()}/read` }),
    expect: { ...everyone(404), anonymous: 401 },
  },
  'POST /api/v1/inbox/{id}/ack': {
    call: () => ({ method: 'POST', path: `/api/v1/inbox/${randomUUID()}/ack` }),
    expect: { ...everyone(404), anonymous: 401 },
  },
  'GET /api/v1/inbox/settings': {
    call: () => ({ method: 'GET', path: '/api/v1/inbox/settings' }),
    expect: { ...everyone(200), anonymous: 401 },
  },
  'PUT /api/v1/inbox/settings': {
    call: () => ({
      method: 'PUT',
      path: '/api/v1/inbox/settings',
      body: { quietStart: '22:00', quietEnd: '07:00', disabledChannels: [] },
    }),
    expect: { ...everyone(200), anonymous: 401 },
  },
  'GET /api/v1/inbox/stream': {
    call: () => ({ method: 'GET', path: '/api/v1/inbox/stream' }),
    expect: { ...everyone(200), anonymous: 401 },
    stream: true,
  },
  'POST /api/v1/mediation/disputes': {
    // no parties: callers with the community in scope reach validation (400)
    call: (f, side) => ({
      method: 'POST',
      path: '/api/v1/mediation/disputes',
      body: { intakeKey: `am-${randomUUID()}`, communityId: f.units[c(side)].id, source: 'WALK_IN' },
    }),
    expect: disputeScoped(400),
  },
  'GET /api/v1/mediation/disputes': {
    call: () => ({ method: 'GET', path: '/api/v1/mediation/disputes?pageSize=200' }),
    present: (body, _f, side) => body.includes(disputes[side]),
    expect: disputeScoped(200),
  },
  // nobody in the matrix was invited to the seeded disputes: the panel's routes show them nothing
  'GET /api/v1/mediation/panel/disputes': {
    call: () => ({ method: 'GET', path: '/api/v1/mediation/panel/disputes' }),
    present: (body, _f, side) => body.includes(disputes[side]),
    expect: { ...everyone(404), anonymous: 401 },
  },
  'GET /api/v1/mediation/panel/disputes/{id}': {
    call: (_f, side) => ({ method: 'GET', path: `/api/v1/mediation/panel/disputes/${disputes[side]}` }),
    expect: { ...everyone(404), anonymous: 401 },
  },
  'GET /api/v1/mediation/panel/disputes/{id}/agreement.pdf': {
    call: (_f, side) => ({
      method: 'GET',
      path: `/api/v1/mediation/panel/disputes/${disputes[side]}/agreement.pdf`,
    }),
    expect: { ...everyone(404), anonymous: 401 },
  },
  'GET /api/v1/mediation/invitations/mine': {
    call: () => ({ method: 'GET', path: '/api/v1/mediation/invitations/mine' }),
    expect: { ...everyone(200), anonymous: 401 },
  },
  'POST /api/v1/mediation/invitations/{invitationId}/answer': {
    call: () => ({
      method: 'POST',
      path: `/api/v1/mediation/invitations/${randomUUID()}/answer`,
      body: { accept: true },
    }),
    expect: { ...everyone(404), anonymous: 401 },
  },
  'GET /api/v1/mediation/disputes/{id}': {
    call: (_f, side) => ({ method: 'GET', path: dispute(side) }),
    expect: disputeScoped(200),
  },
  'GET /api/v1/mediation/disputes/{id}/agreement.pdf': {
    call: (_f, side) => ({ method: 'GET', path: dispute(side, '/agreement.pdf') }),
    expect: disputeScoped(200),
  },
  'POST /api/v1/mediation/disputes/{id}/risk': {
    call: (_f, side) => ({ method: 'POST', path: dispute(side, '/risk'), body: { grade: 'LOW', reason: '复核' } }),
    expect: disputeScoped(409),
  },
  'POST /api/v1/mediation/disputes/{id}/slots/{slotKey}/candidates': {
    call: (f, side) => ({
      method: 'POST',
      path: dispute(side, '/slots/secretary/candidates'),
      body: { personIds: [f.people.secretaryC1.id] },
    }),
    expect: disputeScoped(409),
  },
  'POST /api/v1/mediation/disputes/{id}/slots/{slotKey}/withdrawal': {
    call: (_f, side) => ({
      method: 'POST',
      path: dispute(side, '/slots/secretary/withdrawal'),
      body: { reason: '回避' },
    }),
    expect: disputeScoped(409),
  },
  'POST /api/v1/mediation/disputes/{id}/sessions': {
    call: (_f, side) => ({
      method: 'POST',
      path: dispute(side, '/sessions'),
      body: { place: '调解室', startsAt: '2030-01-01T09:00:00+08:00' },
    }),
    expect: disputeScoped(409),
  },
  'POST /api/v1/mediation/disputes/{id}/sessions/{seq}/record': {
    call: (_f, side) => ({
      method: 'POST',
      path: dispute(side, '/sessions/1/record'),
      body: { attendance: ['甲'], minutes: '笔录' },
    }),
    expect: disputeScoped(409),
  },
  'POST /api/v1/mediation/disputes/{id}/agreement': {
    call: (_f, side) => ({ method: 'POST', path: dispute(side, '/agreement'), body: {} }),
    expect: disputeScoped(409),
  },
  'POST /api/v1/mediation/disputes/{id}/referral': {
    call: (_f, side) => ({
      method: 'POST',
      path: dispute(side, '/referral'),
      body: { to: 'LITIGATION', reason: '不成', partiesNotice: '已告知' },
    }),
    expect: disputeScoped(409),
  },
  'POST /api/v1/mediation/disputes/{id}/visits/current': {
    call: (_f, side) => ({
      method: 'POST',
      path: dispute(side, '/visits/current'),
      body: { performed: true, note: '履行' },
    }),
    expect: disputeScoped(409),
  },
  'POST /api/v1/mediation/disputes/{id}/judicial-confirmation': {
    call: (_f, side) => ({
      method: 'POST',
      path: dispute(side, '/judicial-confirmation'),
      body: { appliedOn: '2026-12-01', court: '人民法院' },
    }),
    expect: disputeScoped(409),
  },
  'GET /api/v1/notifications/templates': {
    call: () => ({ method: 'GET', path: '/api/v1/notifications/templates' }),
    expect: { ...superviseOnly(200), supervisorS1: 200 },
  },
  'GET /api/v1/notifications/templates/catalog': {
    call: () => ({ method: 'GET', path: '/api/v1/notifications/templates/catalog' }),
    expect: { ...superviseOnly(200), supervisorS1: 200 },
  },
  'POST /api/v1/notifications/templates/{key}/versions': {
    // an unknown variable: the district admin reaches validation (400), a street supervisor is refused first
    call: () => ({
      method: 'POST',
      path: '/api/v1/notifications/templates/notify.broadcast/versions',
      body: { title: '{{nope}}', body: '.' },
    }),
    expect: { ...superviseOnly(400), supervisorS1: 403 },
  },
  'GET /api/v1/notifications/dead-letters': {
    call: () => ({ method: 'GET', path: '/api/v1/notifications/dead-letters' }),
    expect: { ...superviseOnly(200), supervisorS1: 403 },
  },
  'POST /api/v1/notifications/dead-letters/{deliveryId}/retry': {
    call: () => ({ method: 'POST', path: `/api/v1/notifications/dead-letters/${randomUUID()}/retry` }),
    expect: { ...superviseOnly(404), supervisorS1: 403 },
  },
};

const callers: Who[] = [
  'admin',
  'supervisorS1',
  'secretaryC1',
  'gridWorkerG1',
  'deptStaffDEP1',
  'partyMemberA',
  'resident',
  'anonymous',
];

describe('access matrix: every route × role × home/away scope', () => {
  let api: { app: INestApplication; url: string };
  let fixture: OrgFixture;
  const tokens: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    [api, fixture] = await Promise.all([startApi(), buildOrgFixture()]);
    for (const who of callers.filter((w) => w !== 'anonymous')) {
      tokens[who] = (await login(api.url, fixture.people[who].username)).accessToken;
    }
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    for (const side of ['home', 'away'] as Side[]) {
      const { id, caseNo, requestKey } = cases[side];
      const [grid, community, street] = [g(side), c(side), s(side)].map((k) => fixture.units[k].id);
      await db.query(
        `INSERT INTO request_case (id, case_no, request_key, workflow_id, channel, category, description, address, grid_id, community_id,
        street_id, reporter_phone, urgency, status, policy_version, accept_deadline, accountable_unit_id, closed_at)
        VALUES ($1, $2, $3, $4, 'PATROL', $5, '权限矩阵', $6, $7, $8, $9, $10, 'NORMAL', 'CLOSED', 1, now(), $7, now())`,
        [
          id,
          caseNo,
          requestKey,
          `case-${id}`,
          fixture.category,
          fixture.addresses[g(side)],
          grid,
          community,
          street,
          side === 'home' ? fixture.people.resident.phone : '13700000000',
        ],
      );
      await db.query(
        `INSERT INTO mediation_dispute (id, dispute_no, workflow_id, intake_key, community_id, street_id, source, category, subject,
        description, parties, head_count, risk_grade, risk_reasons, risk_computed, status, policy_version, convener_id, due_at, agreement_pdf)
        VALUES ($1, $2, $3, $4, $5, $6, 'WALK_IN', '邻里纠纷', '权限矩阵', '权限矩阵', '[]', 2, 'LOW', '{}', 'LOW', 'REFERRED', 1, $7, now(),
        decode('255044462d312e34', 'hex'))`,
        [
          disputes[side],
          `TJ-AM-${disputes[side].slice(0, 8)}`,
          `mediation-${disputes[side]}`,
          `am-${disputes[side]}`,
          community,
          street,
          fixture.people.secretaryC1.id,
        ],
      );
      await db.query(
        `INSERT INTO mediation_slot (id, dispute_id, key, label, required, status, member_id)
        VALUES ($1, $2, 'secretary', '社区党组织书记', true, 'FILLED', $3)`,
        [randomUUID(), disputes[side], fixture.people.secretaryC1.id],
      );
      const rating = randomUUID();
      await db.query(
        `INSERT INTO case_rating (id, case_id, outcome, stars, unit_id, policy_version, window_ends_at)
        VALUES ($1, $2, 'RATED', 1, $3, 1, now() + interval '7 days')`,
        [rating, id, grid],
      );
      await db.query(
        `INSERT INTO yellow_card (id, card_no, workflow_id, case_id, rating_id, holder_kind, unit_id, status, policy_version, appeal_evidence)
        VALUES ($1, $2, $3, $4, $5, 'UNIT', $6, 'RECTIFIED', 1, '{}')`,
        [cards[side], `HP-AM-${cards[side].slice(0, 8)}`, `card-${id}-unit`, id, rating, grid],
      );
      await db.query(
        `INSERT INTO points_entry (id, holder_kind, unit_id, points, reason, case_id, policy_version, dedup_key)
        VALUES ($1, 'UNIT', $2, -2, '权限矩阵', $3, 1, $4)`,
        [randomUUID(), grid, id, `rating:${id}:UNIT`],
      );
    }
    await db.end();
  });
  afterAll(() => api?.app.close());

  it('covers exactly the routes the API serves', async () => {
    const doc = (await (await fetch(`${api.url}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const served = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(served.sort()).toEqual(Object.keys(routes).sort());
  });

  const rows = Object.entries(routes).flatMap(([route, rc]) =>
    callers.flatMap((who) => (['home', 'away'] as Side[]).map((side) => ({ route, who, side, rc }))),
  );

  it.each(rows.map((r) => [r.route, r.who, r.side, r.rc] as const))(
    '%s as %s on the %s side',
    async (_route, who, side, rc) => {
      const expected = rc.expect[who];
      expect(expected).toBeDefined();
      const want = Array.isArray(expected) ? expected[side === 'home' ? 0 : 1] : expected;
      const call = rc.call(fixture, side);
      const hangUp = new AbortController();
      const res = await fetch(`${api.url}${call.path}`, {
        signal: hangUp.signal,
        method: call.method,
        headers: {
          'content-type': 'application/json',
          ...(tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {}),
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
      });
      if (rc.stream) hangUp.abort();
      const body = rc.stream ? '' : await res.text();
      const got = res.status === 200 && rc.present ? (rc.present(body, fixture, side) ? 200 : 404) : res.status;
      expect({ status: got, body: got === want ? '' : body.slice(0, 300) }).toEqual({ status: want, body: '' });
    },
  );
});
