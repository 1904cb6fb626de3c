import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkflowFailedError } from '@temporalio/client';
import { Client } from 'pg';
import type { Principal } from '../../src/common/auth/principal';
import type {
  AgencyDispatchRow,
  CommunityDispatchRow,
  RankingRow,
} from '../../src/modules/programme-dispatch/programme-dispatch.types';
import { ProgrammeYearService } from '../../src/modules/programme/programme-year.service';
import { programmeDispatchWorkflow } from '../../workflows/programme-dispatch.workflow';
import { recordHistory } from '../fixtures/history-recorder';
import { buildOrgFixture, OrgFixture } from '../fixtures/org-fixture';
import {
  createTestWorker,
  resultWithTimeLocked,
  startServices,
  timeSkippingServerPerTest,
} from '../fixtures/time-skipping';

/** A year of its own, so no other test's tasks are counted. */
const YEAR = 2041;
interface TaskSpec {
  org: 'A' | 'B';
  community: 'C1' | 'C2';
  kind: string;
  status: 'ASSIGNED' | 'SUBMITTED' | 'CONFIRMED';
  confirmedMonth?: string;
  overdue?: boolean;
}

describe('双进双联 programme-dispatch workflow on the time-skipping server', () => {
  const ts = timeSkippingServerPerTest();
  const taskQueue = 'ts-programme-dispatch';
  let services: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  let agencyB: string;

  const admin = (): Principal => ({
    personId: f.people.admin.id,
    kind: 'STAFF',
    name: 'admin',
    phone: f.people.admin.phone,
    positions: [
      {
        positionId: randomUUID(),
        role: 'ADMIN',
        unitId: f.units.D.id,
        unitKind: 'DISTRICT',
        scopeUnitId: f.units.D.id,
      },
    ],
  });

  const tasks: TaskSpec[] = [
    { org: 'A', community: 'C1', kind: 'PARTY_DAY', status: 'CONFIRMED', confirmedMonth: `${YEAR}-03` },
    { org: 'A', community: 'C1', kind: 'LIVELIHOOD_PROJECT', status: 'CONFIRMED', confirmedMonth: `${YEAR}-04` },
    { org: 'A', community: 'C1', kind: 'LIVELIHOOD_PROJECT', status: 'CONFIRMED', confirmedMonth: `${YEAR}-04` },
    { org: 'A', community: 'C1', kind: 'ENTERPRISE_PROBLEM', status: 'ASSIGNED', overdue: true },
    { org: 'B', community: 'C2', kind: 'PARTY_LECTURE', status: 'CONFIRMED', confirmedMonth: `${YEAR}-04` },
    { org: 'B', community: 'C2', kind: 'PARTY_DAY', status: 'SUBMITTED' },
  ];

  beforeAll(async () => {
    [services, f] = await Promise.all([startServices(), buildOrgFixture()]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    agencyB = randomUUID();
    await db.query(
      `INSERT INTO org_unit (id, code, name, kind, parent_id, depth) VALUES ($1, $2, $3, 'AGENCY', $4, 1)`,
      [agencyB, `${f.tag}-B`, `B（测试${f.tag}）`, f.units.D.id],
    );
    await db.query(
      'INSERT INTO org_unit_closure (ancestor_id, descendant_id, distance) VALUES ($1, $1, 0), ($2, $1, 1)',
      [agencyB, f.units.D.id],
    );
    // a district supervisor receives the roll-up
    await db.query(
      "INSERT INTO position (id, person_id, unit_id, role, starts_on) VALUES ($1, $2, $3, 'SUPERVISOR', '2024-01-01')",
      [randomUUID(), f.people.supervisorS1.id, f.units.D.id],
    );
    for (const [org, community] of [
      [f.units.A.id, f.units.C1.id],
      [agencyB, f.units.C2.id],
    ])
      await db.query(
        'INSERT INTO programme_pairing (id, party_org_id, community_id, live_key) VALUES ($1, $2, $3, $4)',
        [randomUUID(), org, community, `${org}:${community}`],
      );
    // the member of agency A has reported in to C1 and been confirmed
    await db.query(
      `INSERT INTO member_report_in (id, person_id, party_org_id, community_id, live_key, status, confirmed_at)
       VALUES ($1, $2, $3, $4, $2, 'CONFIRMED', now())`,
      [randomUUID(), f.people.partyMemberA.id, f.units.A.id, f.units.C1.id],
    );
    await services.get(ProgrammeYearService).open(admin(), YEAR);
    for (const t of tasks) {
      const id = randomUUID();
      await db.query(
        `INSERT INTO programme_task (id, task_no, workflow_id, request_key, year, kind, title, description, community_id,
          party_org_id, status, policy_version, plan_date, due_at, overdue, confirmed_month, confirmed_at)
         VALUES ($1, $2, $3, $4, $5, $6, '任务', '任务说明', $7, $8, $9, 1, now(), now(), $10, $11,
           CASE WHEN $11::text IS NULL THEN NULL ELSE now() END)`,
        [
          id,
          `SL-DSP-${id.slice(0, 8)}`,
          `programme-task-${id}`,
          `dispatch-test:${id}`,
          YEAR,
          t.kind,
          f.units[t.community].id,
          t.org === 'A' ? f.units.A.id : agencyB,
          t.status,
          t.overdue ?? false,
          t.confirmedMonth ?? null,
        ],
      );
    }
  });
  afterAll(async () => {
    await Promise.all([services?.close(), db?.end()]);
  });

  const report = async (month: number) =>
    (await db.query('SELECT * FROM programme_dispatch_report WHERE year = $1 AND month = $2', [YEAR, month])).rows as {
      id: string;
      agencies: AgencyDispatchRow[];
      communities: CommunityDispatchRow[];
      ranking: RankingRow[];
    }[];
  const inbox = async (personId: string, template: string, month: number) =>
    (
      await db.query(
        'SELECT count(*)::int AS n FROM inbox_message WHERE recipient_id = $1 AND template = $2 AND dedup_key LIKE $3',
        [personId, template, `programme-dispatch:${YEAR}-${String(month).padStart(2, '0')}:%`],
      )
    ).rows[0].n as number;
  /** What the report must say, counted from the task list above. */
  const expected = (org: 'A' | 'B', kind: string, month: number) => {
    const key = `${YEAR}-${String(month).padStart(2, '0')}`;
    const own = tasks.filter((t) => t.org === org && t.kind === kind);
    return {
      confirmed: own.filter((t) => t.status === 'CONFIRMED' && (t.confirmedMonth as string) <= key).length,
      confirmedThisMonth: own.filter((t) => t.confirmedMonth === key).length,
      inProgress: own.filter((t) => t.status !== 'CONFIRMED' && !t.overdue).length,
      overdue: own.filter((t) => t.status !== 'CONFIRMED' && t.overdue).length,
    };
  };

  it('two monthly reports: figures match the tasks confirmed in each month; a rerun stores and sends nothing twice; a bad month changes nothing', async () => {
    const start = (month: number, suffix = '') =>
      ts.env.client.workflow.start(programmeDispatchWorkflow, {
        taskQueue,
        workflowId: `programme-dispatch-${YEAR}-${month}${suffix}`,
        args: [{ year: YEAR, month }],
      });
    await (
      await createTestWorker(ts.env, services, taskQueue)
    ).runUntil(async () => {
      const march = await start(3);
      const first = await resultWithTimeLocked(ts.env, march);
      expect(first).toMatchObject({ year: YEAR, month: 3, created: true });
      await recordHistory('programme-dispatch-month', march, []);
      const april = await resultWithTimeLocked(ts.env, await start(4));
      const again = await resultWithTimeLocked(ts.env, await start(4, '-again'));
      expect(again).toEqual({ ...april, created: false });
      const bad = await start(13);
      const err = await resultWithTimeLocked(ts.env, bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkflowFailedError);
      expect(((err as WorkflowFailedError).cause as Error).message).toBe('月份须为 1–12 的整数');
    });
    expect(await report(13)).toHaveLength(0);

    for (const month of [3, 4]) {
      const rows = await report(month);
      expect(rows).toHaveLength(1);
      const [r] = rows;
      const byOrg = {
        A: r.agencies.find((a) => a.partyOrgId === f.units.A.id),
        B: r.agencies.find((a) => a.partyOrgId === agencyB),
      };
      for (const org of ['A', 'B'] as const)
        for (const kind of ['LIVELIHOOD_PROJECT', 'PARTY_DAY', 'PARTY_LECTURE', 'ENTERPRISE_PROBLEM'])
          expect({ org, kind, ...byOrg[org]?.kinds[kind as 'PARTY_DAY'] }).toMatchObject({
            org,
            kind,
            ...expected(org, kind, month),
          });
      expect(byOrg.A).toMatchObject({ members: 1, reportedIn: 1, reportedInShare: 1 });
      const c1 = r.communities.find((c) => c.communityId === f.units.C1.id);
      expect(c1?.kinds.ENTERPRISE_PROBLEM.overdue).toBe(1);
      expect(c1).toMatchObject({ reportIns: 1, reportInsConfirmed: 1 });
      // ranked by completion: each kind counted up to its target, over the sum of targets
      const ours = r.ranking.filter((x) => x.partyOrgId === f.units.A.id || x.partyOrgId === agencyB);
      expect(ours.map((x) => x.completion)).toEqual([...ours.map((x) => x.completion)].sort((a, b) => b - a));
    }
    const [april] = await report(4);
    const a4 = april.agencies.find((a) => a.partyOrgId === f.units.A.id) as AgencyDispatchRow;
    const targetSum = Object.values(a4.kinds).reduce((s, k) => s + k.target, 0);
    const done = Object.values(a4.kinds).reduce((s, k) => s + Math.min(k.confirmed, k.target), 0);
    expect(a4.completion).toBeCloseTo(done / targetSum, 3);
    expect(april.ranking.findIndex((x) => x.partyOrgId === f.units.A.id)).toBeLessThan(
      april.ranking.findIndex((x) => x.partyOrgId === agencyB),
    );
    // told once per month, even though April ran twice
    expect(await inbox(f.people.secretaryC1.id, 'programme.dispatch-community', 3)).toBe(1);
    expect(await inbox(f.people.secretaryC1.id, 'programme.dispatch-community', 4)).toBe(1);
    expect(await inbox(f.people.supervisorS1.id, 'programme.dispatch-district', 4)).toBe(1);
  });
});
