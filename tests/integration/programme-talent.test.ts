import { randomUUID } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { haversineMeters, type Point } from '../../src/shared/geo/haversine.util';
import { toCstDate } from '../../src/shared/calendar';
import { startApi, startWorker } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture, residentSignIn, seatPerson } from '../fixtures/org-fixture';

type Who = 'admin' | 'secretaryC1' | 'gridWorkerG1' | 'partyMemberA' | 'member2' | 'member3' | 'resident' | 'resident2';
interface ErrorBody {
  code: string;
  message: string;
}
interface Candidate {
  personId: string;
  name: string;
  holderKind: string;
  distanceMeters: number;
  taskId: string | null;
}

/** Places along 幸福路 north of the need's doorplate (real coordinates, so the distances are the great-circle ones). */
const NEED_AT: Point = { latitude: 29.7051, longitude: 116.0014 };
const north = (metres: number): Point => ({
  latitude: NEED_AT.latitude + metres / 111_195,
  longitude: NEED_AT.longitude,
});

describe('人才超市 talent pool through HTTP, the real worker and Temporal', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let db: Client;
  let f: OrgFixture;
  const token: Partial<Record<Who, string>> = {};
  const ids: Partial<Record<Who, string>> = {};
  const address: Record<string, string> = {};

  async function seat(key: Who) {
    const seated = await seatPerson(db, f, { key, role: 'PARTY_MEMBER', unitId: f.units.A.id });
    ids[key] = seated.id;
    token[key] = (await login(api.url, seated.username)).accessToken;
  }

  async function place(key: string, text: string, grid: 'G1' | 'G2', at: Point) {
    await db.query(
      `INSERT INTO address (id, text, grid_id, latitude, longitude) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (text) DO UPDATE SET latitude = $4, longitude = $5`,
      [randomUUID(), text, f.units[grid].id, at.latitude, at.longitude],
    );
    address[key] = text;
  }

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
    for (const who of ['admin', 'secretaryC1', 'gridWorkerG1', 'partyMemberA'] as const) {
      token[who] = (await login(api.url, f.people[who].username)).accessToken;
      ids[who] = f.people[who].id;
    }
    await seat('member2');
    await seat('member3');
    token.resident = (await residentSignIn(api.url, db, f.people.resident.phone)).accessToken;
    ids.resident = f.people.resident.id;
    const phone2 = `16${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    token.resident2 = (await residentSignIn(api.url, db, phone2)).accessToken;
    ids.resident2 = (await db.query('SELECT id FROM person WHERE phone = $1', [phone2])).rows[0].id as string;

    await place('need', f.addresses.G1, 'G1', NEED_AT);
    await place('near', `幸福路9号-${f.tag}`, 'G1', north(300));
    await place('middle', `幸福路30号-${f.tag}`, 'G1', north(800));
    await place('far', `幸福路88号-${f.tag}`, 'G1', north(1500));
    await place('otherStreet', f.addresses.G2, 'G2', { latitude: 29.7052, longitude: 116.0015 });
    const year = Number(toCstDate(Date.now()).slice(0, 4));
    expect([201, 409]).toContain((await call('admin', 'POST', '/programme/years', { year })).status);
    const paired = await call('admin', 'POST', '/programme/pairings', {
      partyOrgId: f.units.A.id,
      communityId: f.units.C1.id,
    });
    expect(paired.status).toBe(201);
  });
  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close(), db?.end()]);
  });

  const call = (who: Who, method: string, path: string, body?: unknown) =>
    fetch(
      `${api.url}/api/v1${path}`,
      authed(token[who] as string, { method, body: body === undefined ? undefined : JSON.stringify(body) }),
    );
  const json = async <T = Record<string, unknown>>(res: Response) => (await res.json()) as T;
  const count = async (sql: string, values: unknown[]) => (await db.query(sql, values)).rows[0].n as number;
  const snapshot = async (needId?: string) => ({
    talents: await count('SELECT count(*)::int AS n FROM programme_talent WHERE person_id = ANY($1::uuid[])', [
      Object.values(ids),
    ]),
    needs: await count('SELECT count(*)::int AS n FROM programme_talent_need WHERE community_id = $1', [f.units.C1.id]),
    matches: needId
      ? await count('SELECT count(*)::int AS n FROM programme_talent_match WHERE need_id = $1', [needId])
      : 0,
    chosen: needId
      ? ((await db.query('SELECT chosen FROM programme_talent_need WHERE id = $1', [needId])).rows[0].chosen as number)
      : 0,
    tasks: await count('SELECT count(*)::int AS n FROM programme_task WHERE community_id = $1', [f.units.C1.id]),
  });

  it('members and residents register skills where they live; a need ranks them by distance; a choice becomes one task', async () => {
    // Registration: members and residents only; the skill must be in the catalogue; a place is needed.
    const catalogue = await json<{ skills: { code: string; label: string }[] }>(
      await call('resident', 'GET', '/programme/talent-skills'),
    );
    expect(catalogue.skills).toContainEqual({ code: 'LEGAL_ADVICE', label: '法律咨询' });
    const before = await snapshot();
    const unknownSkill = await call('member2', 'POST', '/my/talents', { skill: 'ASTROLOGY', address: address.near });
    expect(unknownSkill.status).toBe(400);
    expect(JSON.stringify(await unknownSkill.json())).toContain('未知技能，请从人才超市的技能目录中选择');
    const notReported = await call('member2', 'POST', '/my/talents', { skill: 'LEGAL_ADVICE' });
    expect(notReported.status).toBe(400);
    expect((await json<ErrorBody>(notReported)).message).toBe('您尚未报到社区，请填写居住地址（已登记的门牌地址）');
    const unknownAddress = await call('resident', 'POST', '/my/talents', {
      skill: 'LEGAL_ADVICE',
      address: '不存在路1号',
    });
    expect(unknownAddress.status).toBe(400);
    expect((await json<ErrorBody>(unknownAddress)).code).toBe('ADDRESS_UNKNOWN');
    expect(
      (await call('gridWorkerG1', 'POST', '/my/talents', { skill: 'LEGAL_ADVICE', address: address.near })).status,
    ).toBe(403);
    expect(await snapshot()).toEqual(before);

    const register = async (who: Who, body: Record<string, unknown>) => {
      const res = await call(who, 'POST', '/my/talents', body);
      expect(res.status).toBe(201);
      return json<{ holderKind: string; latitude: number; longitude: number; communityId: string }>(res);
    };
    expect(
      await register('member2', {
        skill: 'LEGAL_ADVICE',
        note: '执业律师',
        availability: 'WEEKENDS',
        address: address.near,
      }),
    ).toMatchObject({
      holderKind: 'MEMBER',
      communityId: f.units.C1.id,
    });
    await register('resident', { skill: 'LEGAL_ADVICE', note: '退休法官', address: address.middle });
    await register('partyMemberA', { skill: 'LEGAL_ADVICE', availability: 'PAUSED', address: address.far });
    await register('partyMemberA', { skill: 'LEGAL_ADVICE', availability: 'EVENINGS', address: address.far });
    await register('resident2', { skill: 'LEGAL_ADVICE', address: address.otherStreet });
    // A member without an address is placed at the middle of the community they report to.
    expect((await call('member3', 'POST', '/programme/report-ins', { communityId: f.units.C1.id })).status).toBe(201);
    const member3 = await register('member3', { skill: 'TUTORING' });
    const centre = (
      await db.query(
        `SELECT avg(a.latitude) AS lat, avg(a.longitude) AS lng FROM address a
         JOIN org_unit_closure c ON c.descendant_id = a.grid_id WHERE c.ancestor_id = $1 AND a.latitude IS NOT NULL`,
        [f.units.C1.id],
      )
    ).rows[0] as { lat: number; lng: number };
    expect(member3.latitude).toBeCloseTo(Number(centre.lat), 9);
    expect(member3.longitude).toBeCloseTo(Number(centre.lng), 9);
    const mine = await json<{ skill: string; availability: string }[]>(
      await call('partyMemberA', 'GET', '/my/talents'),
    );
    expect(mine).toEqual([expect.objectContaining({ skill: 'LEGAL_ADVICE', availability: 'EVENINGS' })]);

    // Needs: a place in the community is required, the skill must be known.
    const needBody = {
      communityId: f.units.C1.id,
      skill: 'LEGAL_ADVICE',
      kind: 'LIVELIHOOD_PROJECT',
      title: '老旧小区物业纠纷法律咨询',
      description: '为幸福路小区居民讲解物业合同、解答纠纷',
      address: address.need,
      headcount: 2,
    };
    const noPlace = await call('secretaryC1', 'POST', '/programme/talent-needs', { ...needBody, address: undefined });
    expect(noPlace.status).toBe(400);
    expect(JSON.stringify(await noPlace.json())).toContain('请填写需求地点（已登记的门牌地址）');
    const badSkill = await call('secretaryC1', 'POST', '/programme/talent-needs', { ...needBody, skill: 'ASTROLOGY' });
    expect(badSkill.status).toBe(400);
    expect(JSON.stringify(await badSkill.json())).toContain('未知技能');
    const elsewhere = await call('secretaryC1', 'POST', '/programme/talent-needs', {
      ...needBody,
      address: address.otherStreet,
    });
    expect(elsewhere.status).toBe(400);
    expect((await json<ErrorBody>(elsewhere)).message).toBe('需求地点须在本社区内');
    const registered = await snapshot();
    expect(registered.needs).toBe(before.needs);
    const published = await call('secretaryC1', 'POST', '/programme/talent-needs', needBody);
    expect(published.status).toBe(201);
    const need = await json<{ id: string; status: string; communityName: string }>(published);
    expect(need.status).toBe('OPEN');

    // Candidates: the skill, available, paired agency's members and the street's residents, nearest first.
    const candidates = async (page = 1, pageSize = 20) =>
      json<{ items: Candidate[]; total: number }>(
        await call(
          'secretaryC1',
          'GET',
          `/programme/talent-needs/${need.id}/candidates?page=${page}&pageSize=${pageSize}`,
        ),
      );
    const all = await candidates();
    expect(all.items.map((c) => c.personId)).toEqual([ids.member2, ids.resident, ids.partyMemberA]);
    expect(all.items.map((c) => c.distanceMeters)).toEqual(
      [north(300), north(800), north(1500)].map((p) => Math.round(haversineMeters(NEED_AT, p))),
    );
    expect(all.items.map((c) => c.distanceMeters)).toEqual([300, 800, 1500]);
    expect(all.items.map((c) => c.holderKind)).toEqual(['MEMBER', 'RESIDENT', 'MEMBER']);
    const [first, second] = await Promise.all([candidates(1, 2), candidates(2, 2)]);
    expect([first.total, second.total]).toEqual([3, 3]);
    expect([...first.items, ...second.items].map((c) => c.personId)).toEqual(all.items.map((c) => c.personId));
    expect((await call('partyMemberA', 'GET', `/programme/talent-needs/${need.id}/candidates`)).status).toBe(403);

    // Choosing someone without the skill changes nothing.
    const unskilled = await call('secretaryC1', 'POST', `/programme/talent-needs/${need.id}/choose`, {
      personId: ids.member3,
    });
    expect(unskilled.status).toBe(400);
    expect((await json<ErrorBody>(unskilled)).message).toBe('该人员未在人才超市登记「法律咨询」技能，不能选定');
    const untouched = await snapshot(need.id);
    expect(untouched).toMatchObject({ matches: 0, chosen: 0, tasks: registered.tasks });

    // Choosing a member twice at once: one match, one task, assigned to the agency with the member named.
    const choose = (personId: string) =>
      call('secretaryC1', 'POST', `/programme/talent-needs/${need.id}/choose`, { personId });
    const twice = await Promise.all([choose(ids.member2 as string), choose(ids.member2 as string)]);
    expect(twice.map((r) => r.status)).toEqual([200, 200]);
    const [m1, m2] = await Promise.all(twice.map((r) => json<{ taskId: string; distanceMeters: number }>(r)));
    expect(m2.taskId).toBe(m1.taskId);
    expect(m1.distanceMeters).toBe(300);
    const again = await json<{ taskId: string }>(await choose(ids.member2 as string));
    expect(again.taskId).toBe(m1.taskId);
    expect(await snapshot(need.id)).toMatchObject({ matches: 1, chosen: 1, tasks: registered.tasks + 1 });
    const task = await json<{
      kind: string;
      status: string;
      partyOrgId: string;
      memberIds: string[];
      live: { state: string } | null;
      timeline: { kind: string }[];
    }>(await call('secretaryC1', 'GET', `/programme/tasks/${m1.taskId}`));
    expect(task).toMatchObject({
      kind: 'LIVELIHOOD_PROJECT',
      status: 'ASSIGNED',
      partyOrgId: f.units.A.id,
      memberIds: [ids.member2],
    });
    expect(task.live?.state).toBe('ASSIGNED');
    expect(task.timeline.map((e) => e.kind)).toEqual(['CREATED', 'MEMBERS_NAMED']);
    // The task runs on: the chosen member submits the evidence through its workflow.
    const submitted = await call('member2', 'POST', `/programme/tasks/${m1.taskId}/evidence`, {
      description: '上门讲解物业合同',
      photos: ['photos/talent.jpg'],
      beneficiaryConfirmation: { name: '居民王五' },
    });
    expect(submitted.status).toBe(200);
    expect((await json(submitted)).status).toBe('SUBMITTED');
    expect((await json<{ taskId: string }>(await choose(ids.member2 as string))).taskId).toBe(m1.taskId);

    // A resident cannot carry out a task: the task stays open for the paired agencies, the resident is its helper.
    const residentMatch = await choose(ids.resident as string);
    expect(residentMatch.status).toBe(200);
    const helped = await json<{ taskId: string }>(residentMatch);
    const residentTask = await json<{
      status: string;
      partyOrgId: string | null;
      helperIds: string[];
      timeline: { kind: string }[];
    }>(await call('secretaryC1', 'GET', `/programme/tasks/${helped.taskId}`));
    expect(residentTask).toMatchObject({ status: 'OPEN', partyOrgId: null, helperIds: [ids.resident] });
    expect(residentTask.timeline.map((e) => e.kind)).toEqual(['CREATED', 'HELPER_ADDED']);

    // The need is full: a third choice is refused and changes nothing.
    const filled = await snapshot(need.id);
    expect(filled).toMatchObject({ matches: 2, chosen: 2, tasks: registered.tasks + 2 });
    const full = await choose(ids.partyMemberA as string);
    expect(full.status).toBe(409);
    expect((await json<ErrorBody>(full)).message).toBe('该需求已选满 2 人');
    expect(await snapshot(need.id)).toEqual(filled);
    const listed = await json<{ items: { id: string; status: string; chosen: number }[] }>(
      await call('partyMemberA', 'GET', `/programme/talent-needs?communityId=${f.units.C1.id}`),
    );
    expect(listed.items).toContainEqual(expect.objectContaining({ id: need.id, status: 'FILLED', chosen: 2 }));
    const chosenNow = await candidates();
    expect(chosenNow.items.map((c) => c.taskId)).toEqual([m1.taskId, helped.taskId, null]);
  });
});
