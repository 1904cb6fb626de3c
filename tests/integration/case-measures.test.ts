import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { startApi } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture, seatPerson } from '../fixtures/org-fixture';

interface Counts {
  total: number;
  accepted: number;
  acceptedOnTime: number;
  responseDue: number;
  handled: number;
  handledOnTime: number;
  resolutionDue: number;
  transferred: number;
  escalated: number;
}
interface Item {
  rank: number;
  unit?: { id: string };
  person?: { id: string };
  counts: Counts;
  responseRate: number | null;
  resolutionRate: number | null;
  onTimeRate: { accept: number | null; resolution: number | null };
  satisfactionRate: number | null;
}
interface Answer {
  total: number;
  items: Item[];
}

// A past month (UTC+8), so every clock in it has run out and `asOf` changes nothing.
const FROM = '2025-03-01T00:00:00+08:00';
const TO = '2025-04-01T00:00:00+08:00';
const base = Date.parse('2025-03-10T02:00:00Z');
const at = (minutes: number) => new Date(base + minutes * 60_000);
const DAY = 24 * 60;

interface Seed {
  grid: 'G1' | 'G2' | 'G3';
  status: string;
  created?: Date;
  acceptDeadline?: Date;
  accepted?: number;
  resolveDeadline?: number;
  handled?: number;
  escalation?: number;
  acceptor?: string;
  handler?: string;
  /** The resident's rating; `struck` when an upheld appeal struck it out of the measures. */
  rating?: { stars: number; struck?: boolean } | 'UNRATED';
}

