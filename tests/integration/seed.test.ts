import { createHash, randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client } from 'pg';
import { PrismaClient } from '../../src/generated/prisma/client';
import type { OrgUnitKind, Role } from '../../src/generated/prisma/enums';
import {
  createDatabaseIfMissing,
  databaseUrl,
  dropDatabase,
  migrateDeploy,
} from '../../src/infra/local-stack/database';
import { verifyPassword } from '../../src/modules/auth/password-hasher';
import { allowedParentKinds, roleUnitKinds } from '../../src/modules/org/org-kinds';
import { REQUEST_CATEGORIES } from '../../src/modules/org/seed/categories';
import { DEMO_PASSWORD, demoLogins } from '../../src/modules/org/seed/demo-logins';
import { buildDistrictPlan, DEMO_USERNAMES } from '../../src/modules/org/seed/district-plan';
import { planCounts, writeDistrictPlan } from '../../src/modules/org/seed/seed-writer';

const TABLES = [
  'org_unit',
  'org_unit_closure',
  'address',
  'department_category',
  'person',
  'position',
  'committee_assignment',
  'duty_item',
  'community_duty',
];
const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');
// Pins "same seed → same data" across processes and machines; update it only when the sample district is changed on purpose.
const DEFAULT_PLAN_HASH = 'a54476be79229971d809aba6839c4a56bc4568fe95b5e1d536d44da07cc1724f';

