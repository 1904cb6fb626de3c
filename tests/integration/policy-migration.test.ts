import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client } from 'pg';
import { PrismaClient } from '../../src/generated/prisma/client';
import { hashPassword } from '../../src/modules/auth/password-hasher';
import { DEFAULT_REQUEST_LOOP_POLICY } from '../../src/modules/policy/request-loop-policy.defaults';
import type { RequestLoopPolicy } from '../../src/modules/policy/request-loop-policy.schema';
import { authed, buildOrgFixture, FIXTURE_PASSWORD, login, OrgFixture } from '../fixtures/org-fixture';
import { eventually, startApi, startWorker } from '../fixtures/test-app';

interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string; message?: string };
}
interface ClockProjection {
  clock: string;
  state: string;
  from: string;
  to: string;
  applies: boolean;
  reason?: string;
}
interface PreviewItem {
  caseId: string;
  action: string;
  reason?: string;
  fromVersion: number;
  toVersion: number;
  clocks: ClockProjection[];
}
interface Clock {
  name: string;
  state: string;
  startedAt: string;
  deadline: string;
}

describe('policy migrations over HTTP: preview, apply, progress, refusals', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  const tokens: Record<string, string> = {};
  let category: string;
  let toVersion: number;
  const cases: Record<'accepted' | 'reported' | 'closed' | 'elsewhere', string> = {
    accepted: '',
    reported: '',
    closed: '',
    elsewhere: '',
  };

  const call = async (who: string, method: string, path: string, body?: unknown): Promise<Answer> => {
    const res = await fetch(
      `${api.url}/api/v1${path}`,
      authed(tokens[who], { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  };
  const intake = async (address: string) => {
    const created = await call('gridWorkerG1', 'POST', '/cases', {
      requestKey: `pm-${randomUUID()}`,
      channel: 'HOTLINE',
      category,
      description: '井盖松动',
      address,
      reporterPhone: '13900000000',
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const clocksOf = (who: string, id: string) =>
    eventually(async () => {
      const detail = await call(who, 'GET', `/cases/${id}`);
      return (detail.body.clocks as Clock[] | null)?.length ? (detail.body.clocks as Clock[]) : null;
    }, `live clocks of ${id}`);
  const ownMigrations = async () =>
    (
      await db.query('SELECT count(*)::int AS n FROM policy_migration WHERE created_by = ANY($1::uuid[])', [
        [f.people.admin.id, f.people.supervisorS1.id],
      ])
    ).rows[0].n as number;

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
    category = `井盖-${f.tag}`;
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL as string }),
    });
    const districtSupervisorId = randomUUID();
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
    for (const who of ['admin', 'supervisorS1', 'gridWorkerG1', 'gridWorkerG2'])
      tokens[who] = (await login(api.url, f.people[who].username)).accessToken;
    tokens.districtSupervisor = (await login(api.url, `districtSupervisor-${f.tag}`)).accessToken;
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();

    // three cases in G1 (one accepted, one waiting to be accepted, one closed) and one in G2, all on the version in force
    cases.accepted = await intake(f.addresses.G1);
    cases.reported = await intake(f.addresses.G1);
    cases.closed = await intake(f.addresses.G1);
    cases.elsewhere = (
      await call('gridWorkerG2', 'POST', '/cases', {
        requestKey: `pm-${randomUUID()}`,
        channel: 'HOTLINE',
        category,
        description: '井盖松动',
        address: f.addresses.G2,
        reporterPhone: '13900000000',
      })
    ).body.id as string;
    for (const id of Object.values(cases)) await clocksOf(id === cases.elsewhere ? 'gridWorkerG2' : 'gridWorkerG1', id);
    expect((await call('gridWorkerG1', 'POST', `/cases/${cases.accepted}/accept`, {})).status).toBe(200);
    for (const step of ['accept', 'handled', 'close'])
      expect((await call('gridWorkerG1', 'POST', `/cases/${cases.closed}/${step}`, { reply: '已加固' })).status).toBe(
        200,
      );

    // the new version: an hour to accept, this category resolved within the 15 working days of `complex`
    const next = structuredClone(DEFAULT_REQUEST_LOOP_POLICY) as RequestLoopPolicy;
    next.clocks.accept.limit = { unit: 'hours', amount: 1 };
    next.categoryLimits = { [category]: 'complex' };
    const published = await call('districtSupervisor', 'POST', '/policies/request-loop/versions', {
      ...next,
      note: `迁移测试-${f.tag}`,
    });
    expect(published.status).toBe(201);
    toVersion = published.body.version as number;
  });
  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close(), db?.end()]);
  });

  it('previews which cases in a unit would move and what each clock’s deadline would become', async () => {
    const preview = await call('districtSupervisor', 'POST', '/policies/request-loop/migrations/preview', {
      toVersion,
      category,
      unitId: f.units.C1.id,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.total).toBe(2); // the closed case is not open, the G2 case lies outside C1
    const items = preview.body.items as PreviewItem[];
    expect(items.map((i) => i.caseId).sort()).toEqual([cases.accepted, cases.reported].sort());
    const byId = Object.fromEntries(items.map((i) => [i.caseId, i]));
    const reportedAccept = byId[cases.reported].clocks.find((c) => c.clock === 'accept') as ClockProjection;
    const liveAccept = (await clocksOf('gridWorkerG1', cases.reported)).find((c) => c.name === 'accept') as Clock;
    expect(reportedAccept).toMatchObject({
      applies: true,
      from: liveAccept.deadline,
      to: new Date(Date.parse(liveAccept.startedAt) + 3_600_000).toISOString(),
    });
    const accepted = byId[cases.accepted];
    expect(accepted.clocks.find((c) => c.clock === 'accept')).toMatchObject({
      applies: false,
      reason: '该时限已达成，新时限不再适用',
    });
    const resolution = accepted.clocks.find((c) => c.clock === 'resolution') as ClockProjection;
    expect(resolution.applies).toBe(true);
    expect(Date.parse(resolution.to)).toBeGreaterThan(Date.parse(resolution.from)); // 7 → 15 working days from the same start

    // closed cases only when asked for, and then as skipped with the reason
    const closed = await call('admin', 'POST', '/policies/request-loop/migrations/preview', {
      toVersion,
      category,
      states: ['CLOSED'],
    });
    expect(closed.body).toMatchObject({
      total: 1,
      items: [{ caseId: cases.closed, action: 'SKIP', reason: '诉求已办结，保持原策略版本' }],
    });
  });

  it('refuses bad input with a Chinese message, and callers below district level, writing nothing', async () => {
    const before = await ownMigrations();
    const bad: [unknown, RegExp][] = [
      [{ category }, /目标策略版本/],
      [{ toVersion: 'x' }, /目标策略版本/],
      [{ toVersion: 1.5 }, /正整数/],
      [{ toVersion, states: ['NOPE'] }, /未知的诉求状态/],
      [{ toVersion, unitId: 'not-a-uuid' }, /单位编号格式不正确/],
      [{ toVersion: 99_999 }, /没有第 99999 版策略/],
    ];
    for (const [body, message] of bad) {
      const preview = await call('admin', 'POST', '/policies/request-loop/migrations/preview', body);
      expect({ status: preview.status, code: preview.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      expect(JSON.stringify(preview.body)).toMatch(message); // the message, or the field's own message in details
      const { toVersion: v, ...filters } = body as Record<string, unknown>;
      const start = await call('admin', 'POST', '/policies/request-loop/migrations', { toVersion: v, filters });
      expect(start.status).toBe(400);
    }
    const nothing = await call('admin', 'POST', '/policies/request-loop/migrations', {
      toVersion,
      filters: { category: `无此类别-${f.tag}` },
    });
    expect(nothing).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: '没有符合条件、需要迁移的诉求' },
    });
    expect(
      (
        await call('admin', 'POST', '/policies/request-loop/migrations', {
          toVersion,
          filters: { unitId: randomUUID() },
        })
      ).status,
    ).toBe(404);

    const street = await call('supervisorS1', 'POST', '/policies/request-loop/migrations', {
      toVersion,
      filters: { category },
    });
    expect(street).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN', message: '只有区级督导或系统管理员可以迁移流程策略' },
    });
    expect(
      (await call('supervisorS1', 'POST', '/policies/request-loop/migrations/preview', { toVersion })).status,
    ).toBe(403);
    expect(
      (await call('gridWorkerG1', 'POST', '/policies/request-loop/migrations', { toVersion, filters: { category } }))
        .status,
    ).toBe(403);
    expect(await ownMigrations()).toBe(before);
    const versions = await db.query('SELECT policy_version FROM request_case WHERE id = ANY($1::uuid[])', [
      Object.values(cases),
    ]);
    expect(versions.rows.every((r: { policy_version: number }) => r.policy_version < toVersion)).toBe(true);
  });

  it('applies it: a workflow signals each case, the progress counts migrated and skipped cases with reasons', async () => {
    const started = await call('districtSupervisor', 'POST', '/policies/request-loop/migrations', {
      toVersion,
      filters: { category, unitId: f.units.C1.id, states: ['REPORTED', 'ACCEPTED', 'CLOSED'] },
      note: '按新版时限办理',
    });
    expect(started).toMatchObject({ status: 202, body: { migrationId: expect.any(String), total: 3 } });
    const id = started.body.migrationId as string;
    const progress = await eventually(async () => {
      const answer = await call('districtSupervisor', 'GET', `/policy-migrations/${id}`);
      return answer.body.status === 'COMPLETED' ? answer.body : null;
    }, 'the migration to complete');
    expect(progress).toMatchObject({
      toVersion,
      total: 3,
      processed: 3,
      migrated: 2,
      skipped: 1,
      filters: { category, unitId: f.units.C1.id },
      skippedByReason: [{ reason: '诉求已办结，保持原策略版本', count: 1 }],
      skippedCases: [{ caseId: cases.closed, reason: '诉求已办结，保持原策略版本' }],
    });
    expect((await call('supervisorS1', 'GET', `/policy-migrations/${id}`)).status).toBe(403);
    expect((await call('admin', 'GET', `/policy-migrations/${randomUUID()}`)).status).toBe(404);

    for (const caseId of [cases.accepted, cases.reported]) {
      const detail = await eventually(async () => {
        const d = await call('gridWorkerG1', 'GET', `/cases/${caseId}`);
        return (d.body.timeline as { kind: string }[]).some((e) => e.kind === 'POLICY_MIGRATED') ? d.body : null;
      }, 'the case to record its migration');
      expect(detail.policyVersion).toBe(toVersion);
    }
    const accept = (await clocksOf('gridWorkerG1', cases.reported)).find((c) => c.name === 'accept') as Clock;
    expect(accept.deadline).toBe(new Date(Date.parse(accept.startedAt) + 3_600_000).toISOString());
    const untouched = await db.query('SELECT id, policy_version FROM request_case WHERE id = ANY($1::uuid[])', [
      [cases.closed, cases.elsewhere],
    ]);
    expect(untouched.rows.every((r: { policy_version: number }) => r.policy_version < toVersion)).toBe(true);
    const audit = await db.query(
      "SELECT count(*)::int AS n FROM audit_entry WHERE action = 'policy.migration.start' AND entity_id = $1",
      [id],
    );
    expect(audit.rows[0].n).toBe(1);
  });
});