describe('三率 case measures: rates per unit and per person, scoped and ranked', () => {
  let api: { app: INestApplication; url: string };
  let db: Client;
  let f: OrgFixture;
  let G3: string;
  const token: Record<string, string> = {};

  const insertCase = async (s: Seed) => {
    const id = randomUUID();
    const grid = s.grid === 'G3' ? G3 : f.units[s.grid].id;
    const [community, street] = s.grid === 'G2' ? [f.units.C2.id, f.units.S2.id] : [f.units.C1.id, f.units.S1.id];
    const created = s.created ?? at(0);
    const stamp = (m?: number) => (m === undefined ? null : at(m));
    await db.query(
      `INSERT INTO request_case (id, case_no, request_key, workflow_id, channel, category, description, address, grid_id, community_id, street_id,
        reporter_phone, urgency, status, policy_version, accept_deadline, resolve_deadline, escalation_level, accountable_unit_id, created_at, accepted_at, handled_at, closed_at)
      VALUES ($1, $2, $3, $4, 'HOTLINE', $5, '三率测试', '三率测试地址', $6, $7, $8, '13900000000', 'NORMAL', $9, 1, $10, $11, $12, $6, $13, $14, $15, $16)`,
      [
        id,
        `SQ-M-${id.slice(0, 8)}`,
        `measure-${id}`,
        `case-${id}`,
        f.category,
        grid,
        community,
        street,
        s.status,
        s.acceptDeadline ?? at(5),
        stamp(s.resolveDeadline),
        s.escalation ?? 0,
        created,
        stamp(s.accepted),
        stamp(s.handled),
        s.status === 'CLOSED' ? stamp((s.handled ?? 0) + 60) : null,
      ],
    );
    if (s.rating) {
      const rated = s.rating === 'UNRATED' ? null : s.rating;
      await db.query(
        `INSERT INTO case_rating (id, case_id, outcome, stars, unit_id, policy_version, window_ends_at, struck_out_at)
        VALUES ($1, $2, $3, $4, $5, 1, $6, $7)`,
        [
          randomUUID(),
          id,
          rated ? 'RATED' : 'UNRATED',
          rated?.stars ?? null,
          grid,
          at(10 * DAY),
          rated?.struck ? at(9 * DAY) : null,
        ],
      );
    }
    for (const [kind, actor, m] of [
      ['ACCEPTED', s.acceptor, s.accepted],
      ['HANDLED', s.handler, s.handled],
    ] as const) {
      if (actor && m !== undefined) {
        await db.query(
          'INSERT INTO case_event (id, case_id, kind, actor_id, dedup_key, at) VALUES ($1, $2, $3, $4, $5, $6)',
          [randomUUID(), id, kind, f.people[actor].id, `case-${id}:${kind}`, at(m)],
        );
      }
    }
  };

  beforeAll(async () => {
    [f, api] = await Promise.all([buildOrgFixture(), startApi()]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    // A second grid G3 in community C1, and a supervisor seated at the district itself.
    G3 = randomUUID();
    await db.query(
      `INSERT INTO org_unit (id, code, name, kind, parent_id, depth) VALUES ($1, $2, $3, 'GRID', $4, $5)`,
      [G3, `${f.tag}-G3`, `G3（测试${f.tag}）`, f.units.C1.id, f.units.C1.depth + 1],
    );
    await db.query(
      `INSERT INTO org_unit_closure (ancestor_id, descendant_id, distance)
      SELECT ancestor_id, $1::uuid, distance + 1 FROM org_unit_closure WHERE descendant_id = $2::uuid UNION ALL SELECT $1::uuid, $1::uuid, 0`,
      [G3, f.units.C1.id],
    );
    const districtSupervisor = await seatPerson(db, f, {
      key: 'districtSupervisor',
      role: 'SUPERVISOR',
      unitId: f.units.D.id,
      name: '区督导测试',
    });

    // G1: on time and closed; accepted late and escalated; accepted but past its resolve deadline; never accepted, escalated twice.
    await insertCase({
      grid: 'G1',
      status: 'CLOSED',
      accepted: 2,
      resolveDeadline: 7 * DAY,
      handled: DAY,
      acceptor: 'gridWorkerG1',
      handler: 'gridWorkerG1',
      rating: { stars: 5 },
    });
    await insertCase({
      grid: 'G1',
      status: 'HANDLED',
      accepted: 10,
      resolveDeadline: 7 * DAY,
      handled: 2 * DAY,
      escalation: 1,
      acceptor: 'gridWorkerG1',
      handler: 'secretaryC1',
    });
    await insertCase({
      grid: 'G1',
      status: 'HANDLING',
      accepted: 3,
      resolveDeadline: 7 * DAY,
      acceptor: 'gridWorkerG1',
    });
    await insertCase({ grid: 'G1', status: 'REPORTED', escalation: 2 });
    // outside the period: exactly at `to` (exclusive) and before `from`
    await insertCase({
      grid: 'G1',
      status: 'REPORTED',
      created: new Date(TO),
      acceptDeadline: new Date(Date.parse(TO) + 300_000),
    });
    await insertCase({ grid: 'G1', status: 'REPORTED', created: new Date('2025-02-28T15:59:59.999Z') });
    // G3: on time throughout; handled after its resolve deadline (escalated on that clock).
    await insertCase({
      grid: 'G3',
      status: 'CLOSED',
      accepted: 1,
      resolveDeadline: 7 * DAY,
      handled: 3 * DAY,
      acceptor: 'secretaryC1',
      handler: 'gridWorkerG1',
      rating: { stars: 1 },
    });
    await insertCase({
      grid: 'G3',
      status: 'HANDLED',
      accepted: 4,
      resolveDeadline: 7 * DAY,
      handled: 9 * DAY,
      escalation: 1,
      acceptor: 'secretaryC1',
      handler: 'secretaryC1',
    });
    // G2 (street S2): on time; late on both clocks (its one-star rating struck out on appeal); reported with an accept window not yet over (not due).
    await insertCase({
      grid: 'G2',
      status: 'CLOSED',
      accepted: 1,
      resolveDeadline: 7 * DAY,
      handled: DAY,
      acceptor: 'gridWorkerG2',
      handler: 'gridWorkerG2',
      rating: { stars: 4 },
    });
    await insertCase({
      grid: 'G2',
      status: 'CLOSED',
      accepted: 30,
      resolveDeadline: 7 * DAY,
      handled: 8 * DAY,
      escalation: 1,
      acceptor: 'gridWorkerG2',
      handler: 'gridWorkerG2',
      rating: { stars: 1, struck: true },
    });
    await insertCase({ grid: 'G2', status: 'REPORTED', acceptDeadline: new Date('2099-01-01T00:00:00Z') });
    // G2: accepted on time, then converted into a mediation dispute before its resolve deadline passed: never due for resolution
    await insertCase({
      grid: 'G2',
      status: 'CONVERTED',
      accepted: 2,
      resolveDeadline: 7 * DAY,
      acceptor: 'gridWorkerG2',
    });

    for (const who of ['supervisorS1', 'gridWorkerG1', 'partyMemberA'])
      token[who] = (await login(api.url, f.people[who].username)).accessToken;
    token.district = (await login(api.url, districtSupervisor.username)).accessToken;
  });
  afterAll(async () => {
    await Promise.all([api?.app.close(), db?.end()]);
  });

  const measures = (who: string, query: Record<string, string>) =>
    fetch(
      `${api.url}/api/v1/case-measures?${new URLSearchParams({ from: FROM, to: TO, ...query })}`,
      authed(token[who]),
    );
  const answer = async (who: string, query: Record<string, string> = {}) => {
    const res = await measures(who, query);
    expect(res.status).toBe(200);
    return (await res.json()) as Answer;
  };
  const unitIds = (a: Answer) => a.items.map((i) => i.unit?.id);

  const g1 = {
    counts: {
      total: 4,
      accepted: 3,
      acceptedOnTime: 2,
      responseDue: 4,
      handled: 2,
      handledOnTime: 2,
      resolutionDue: 3,
      transferred: 0,
      escalated: 2,
      rated: 1,
      satisfied: 1,
    },
    responseRate: 0.5,
    resolutionRate: 0.6667,
    onTimeRate: { accept: 0.6667, resolution: 0.6667 },
    satisfactionRate: 1,
  };
  const g3 = {
    counts: {
      total: 2,
      accepted: 2,
      acceptedOnTime: 2,
      responseDue: 2,
      handled: 2,
      handledOnTime: 1,
      resolutionDue: 2,
      transferred: 0,
      escalated: 1,
      rated: 1,
      satisfied: 0,
    },
    responseRate: 1,
    resolutionRate: 1,
    onTimeRate: { accept: 1, resolution: 0.5 },
    satisfactionRate: 0,
  };
  const g2 = {
    counts: {
      total: 4,
      accepted: 3,
      acceptedOnTime: 2,
      responseDue: 3,
      handled: 2,
      handledOnTime: 1,
      resolutionDue: 2,
      transferred: 1,
      escalated: 1,
      rated: 1,
      satisfied: 1,
    },
    responseRate: 0.6667,
    resolutionRate: 1,
    onTimeRate: { accept: 0.6667, resolution: 0.5 },
    satisfactionRate: 1,
  };

  it('per grid: exact rates and counts, ranked by resolution on-time rate then response rate; satisfaction counts only ratings that stand', async () => {
    const a = await answer('district', { groupBy: 'unit', level: 'grid' });
    expect(a.items).toEqual([
      { rank: 1, unit: expect.objectContaining({ id: f.units.G1.id, kind: 'GRID' }), ...g1 },
      { rank: 2, unit: expect.objectContaining({ id: G3 }), ...g3 },
      { rank: 3, unit: expect.objectContaining({ id: f.units.G2.id }), ...g2 },
    ]);
    expect(a.total).toBe(3);
  });

  it('rolls grids up to communities and streets through the closure table', async () => {
    const c1 = {
      counts: {
        total: 6,
        accepted: 5,
        acceptedOnTime: 4,
        responseDue: 6,
        handled: 4,
        handledOnTime: 3,
        resolutionDue: 5,
        transferred: 0,
        escalated: 3,
        rated: 2,
        satisfied: 1,
      },
      responseRate: 0.6667,
      resolutionRate: 0.8,
      onTimeRate: { accept: 0.8, resolution: 0.6 },
      satisfactionRate: 0.5,
    };
    const community = await answer('district', { level: 'community' });
    expect(community.items).toEqual([
      expect.objectContaining({
        rank: 1,
        unit: expect.objectContaining({ id: f.units.C1.id, kind: 'COMMUNITY' }),
        ...c1,
      }),
      expect.objectContaining({ rank: 2, unit: expect.objectContaining({ id: f.units.C2.id }), counts: g2.counts }),
    ]);
    const street = await answer('district', { level: 'street' });
    expect(street.items).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ id: f.units.S1.id, kind: 'STREET' }), ...c1 }),
      expect.objectContaining({ unit: expect.objectContaining({ id: f.units.S2.id }), counts: g2.counts }),
    ]);
  });

  it("only units in the caller's scope: a street supervisor of S1 never sees S2, a grid worker of G1 sees only G1", async () => {
    expect(unitIds(await answer('supervisorS1', { level: 'grid' }))).toEqual([f.units.G1.id, G3]);
    expect(unitIds(await answer('supervisorS1', { level: 'street' }))).toEqual([f.units.S1.id]);
    const grid = await answer('gridWorkerG1', { level: 'grid' });
    expect(grid.items).toEqual([{ rank: 1, unit: expect.objectContaining({ id: f.units.G1.id }), ...g1 }]);
    // the community above the grid worker lies outside their scope, so it is not listed (not even with G1's share)
    expect(await answer('gridWorkerG1', { level: 'community' })).toMatchObject({ total: 0, items: [] });
  });

  it('per person: whoever accepted or handled the case, ranked, within the scope', async () => {
    const a = await answer('supervisorS1', { groupBy: 'person' });
    expect(a.items).toEqual([
      expect.objectContaining({
        rank: 1,
        person: expect.objectContaining({ id: f.people.gridWorkerG1.id }),
        counts: {
          total: 4,
          accepted: 4,
          acceptedOnTime: 3,
          responseDue: 4,
          handled: 3,
          handledOnTime: 3,
          resolutionDue: 4,
          transferred: 0,
          escalated: 1,
          rated: 2,
          satisfied: 1,
        },
        responseRate: 0.75,
        resolutionRate: 0.75,
        onTimeRate: { accept: 0.75, resolution: 0.75 },
        satisfactionRate: 0.5,
      }),
      expect.objectContaining({
        rank: 2,
        person: expect.objectContaining({ id: f.people.secretaryC1.id }),
        counts: {
          total: 3,
          accepted: 3,
          acceptedOnTime: 2,
          responseDue: 3,
          handled: 3,
          handledOnTime: 2,
          resolutionDue: 3,
          transferred: 0,
          escalated: 2,
          rated: 1,
          satisfied: 0,
        },
        responseRate: 0.6667,
        resolutionRate: 1,
        onTimeRate: { accept: 0.6667, resolution: 0.6667 },
        satisfactionRate: 0,
      }),
    ]);
    const everyone = await answer('district', { groupBy: 'person' });
    expect(everyone.items.map((i) => i.person?.id)).toEqual([
      f.people.gridWorkerG1.id,
      f.people.secretaryC1.id,
      f.people.gridWorkerG2.id,
    ]);
  });

  it('refuses an empty, inverted or over-long period and callers without case.read', async () => {
    const invalid: Record<string, string>[] = [
      { to: FROM },
      { from: TO, to: FROM },
      { from: '2024-01-01T00:00:00+08:00', to: '2025-01-02T00:00:01+08:00' },
      { from: 'yesterday' },
      { level: 'district' },
    ];
    for (const query of invalid) {
      const res = await measures('district', query);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect(
      (await measures('district', { from: '2024-01-01T00:00:00+08:00', to: '2025-01-01T00:00:00+08:00' })).status,
    ).toBe(200);
    expect((await measures('partyMemberA', {})).status).toBe(403);
  });
});