describe('sample district seed: the plan', () => {
  it('is deterministic: the same seed gives deep-equal rows and the same hash, another seed differs', () => {
    const first = buildDistrictPlan();
    const second = buildDistrictPlan();
    expect(second).toEqual(first);
    expect(hashOf(second)).toBe(hashOf(first));
    expect(hashOf(first)).toBe(DEFAULT_PLAN_HASH);
    expect(hashOf(buildDistrictPlan('another district'))).not.toBe(hashOf(first));
  });

  it('has unique ids, codes, phones and addresses, and exports one demo login per role', () => {
    const plan = buildDistrictPlan();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const ids = [...plan.units, ...plan.persons, ...plan.positions, ...plan.assignments, ...plan.addresses].map(
      (r) => r.id,
    );
    expect(ids.every((id) => uuid.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(plan.units.map((u) => u.code)).size).toBe(plan.units.length);
    expect(new Set(plan.addresses.map((a) => a.text)).size).toBe(plan.addresses.length);
    const phones = plan.persons.map((p) => p.phone);
    expect(new Set(phones).size).toBe(phones.length);
    expect(phones.every((p) => /^1[358]\d{9}$/.test(p))).toBe(true);
    expect(plan.persons.filter((p) => p.kind === 'RESIDENT')).toHaveLength(200);
    expect(demoLogins(plan).map((l) => [l.role, l.username])).toEqual(Object.entries(DEMO_USERNAMES));
    const categories = new Set(plan.departmentCategories.map((c) => c.category));
    expect([...categories].sort()).toEqual(REQUEST_CATEGORIES.map((c) => c.code).sort());
  });
});

describe('sample district seed: a brand-new database', () => {
  const adminUrl = process.env.GOVFLOW_TEST_ADMIN_DATABASE_URL as string;
  const database = `govflow_seed_${randomBytes(4).toString('hex')}`;
  const plan = buildDistrictPlan();
  let prisma: PrismaClient;
  let db: Client;
  const one = async <T = number>(sql: string, params: unknown[] = []): Promise<T> => {
    const { rows } = await db.query(sql, params);
    return Object.values(rows[0] as object)[0] as T;
  };
  const countRows = async () => {
    const counts: Record<string, number> = {};
    for (const table of TABLES) counts[table] = await one(`SELECT count(*)::int FROM ${table}`);
    return counts;
  };

  beforeAll(async () => {
    await createDatabaseIfMissing(adminUrl, database);
    const url = databaseUrl(adminUrl, database);
    await migrateDeploy(url);
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    db = new Client({ connectionString: url });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await Promise.all([prisma?.$disconnect(), db?.end()]);
    await dropDatabase(adminUrl, database);
  });

  it('seeds once; a second run finds the district and inserts nothing', async () => {
    const first = await writeDistrictPlan(prisma, plan);
    expect(first).toEqual({ status: 'seeded', counts: planCounts(plan) });
    const afterFirst = await countRows();
    expect(afterFirst).toEqual({
      org_unit: plan.units.length,
      org_unit_closure: plan.closures.length,
      address: plan.addresses.length,
      department_category: plan.departmentCategories.length,
      person: plan.persons.length,
      position: plan.positions.length,
      committee_assignment: plan.assignments.length,
      duty_item: 36,
      community_duty: plan.communityDuties.length,
    });

    await expect(writeDistrictPlan(prisma, buildDistrictPlan())).resolves.toEqual({ status: 'already seeded' });
    expect(await countRows()).toEqual(afterFirst);
  }, 120_000);

  it('has the shape of the sample district', async () => {
    const kinds = Object.fromEntries(
      (await db.query('SELECT kind, count(*)::int AS n FROM org_unit GROUP BY kind')).rows.map((r) => [r.kind, r.n]),
    );
    expect(kinds).toMatchObject({
      DISTRICT: 1,
      STREET: 3,
      COMMUNITY: 17,
      AGENCY: 67,
      PARTY_ORG: 67,
      DEPARTMENT: 24,
      PROPERTY_COMPANY: 17,
    });

    const departments = await db.query(`SELECT s.name, count(d.id)::int AS n, count(DISTINCT d.dept_type)::int AS types
      FROM org_unit s LEFT JOIN org_unit d ON d.parent_id = s.id AND d.kind = 'DEPARTMENT' WHERE s.kind = 'STREET' GROUP BY s.name`);
    expect(departments.rows.map((r) => [r.n, r.types])).toEqual([
      [8, 8],
      [8, 8],
      [8, 8],
    ]);
    expect(
      await one(`SELECT count(*)::int FROM org_unit d WHERE d.kind = 'DEPARTMENT' AND (
      (SELECT count(*) FROM position p WHERE p.unit_id = d.id AND p.role = 'DEPARTMENT_HEAD') <> 1 OR
      (SELECT count(*) FROM position p WHERE p.unit_id = d.id AND p.role = 'DEPARTMENT_STAFF') <> 2 OR
      NOT EXISTS (SELECT 1 FROM department_category c WHERE c.department_id = d.id))`),
    ).toBe(0);

    expect(await one(`SELECT count(*)::int FROM position WHERE role = 'PARTY_MEMBER'`)).toBeGreaterThanOrEqual(4_000);
    expect(
      await one(`SELECT count(*)::int FROM position p LEFT JOIN org_unit c ON c.id = p.reports_to_unit_id
      WHERE p.role = 'PARTY_MEMBER' AND c.kind IS DISTINCT FROM 'COMMUNITY'`),
    ).toBe(0);
    expect(
      await one(`SELECT count(*)::int FROM org_unit a WHERE a.kind = 'AGENCY' AND NOT EXISTS (
      SELECT 1 FROM org_unit o JOIN position p ON p.unit_id = o.id AND p.role = 'AGENCY_SECRETARY' AND p.ends_on IS NULL
      WHERE o.parent_id = a.id AND o.kind = 'PARTY_ORG')`),
    ).toBe(0);

    const staffed = (kind: OrgUnitKind, role: Role) =>
      one(
        `SELECT count(*)::int FROM org_unit u WHERE u.kind = $1
      AND NOT EXISTS (SELECT 1 FROM position p WHERE p.unit_id = u.id AND p.role = $2 AND p.ends_on IS NULL)`,
        [kind, role],
      );
    expect(await staffed('GRID', 'GRID_LEADER')).toBe(0);
    expect(await staffed('GRID', 'GRID_WORKER')).toBe(0);
    expect(await staffed('BUILDING', 'BUILDING_HEAD')).toBe(0);
    expect(await staffed('ENTRANCE', 'ENTRANCE_HEAD')).toBe(0);
    expect(await staffed('COMMUNITY', 'COMMUNITY_SECRETARY')).toBe(0);

    const committee = await db.query(`SELECT c.id, count(DISTINCT p.id)::int AS members,
        count(DISTINCT p.id) FILTER (WHERE (SELECT count(DISTINCT a.kind) FROM committee_assignment a WHERE a.position_id = p.id) = 3)::int AS with_three
      FROM org_unit c JOIN position p ON p.unit_id = c.id AND p.role = 'COMMITTEE_MEMBER' WHERE c.kind = 'COMMUNITY' GROUP BY c.id`);
    expect(committee.rows).toHaveLength(17);
    for (const r of committee.rows) expect([r.members >= 3 && r.members <= 5, r.with_three]).toEqual([true, r.members]);
    expect(
      await one(`SELECT count(*)::int FROM committee_assignment a JOIN position p ON p.id = a.position_id
      LEFT JOIN org_unit e ON e.id = a.unit_id
      WHERE a.kind = 'ENTERPRISE' AND (e.kind IS DISTINCT FROM 'ENTERPRISE' OR e.parent_id <> p.unit_id)`),
    ).toBe(0);

    expect(
      await one(`SELECT count(*)::int FROM address a JOIN org_unit g ON g.id = a.grid_id
      LEFT JOIN org_unit b ON b.id = a.building_id WHERE g.kind <> 'GRID' OR b.kind IS DISTINCT FROM 'BUILDING' OR b.parent_id <> g.id`),
    ).toBe(0);
    expect(
      await one(`SELECT count(*)::int FROM org_unit e WHERE e.kind = 'ENTRANCE'
      AND NOT EXISTS (SELECT 1 FROM address a WHERE a.building_id = e.parent_id AND a.text LIKE '%' || e.name)`),
    ).toBe(0);

    expect(await one('SELECT count(*)::int FROM org_unit_closure')).toBe(
      await one('SELECT sum(depth + 1)::int FROM org_unit'),
    );
    expect(
      await one(`SELECT count(*)::int FROM org_unit u WHERE NOT EXISTS (
      SELECT 1 FROM org_unit_closure c WHERE c.ancestor_id = u.id AND c.descendant_id = u.id AND c.distance = 0)`),
    ).toBe(0);

    const parentPairs = await db.query(
      `SELECT DISTINCT u.kind, p.kind AS parent FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id`,
    );
    for (const { kind, parent } of parentPairs.rows as { kind: OrgUnitKind; parent: OrgUnitKind | null }[]) {
      expect([
        kind,
        parent === null ? allowedParentKinds[kind].length === 0 : allowedParentKinds[kind].includes(parent),
      ]).toEqual([kind, true]);
    }
    const rolePairs = await db.query(
      'SELECT DISTINCT p.role, u.kind FROM position p JOIN org_unit u ON u.id = p.unit_id',
    );
    for (const { role, kind } of rolePairs.rows as { role: Role; kind: OrgUnitKind }[]) {
      expect([role, kind, roleUnitKinds[role].includes(kind)]).toEqual([role, kind, true]);
    }

    const duties = await db.query(
      'SELECT default_marking AS m, count(*)::int AS n FROM duty_item GROUP BY 1 ORDER BY 1',
    );
    expect(duties.rows).toEqual([
      { m: 'DUTY', n: 20 },
      { m: 'COOPERATION', n: 16 },
    ]);
  });

  it('gives every demo account the demo password, its role, and one shared community and street', async () => {
    const accounts = await db.query(`SELECT p.username, p.password_hash, array_agg(DISTINCT x.role::text) AS roles
      FROM person p JOIN position x ON x.person_id = p.id WHERE p.username IS NOT NULL GROUP BY p.id`);
    expect(accounts.rows).toHaveLength(13);
    for (const a of accounts.rows)
      expect(a.roles).toContain(Object.entries(DEMO_USERNAMES).find(([, u]) => u === a.username)?.[0]);
    const secretary = accounts.rows.find((a) => a.username === 'secretary');
    expect(await verifyPassword(DEMO_PASSWORD, secretary.password_hash)).toBe(true);
    expect(await one(`SELECT count(*)::int FROM person WHERE password_hash IS NOT NULL`)).toBe(13);

    const within = (ancestorKind: OrgUnitKind, usernames: string[]) =>
      one(
        `SELECT count(DISTINCT c.ancestor_id)::int
      FROM person p JOIN position x ON x.person_id = p.id JOIN org_unit_closure c ON c.descendant_id = x.unit_id
      JOIN org_unit a ON a.id = c.ancestor_id AND a.kind = $1 WHERE p.username = ANY($2)`,
        [ancestorKind, usernames],
      );
    expect(
      await within('COMMUNITY', [
        'secretary',
        'committee',
        'grid-leader',
        'grid-worker',
        'building-head',
        'entrance-head',
      ]),
    ).toBe(1);
    expect(await within('STREET', ['street-leader', 'secretary', 'dept-head', 'dept-staff'])).toBe(1);
    expect(
      await one(`SELECT count(*)::int FROM person p JOIN position x ON x.person_id = p.id
      JOIN person s ON s.username = 'secretary' JOIN position sx ON sx.person_id = s.id
      WHERE p.username = 'party-member' AND x.reports_to_unit_id = sx.unit_id`),
    ).toBe(1);
  });
});
