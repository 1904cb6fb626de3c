import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client } from 'pg';
import { PrismaClient } from '../../src/generated/prisma/client';
import { hashPassword } from '../../src/modules/auth/password-hasher';
import { ProcessPolicyService } from '../../src/modules/policy/policy.service';
import { DEFAULT_REQUEST_LOOP_POLICY } from '../../src/modules/policy/request-loop-policy.defaults';
import type { RequestLoopPolicy } from '../../src/modules/policy/request-loop-policy.schema';
import { startApi } from '../fixtures/test-app';
import { authed, buildOrgFixture, FIXTURE_PASSWORD, login, OrgFixture } from '../fixtures/org-fixture';

interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string; version?: number; message?: string };
}
const BASE = '/api/v1/policies';

describe('process policies: versions, validation, who may publish', () => {
  let api: { app: INestApplication; url: string };
  let f: OrgFixture;
  let db: Client;
  let districtSupervisorId: string;
  const tokens: Record<string, string> = {};
  const call = async (who: string, method: string, path: string, body?: unknown): Promise<Answer> => {
    const res = await fetch(
      `${api.url}${BASE}${path}`,
      authed(tokens[who], { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  };
  // A change only this file makes: a category of its own, so other files' cases keep their limits.
  const policyWith = (edit: (p: RequestLoopPolicy) => void = () => undefined) => {
    const p = structuredClone(DEFAULT_REQUEST_LOOP_POLICY) as RequestLoopPolicy;
    p.categoryLimits = { [`测试类别-${f.tag}`]: 'urgent' };
    edit(p);
    return p;
  };
  // Only this file's own actors: other files write policies and audit entries at the same time.
  const counts = async () =>
    (
      await db.query(
        `SELECT
    (SELECT count(*) FROM policy_version WHERE created_by = ANY($1::uuid[]))::int AS versions,
    (SELECT count(*) FROM audit_entry WHERE action = 'policy.version.create' AND actor_id = ANY($1::uuid[]))::int AS audit`,
        [[f.people.admin.id, f.people.supervisorS1.id, districtSupervisorId]],
      )
    ).rows[0] as { versions: number; audit: number };

  beforeAll(async () => {
    [api, f] = await Promise.all([startApi(), buildOrgFixture()]);
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL as string }),
    });
    districtSupervisorId = randomUUID();
    await prisma.person.create({
      data: {
        id: districtSupervisorId,
        name: '区督导测试',
        phone: `18${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`,
        kind: 'STAFF',
        username: `districtSupervisor-${f.tag}`,
        passwordHash: await hashPassword(FIXTURE_PASSWORD),
      },
    });
    await prisma.position.create({
      data: {
        personId: districtSupervisorId,
        unitId: f.units.D.id,
        role: 'SUPERVISOR',
        startsOn: new Date('2024-01-01'),
      },
    });
    await prisma.$disconnect();
    for (const who of ['admin', 'supervisorS1', 'gridWorkerG1', 'resident'])
      tokens[who] = (await login(api.url, f.people[who].username)).accessToken;
    tokens.districtSupervisor = (await login(api.url, `districtSupervisor-${f.tag}`)).accessToken;
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(() => Promise.all([api?.app.close(), db?.end()]));

  it('has version 1 with the domain defaults once the app has started, readable by any staff member', async () => {
    const current = await call('gridWorkerG1', 'GET', '/request-loop');
    expect(current).toMatchObject({ status: 200, body: { process: 'request-loop', version: expect.any(Number) } });
    expect(current.body.version).toBeGreaterThanOrEqual(1);
    const first = await call('gridWorkerG1', 'GET', '/request-loop/versions/1');
    expect(first).toMatchObject({ status: 200, body: { version: 1, createdBy: null } });
    expect(first.body.data).toEqual(DEFAULT_REQUEST_LOOP_POLICY);
    expect((await call('resident', 'GET', '/request-loop')).status).toBe(403);
  });

  it('lets a district supervisor publish the next version, audited, while a street supervisor gets 403', async () => {
    const before = await counts();
    const refused = await call('supervisorS1', 'POST', '/request-loop/versions', policyWith());
    expect(refused).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await call('gridWorkerG1', 'POST', '/request-loop/versions', policyWith())).status).toBe(403);
    expect(await counts()).toEqual(before);

    const previous = (await call('admin', 'GET', '/request-loop')).body.version as number;
    const created = await call('districtSupervisor', 'POST', '/request-loop/versions', {
      ...policyWith(),
      note: `测试发布-${f.tag}`,
    });
    expect(created).toMatchObject({
      status: 201,
      body: { process: 'request-loop', createdBy: districtSupervisorId, note: `测试发布-${f.tag}` },
    });
    expect(created.body.version).toBeGreaterThan(previous);
    expect(created.body.data).toEqual(policyWith());
    expect(created.body.data).not.toHaveProperty('note');
    const read = await call('gridWorkerG1', 'GET', `/request-loop/versions/${created.body.version}`);
    expect(read.body).toMatchObject({
      version: created.body.version,
      data: { categoryLimits: { [`测试类别-${f.tag}`]: 'urgent' } },
    });
    expect((await call('admin', 'GET', '/request-loop')).body.version).toBeGreaterThanOrEqual(
      created.body.version as number,
    );
    const { rows } = await db.query(
      "SELECT * FROM audit_entry WHERE action = 'policy.version.create' AND actor_id = $1",
      [districtSupervisorId],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        entity_type: 'policy_version',
        unit_id: null,
        actor_roles: ['SUPERVISOR'],
        after: expect.objectContaining({ process: 'request-loop', version: created.body.version }),
      }),
    ]);
  });

  it('never hands out a version number twice, and lists versions newest first', async () => {
    const parallel = await Promise.all(
      [1, 2, 3].map(() => call('admin', 'POST', '/request-loop/versions', policyWith())),
    );
    expect(parallel.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(parallel.map((r) => r.body.version)).size).toBe(3);
    const list = (await call('admin', 'GET', '/request-loop/versions')).body as unknown as { version: number }[];
    const numbers = list.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(numbers).toEqual(expect.arrayContaining([...parallel.map((r) => r.body.version), 1]));
    expect(numbers.at(-1)).toBe(1);
    const typed = await api.app.get(ProcessPolicyService).current('request-loop');
    expect(typed.data.escalation.ladder.map((step) => step.level)).toEqual([
      'GRID_WORKER',
      'COMMUNITY',
      'STREET_DEPARTMENT',
      'DISTRICT_SUPERVISION',
    ]);
  });

  it.each<[string, (p: RequestLoopPolicy) => void, string]>([
    [
      'a ladder that does not reach the district',
      (p) => {
        p.escalation.ladder.pop();
      },
      'escalation.ladder.2.level',
    ],
    [
      'reminders out of order',
      (p) => {
        p.reminders.fractions = [0.8, 0.5];
      },
      'reminders.fractions',
    ],
    [
      'a zero duration',
      (p) => {
        p.clocks.accept.limit.amount = 0;
      },
      'clocks.accept.limit.amount',
    ],
    [
      'a category mapped to an undefined priority',
      (p) => {
        p.categoryLimits = { 噪音: 'superUrgent' };
      },
      'categoryLimits.噪音',
    ],
  ])('refuses %s with VALIDATION_FAILED and the path, writing nothing', async (_what, edit, path) => {
    const before = await counts();
    const res = await call('admin', 'POST', '/request-loop/versions', policyWith(edit));
    expect(res).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', details: expect.arrayContaining([expect.objectContaining({ path })]) },
    });
    expect(await counts()).toEqual(before);
  });

  it('answers an unknown process with 404 naming the known ones, and a bad version with 400 or 404', async () => {
    for (const [method, path] of [
      ['GET', '/case-rating'],
      ['GET', '/case-rating/versions'],
      ['GET', '/case-rating/versions/1'],
      ['POST', '/case-rating/versions'],
    ]) {
      const res = await call('admin', method, path, method === 'POST' ? policyWith() : undefined);
      expect(res).toMatchObject({
        status: 404,
        body: { code: 'NOT_FOUND', message: expect.stringContaining('request-loop') },
      });
    }
    expect(await call('admin', 'GET', '/request-loop/versions/abc')).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED' },
    });
    expect(await call('admin', 'GET', '/request-loop/versions/99999')).toMatchObject({
      status: 404,
      body: { code: 'NOT_FOUND' },
    });
  });
});
