import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { eventually, startApi, startWorker } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture, residentSignIn } from '../fixtures/org-fixture';

interface Card {
  id: string;
  cardNo: string;
  status: string;
  caseId: string;
  unitId: string;
  timeline: { kind: string }[];
  live: { state: string } | null;
}

/** One case walked over HTTP from report to rating to a rectified yellow card, against the real stack. */
describe('一事一评 and 黄牌预警 through the HTTP API', () => {
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
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    for (const who of ['gridWorkerG1', 'secretaryC1', 'supervisorS1', 'gridWorkerG2'])
      token[who] = (await login(api.url, f.people[who].username)).accessToken;
    token.resident = (await residentSignIn(api.url, db, f.people.resident.phone)).accessToken;
  });
  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close(), db?.end()]);
  });

  const call = (who: string, method: string, path: string, body?: unknown) =>
    fetch(
      `${api.url}${path}`,
      authed(token[who], { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
    );
  const json = async <T>(res: Response | Promise<Response>, status = 200): Promise<T> => {
    const r = await res;
    const body = await r.text();
    expect({ status: r.status, body: r.status === status ? '' : body }).toEqual({ status, body: '' });
    return JSON.parse(body) as T;
  };
  /** Reported by the resident's phone, accepted and handled by the grid worker, then confirmed closed by the resident. */
  async function closedCase() {
    const created = await json<{ id: string; caseNo: string }>(
      call('gridWorkerG1', 'POST', '/api/v1/cases', {
        requestKey: `rate-${randomUUID()}`,
        channel: 'WECHAT',
        category: f.category,
        description: `路灯不亮-${f.tag}`,
        address: f.addresses.G1,
        reporterPhone: f.people.resident.phone,
      }),
      201,
    );
    await eventually(
      async () => (await call('gridWorkerG1', 'POST', `/api/v1/cases/${created.id}/accept`, {})).status === 200,
      'the case accepted',
    );
    await json(call('gridWorkerG1', 'POST', `/api/v1/cases/${created.id}/handled`, { reply: '已更换灯泡' }));
    await json(call('resident', 'POST', `/api/v1/my/cases/${created.id}/confirm`, {}));
    return created;
  }

  it('walks a case from report to a one-star rating to a yellow card that is sent back once and rectified', async () => {
    const reported = await closedCase();
    const view = await eventually(async () => {
      const v = await json<{ state: string; windowEndsAt: string }>(
        call('resident', 'GET', `/api/v1/my/cases/${reported.id}/rating`),
      );
      return v.state === 'OPEN' ? v : null;
    }, 'the rating window open');
    expect(Date.parse(view.windowEndsAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000); // the request-loop policy's 7 days
    await eventually(
      async () =>
        Number(
          (
            await db.query(
              "SELECT count(*)::int AS n FROM inbox_message WHERE phone = $1 AND template = 'rating.invitation' AND dedup_key LIKE $2",
              [f.people.resident.phone, `rating-${reported.id}:invitation%`],
            )
          ).rows[0].n,
        ) === 1,
      'the invitation to rate',
    );

    expect(
      await json(call('resident', 'POST', `/api/v1/my/cases/${reported.id}/rating`, { stars: 0 }), 400),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    const rated = await json<{ state: string; stars: number }>(
      call('resident', 'POST', `/api/v1/my/cases/${reported.id}/rating`, { stars: 1, comment: '灯又坏了' }),
    );
    expect(rated).toMatchObject({ state: 'RATED', stars: 1 });
    expect(
      await json(call('resident', 'POST', `/api/v1/my/cases/${reported.id}/rating`, { stars: 5 }), 409),
    ).toMatchObject({ code: 'ALREADY_RATED', message: '该诉求已评价，每件诉求只能评价一次' });

    const listed = await eventually(async () => {
      const page = await json<{ items: Card[] }>(
        call('gridWorkerG1', 'GET', `/api/v1/yellow-cards?unitId=${f.units.G1.id}`),
      );
      return page.items.find((c) => c.caseId === reported.id);
    }, 'the yellow card issued');
    expect(listed).toMatchObject({
      status: 'ISSUED',
      unitId: f.units.G1.id,
      cardNo: expect.stringMatching(/^HP-\d{8}-/),
    });
    expect((await call('gridWorkerG2', 'GET', `/api/v1/yellow-cards/${listed.id}`)).status).toBe(404); // another street's grid
    const path = `/api/v1/yellow-cards/${listed.id}`;
    await eventually(
      async () => (await json<Card>(call('gridWorkerG1', 'GET', path))).live?.state === 'ISSUED',
      'the card workflow answering',
    );
    await eventually(
      async () =>
        Number(
          (
            await db.query(
              "SELECT count(*)::int AS n FROM inbox_message WHERE recipient_id = $1 AND template = 'card.issued'",
              [f.people.secretaryC1.id],
            )
          ).rows[0].n,
        ) === 1,
      'the leader notified',
    );

    expect(await json(call('gridWorkerG1', 'POST', `${path}/review`, { accept: true }), 403)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await json(call('supervisorS1', 'POST', `${path}/review`, { accept: true }), 409)).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: '黄牌当前为「待说明整改」，不能审核',
    });
    expect(
      await json(
        call('gridWorkerG1', 'POST', `${path}/explanation`, { explanation: '', rectificationPlan: '整改' }),
        400,
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    await json(
      call('gridWorkerG1', 'POST', `${path}/explanation`, {
        explanation: '灯具老化',
        rectificationPlan: '本周内更换整条路灯线路',
      }),
    );
    expect(await json(call('supervisorS1', 'POST', `${path}/review`, { accept: false }), 400)).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(
      await json<Card>(call('supervisorS1', 'POST', `${path}/review`, { accept: false, comment: '请写明完成时间' })),
    ).toMatchObject({ status: 'SENT_BACK' });
    await json(
      call('gridWorkerG1', 'POST', `${path}/explanation`, {
        explanation: '灯具老化',
        rectificationPlan: '11 月 27 日前更换整条路灯线路',
      }),
    );
    const done = await json<Card>(call('supervisorS1', 'POST', `${path}/review`, { accept: true, comment: '同意' }));
    expect(done).toMatchObject({
      status: 'RECTIFIED',
      rectifiedOnTime: true,
      rectificationPlan: '11 月 27 日前更换整条路灯线路',
    });
    expect(done.timeline.map((e) => e.kind)).toEqual(['ISSUED', 'SUBMITTED', 'SENT_BACK', 'SUBMITTED', 'RECTIFIED']);
    expect(await json(call('gridWorkerG1', 'POST', `${path}/appeal`, { reason: '已整改' }), 409)).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: '黄牌当前为「已整改」，不能申诉',
    });

    const around = new URLSearchParams({
      from: new Date(Date.now() - 86_400_000).toISOString(),
      to: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const summary = await json<{
      items: { unit: { id: string }; issued: number; rectified: number; rectifiedOnTime: number }[];
    }>(call('supervisorS1', 'GET', `/api/v1/yellow-cards/summary?${around}&level=grid`));
    expect(summary.items.find((i) => i.unit.id === f.units.G1.id)).toMatchObject({
      issued: 1,
      rectified: 1,
      rectifiedOnTime: 1,
    });
    const entries = await json<{ items: { caseId: string; points: number; holderKind: string }[] }>(
      call('supervisorS1', 'GET', `/api/v1/points/entries?unitId=${f.units.G1.id}`),
    );
    expect(
      entries.items
        .filter((e) => e.caseId === reported.id)
        .map((e) => [e.holderKind, e.points])
        .sort(),
    ).toEqual([
      ['PERSON', -1],
      ['UNIT', -2],
    ]);
    const caseDetail = await json<{ timeline: { kind: string }[] }>(
      call('gridWorkerG1', 'GET', `/api/v1/cases/${reported.id}`),
    );
    expect(caseDetail.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['CLOSED', 'RATED', 'YELLOW_CARD']));
  });

  it('five stars credit points that the balances rank; ratings of open, foreign or late cases are refused', async () => {
    const reported = await closedCase();
    await eventually(
      async () =>
        (await json<{ state: string }>(call('resident', 'GET', `/api/v1/my/cases/${reported.id}/rating`))).state ===
        'OPEN',
      'the window open',
    );
    await json(call('resident', 'POST', `/api/v1/my/cases/${reported.id}/rating`, { stars: 5 }));
    const around = new URLSearchParams({
      from: new Date(Date.now() - 86_400_000).toISOString(),
      to: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const balances = await eventually(async () => {
      const b = await json<{ items: { rank: number; id: string; points: number }[] }>(
        call('supervisorS1', 'GET', `/api/v1/points/balances?${around}&groupBy=person`),
      );
      return b.items.find((i) => i.id === f.people.gridWorkerG1.id);
    }, 'the balance');
    const ledger = await db.query(
      'SELECT coalesce(sum(points), 0)::int AS total FROM points_entry WHERE person_id = $1',
      [f.people.gridWorkerG1.id],
    );
    expect(balances.points).toBe(ledger.rows[0].total);
    // the ranking pages: one holder a page, ranks carried across pages, the total counts every holder
    type Ranking = { total: number; page: number; items: { rank: number; id: string; points: number }[] };
    const whole = await json<Ranking>(
      call('supervisorS1', 'GET', `/api/v1/points/balances?${around}&groupBy=unit&pageSize=200`),
    );
    expect(whole.total).toBe(whole.items.length);
    expect(whole.total).toBeGreaterThanOrEqual(1);
    for (const n of [1, 2].filter((k) => k <= whole.total)) {
      const one = await json<Ranking>(
        call('supervisorS1', 'GET', `/api/v1/points/balances?${around}&groupBy=unit&pageSize=1&page=${n}`),
      );
      expect(one).toMatchObject({ total: whole.total, page: n });
      expect(one.items).toEqual([whole.items[n - 1]]);
      expect(one.items[0].rank).toBe(n);
    }
    const past = await json<Ranking>(
      call('supervisorS1', 'GET', `/api/v1/points/balances?${around}&groupBy=unit&pageSize=1&page=999`),
    );
    expect(past).toMatchObject({ total: whole.total, items: [] });
    expect(
      (await db.query('SELECT points FROM points_entry WHERE case_id = $1 ORDER BY holder_kind', [reported.id])).rows,
    ).toEqual([{ points: 5 }, { points: 3 }]);

    const open = await json<{ id: string }>(
      call('gridWorkerG1', 'POST', '/api/v1/cases', {
        requestKey: `rate-${randomUUID()}`,
        channel: 'HOTLINE',
        category: f.category,
        description: '未办结',
        address: f.addresses.G1,
        reporterPhone: f.people.resident.phone,
      }),
      201,
    );
    expect(await json(call('resident', 'POST', `/api/v1/my/cases/${open.id}/rating`, { stars: 5 }), 409)).toMatchObject(
      { code: 'CASE_NOT_CLOSED' },
    );
    const foreign = await json<{ id: string }>(
      call('gridWorkerG1', 'POST', '/api/v1/cases', {
        requestKey: `rate-${randomUUID()}`,
        channel: 'HOTLINE',
        category: f.category,
        description: '别人的',
        address: f.addresses.G1,
        reporterPhone: '13600000001',
      }),
      201,
    );
    expect(
      await json(call('resident', 'POST', `/api/v1/my/cases/${foreign.id}/rating`, { stars: 1 }), 404),
    ).toMatchObject({ code: 'NOT_FOUND' });
    // closed eight days ago: the seven-day window has passed
    const late = await closedCase();
    await db.query("UPDATE request_case SET closed_at = now() - interval '8 days' WHERE id = $1", [late.id]);
    expect(await json(call('resident', 'POST', `/api/v1/my/cases/${late.id}/rating`, { stars: 5 }), 409)).toMatchObject(
      { code: 'RATING_WINDOW_CLOSED', message: '评价期限已过，不能再评价' },
    );
    expect(
      Number(
        (
          await db.query('SELECT count(*)::int AS n FROM case_rating WHERE case_id = ANY($1::uuid[])', [
            [open.id, foreign.id, late.id],
          ])
        ).rows[0].n,
      ),
    ).toBe(0);
  });
  it('an upheld appeal voids the card, strikes the rating out of 满意率 and reverses its points; a rating policy that does not hold together is refused', async () => {
    const reported = await closedCase();
    await eventually(
      async () =>
        (await json<{ state: string }>(call('resident', 'GET', `/api/v1/my/cases/${reported.id}/rating`))).state ===
        'OPEN',
      'the window open',
    );
    await json(call('resident', 'POST', `/api/v1/my/cases/${reported.id}/rating`, { stars: 1 }));
    const card = await eventually(
      async () =>
        (
          await json<{ items: Card[] }>(
            call('gridWorkerG1', 'GET', `/api/v1/yellow-cards?unitId=${f.units.G1.id}&status=ISSUED`),
          )
        ).items.find((c) => c.caseId === reported.id),
      'the yellow card issued',
    );
    const path = `/api/v1/yellow-cards/${card.id}`;
    await eventually(
      async () => (await json<Card>(call('gridWorkerG1', 'GET', path))).live?.state === 'ISSUED',
      'the card workflow answering',
    );
    expect(
      await json(
        call('gridWorkerG1', 'POST', `${path}/appeal`, {
          reason: '评价人反映的路灯不在本网格',
          evidence: ['not a key'],
        }),
        400,
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(
      await json<Card>(
        call('gridWorkerG1', 'POST', `${path}/appeal`, {
          reason: '评价人反映的路灯不在本网格',
          evidence: ['evidence/map.png'],
        }),
      ),
    ).toMatchObject({ status: 'APPEALED', appealEvidence: ['evidence/map.png'] });
    expect(
      await json(call('secretaryC1', 'POST', `${path}/appeal/decision`, { uphold: true, reason: '属实' }), 403),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const voided = await json<Card & { appealDecision: string }>(
      call('supervisorS1', 'POST', `${path}/appeal/decision`, { uphold: true, reason: '经核实不属本网格' }),
    );
    expect(voided).toMatchObject({ status: 'VOID', appealDecision: 'UPHELD' });
    expect(await json(call('gridWorkerG1', 'POST', `${path}/appeal`, { reason: '再来一次' }), 409)).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
    });

    const rating = await db.query('SELECT struck_out_at, struck_reason FROM case_rating WHERE case_id = $1', [
      reported.id,
    ]);
    expect(rating.rows[0]).toEqual({ struck_out_at: expect.any(Date), struck_reason: '经核实不属本网格' });
    const entries = await db.query('SELECT points, reverses_id FROM points_entry WHERE case_id = $1', [reported.id]);
    expect(entries.rows.reduce((sum: number, e: { points: number }) => sum + e.points, 0)).toBe(0);
    expect(entries.rows.filter((e: { reverses_id: string | null }) => e.reverses_id)).toHaveLength(2);
    const around = new URLSearchParams({
      from: new Date(Date.now() - 86_400_000).toISOString(),
      to: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const summary = await json<{ items: { unit: { id: string }; issued: number; appealed: number; upheld: number }[] }>(
      call('supervisorS1', 'GET', `/api/v1/yellow-cards/summary?${around}&level=grid`),
    );
    expect(summary.items.find((i) => i.unit.id === f.units.G1.id)).toMatchObject({ issued: 2, appealed: 1, upheld: 1 });
    // of this file's three ratings (one star rectified, five stars, one star struck out) two stand, one of them satisfied
    const measures = await json<{
      items: { unit: { id: string }; counts: { rated: number; satisfied: number }; satisfactionRate: number }[];
    }>(call('supervisorS1', 'GET', `/api/v1/case-measures?${around}&level=grid`));
    expect(measures.items.find((i) => i.unit.id === f.units.G1.id)).toMatchObject({
      counts: expect.objectContaining({ rated: 2, satisfied: 1 }),
      satisfactionRate: 0.5,
    });

    const admin = (await login(api.url, f.people.admin.username)).accessToken;
    const before = await db.query("SELECT count(*)::int AS n FROM policy_version WHERE process = 'rating'");
    const bad = await fetch(
      `${api.url}/api/v1/policies/rating/versions`,
      authed(admin, {
        method: 'POST',
        body: JSON.stringify({
          points: { fiveStar: { unit: 5, person: 3 }, oneStar: { unit: 0, person: 0 } },
          yellowCard: {
            holder: 'UNIT',
            explanationLimit: { unit: 'workingDays', amount: -1 },
            resubmitLimit: { unit: 'workingDays', amount: 2 },
            appealWindow: { unit: 'workingDays', amount: 3 },
            reminderFractions: [0.8, 0.5],
            escalation: ['DISTRICT', 'STREET'],
          },
          repeats: {
            periodDays: 365,
            interviewAt: 3,
            interviewLimit: { unit: 'workingDays', amount: 5 },
            annualReviewAt: 2,
          },
        }),
      }),
    );
    expect(bad.status).toBe(400);
    const problems = JSON.stringify(await bad.json());
    for (const text of ['时长必须大于 0', '提醒点必须严格递增', '超时上报只能逐级向上', '述职评议阈值不能低于约谈阈值'])
      expect(problems).toContain(text);
    expect((await db.query("SELECT count(*)::int AS n FROM policy_version WHERE process = 'rating'")).rows[0].n).toBe(
      before.rows[0].n,
    );
  });
});
