import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { startApi, startWorker } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';

interface Located {
  latitude: number;
  longitude: number;
}
interface Intake {
  id: string;
  caseNo: string;
  status: string;
  possibleDuplicateOf: { id: string; caseNo: string; distanceMeters: number } | null;
}

const METERS_PER_DEGREE_LAT = 111_195;
const centre: Located = { latitude: 31.23, longitude: 121.47 };
const north = (meters: number, from: Located = centre): Located => ({
  latitude: from.latitude + meters / METERS_PER_DEGREE_LAT,
  longitude: from.longitude,
});

describe('likely duplicates at intake, and merging them', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  let radius: number;
  let windowHours: number;
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
    for (const who of ['gridWorkerG1', 'secretaryC1'])
      token[who] = (await login(api.url, f.people[who].username)).accessToken;
    const policy = (await (
      await fetch(`${api.url}/api/v1/policies/request-loop`, authed(token.gridWorkerG1))
    ).json()) as { data: { duplicates: { radiusMeters: number; windowHours: number } } };
    ({ radiusMeters: radius, windowHours } = policy.data.duplicates);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close(), db?.end()]);
  });

  const report = (category: string, location?: Located, extra: Record<string, unknown> = {}) =>
    fetch(
      `${api.url}/api/v1/cases`,
      authed(token.gridWorkerG1, {
        method: 'POST',
        body: JSON.stringify({
          requestKey: `dup-${randomUUID()}`,
          channel: 'WECHAT',
          category,
          description: `占道-${f.tag}`,
          address: f.addresses.G1,
          reporterPhone: '13900000001',
          location,
          ...extra,
        }),
      }),
    );
  const reported = async (category: string, location?: Located, extra?: Record<string, unknown>) => {
    const res = await report(category, location, extra);
    expect(res.status).toBe(201);
    return (await res.json()) as Intake;
  };
  const categoryOf = (name: string) => `${f.category}-${name}`;

  it('stores location and attachments by reference, and validates them', async () => {
    const attachments = ['https://oss.example.com/a/1.jpg', 'cases/2026/photo-2.png'];
    const created = await reported(categoryOf('store'), centre, { attachments });
    const { rows } = await db.query('SELECT latitude, longitude, attachments FROM request_case WHERE id = $1', [
      created.id,
    ]);
    expect(rows[0]).toEqual({ ...centre, attachments });
    expect((await report(categoryOf('store'), { latitude: 91, longitude: 0 })).status).toBe(400);
    expect((await report(categoryOf('store'), { latitude: 0, longitude: -181 })).status).toBe(400);
    expect(
      (await report(categoryOf('store'), centre, { attachments: Array.from({ length: 10 }, (_, i) => `k/${i}.jpg`) }))
        .status,
    ).toBe(400);
    expect((await report(categoryOf('store'), centre, { attachments: ['not a key'] })).status).toBe(400);
    expect((await report(categoryOf('store'), centre, { attachments: [`k/${'x'.repeat(500)}`] })).status).toBe(400);
  });

  it('flags a near report of the same category in the window, with the nearest open case', async () => {
    const category = categoryOf('near');
    const first = await reported(category, centre);
    expect(first.possibleDuplicateOf).toBeNull();
    const second = await reported(category, north(radius * 0.6));
    expect(second.possibleDuplicateOf).toMatchObject({ id: first.id, caseNo: first.caseNo });
    const third = await reported(category, north(radius * 0.5));
    // 0.1 × radius from the second, 0.5 × radius from the first: the nearest wins
    expect(third.possibleDuplicateOf).toMatchObject({ id: second.id, caseNo: second.caseNo });
    expect(Math.abs((third.possibleDuplicateOf?.distanceMeters ?? 0) - radius * 0.1)).toBeLessThanOrEqual(2);
    const { rows } = await db.query('SELECT possible_duplicate_of_id AS dup FROM request_case WHERE id = $1', [
      third.id,
    ]);
    expect(rows[0].dup).toBe(second.id);
    // a repeated intake answers with the same flag
    const {
      rows: [{ request_key: key }],
    } = await db.query('SELECT request_key FROM request_case WHERE id = $1', [third.id]);
    const again = await fetch(
      `${api.url}/api/v1/cases`,
      authed(token.gridWorkerG1, {
        method: 'POST',
        body: JSON.stringify({
          requestKey: key,
          channel: 'WECHAT',
          category,
          description: 'x',
          address: f.addresses.G1,
          reporterPhone: '13900000001',
        }),
      }),
    );
    expect(again.status).toBe(200);
    expect(((await again.json()) as Intake).possibleDuplicateOf).toMatchObject({ id: second.id });
  });

  it('does not flag a far report, another category, a report without location, or one outside the window', async () => {
    const category = categoryOf('apart');
    expect((await reported(category, centre)).possibleDuplicateOf).toBeNull();
    expect((await reported(category, north(radius * 3))).possibleDuplicateOf).toBeNull();
    expect((await reported(categoryOf('other'), north(radius * 0.1))).possibleDuplicateOf).toBeNull();
    const unlocated = await reported(category);
    expect(unlocated.possibleDuplicateOf).toBeNull();

    const old = categoryOf('old');
    const aged = await reported(old, centre);
    await db.query(`UPDATE request_case SET created_at = now() - make_interval(hours => $2) WHERE id = $1`, [
      aged.id,
      windowHours + 1,
    ]);
    expect((await reported(old, north(radius * 0.1))).possibleDuplicateOf).toBeNull();
  });

  it('a flagged duplicate merged into its original ends MERGED and leaves the default list', async () => {
    const category = categoryOf('merge');
    const original = await reported(category, centre);
    const duplicate = await reported(category, north(radius * 0.2));
    expect(duplicate.possibleDuplicateOf?.id).toBe(original.id);

    const merged = await fetch(
      `${api.url}/api/v1/cases/${duplicate.id}/merge`,
      authed(token.secretaryC1, { method: 'POST', body: JSON.stringify({ intoCaseId: original.id }) }),
    );
    expect(merged.status).toBe(200);
    expect(await merged.json()).toMatchObject({ status: 'MERGED', mergedIntoId: original.id });

    const list = async (query: string) =>
      (await (await fetch(`${api.url}/api/v1/cases?${query}`, authed(token.gridWorkerG1))).json()) as {
        items: { id: string }[];
        total: number;
      };
    expect(await list(`q=${duplicate.caseNo}`)).toMatchObject({ total: 0, items: [] });
    expect(await list(`q=${duplicate.caseNo}&status=MERGED`)).toMatchObject({
      total: 1,
      items: [expect.objectContaining({ id: duplicate.id })],
    });
    expect((await list(`q=${original.caseNo}`)).total).toBe(1);
    // a merged case is no longer open: a new report beside it is flagged against the original only
    expect((await reported(category, north(radius * 0.2))).possibleDuplicateOf?.id).toBe(original.id);
  });
});
