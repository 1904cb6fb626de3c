import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { startApi } from '../fixtures/test-app';
import { authed, buildOrgFixture, FIXTURE_PASSWORD, login, OrgFixture } from '../fixtures/org-fixture';

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('sign-in: passwords, tokens, lock-out and one-time codes', () => {
  let api: { app: INestApplication; url: string };
  let f: OrgFixture;
  let db: Client;

  beforeAll(async () => {
    [api, f] = await Promise.all([startApi({ LOGIN_MAX_FAILURES: '3' }), buildOrgFixture()]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(() => Promise.all([api?.app.close(), db?.end()]));

  it('signs a staff member in; the token carries the person and their current positions only', async () => {
    const { accessToken } = await login(api.url, f.people.gridWorkerG1.username);
    const me = (await (await fetch(`${api.url}/api/v1/auth/me`, authed(accessToken))).json()) as {
      personId: string;
      positions: { role: string }[];
    };
    expect(me.personId).toBe(f.people.gridWorkerG1.id);
    expect(me.positions.map((p) => p.role)).toEqual(['GRID_WORKER']); // the 2020 网格长 post has ended
  });

  it('rotates refresh tokens, and a replayed one ends every session of that person', async () => {
    const first = await login(api.url, f.people.secretaryC1.username);
    const second = await post(`${api.url}/api/v1/auth/refresh`, { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    const pair = (await second.json()) as { refreshToken: string; accessToken: string };
    expect(pair.refreshToken).not.toBe(first.refreshToken);

    const replay = await post(`${api.url}/api/v1/auth/refresh`, { refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: 'TOKEN_REVOKED' });
    const afterTheft = await post(`${api.url}/api/v1/auth/refresh`, { refreshToken: pair.refreshToken });
    expect(await afterTheft.json()).toMatchObject({ code: 'TOKEN_REVOKED' });
  });

  it('logout revokes the refresh token', async () => {
    const pair = await login(api.url, f.people.deptStaffDEP1.username);
    expect((await post(`${api.url}/api/v1/auth/logout`, { refreshToken: pair.refreshToken })).status).toBe(204);
    const res = await post(`${api.url}/api/v1/auth/refresh`, { refreshToken: pair.refreshToken });
    expect(await res.json()).toMatchObject({ code: 'TOKEN_REVOKED' });
  });

  it('refuses missing, forged and expired access tokens', async () => {
    expect(await (await fetch(`${api.url}/api/v1/auth/me`)).json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await (await fetch(`${api.url}/api/v1/auth/me`, authed('a.b.c'))).json()).toMatchObject({
      code: 'TOKEN_INVALID',
    });
    const shortLived = await startApi({ ACCESS_TOKEN_TTL_SECONDS: '1' });
    try {
      const { accessToken } = await login(shortLived.url, f.people.admin.username);
      await new Promise((r) => setTimeout(r, 1_100));
      const res = await fetch(`${shortLived.url}/api/v1/auth/me`, authed(accessToken));
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: 'TOKEN_EXPIRED' });
    } finally {
      await shortLived.app.close();
    }
  });

  it('locks an account after repeated failures, even for the right password, and says until when', async () => {
    const username = f.people.partyMemberA.username;
    for (let i = 0; i < 3; i++) {
      const res = await post(`${api.url}/api/v1/auth/login`, { username, password: 'wrong' });
      expect(await res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    const locked = await post(`${api.url}/api/v1/auth/login`, { username, password: FIXTURE_PASSWORD });
    expect(locked.status).toBe(423);
    expect(await locked.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    const { rows } = await db.query(
      "SELECT count(*)::int AS n FROM audit_entry WHERE action = 'auth.locked' AND entity_id = $1",
      [f.people.partyMemberA.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const res = await post(`${api.url}/api/v1/auth/login`, { username: `nobody-${f.tag}`, password: 'x' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
  });

  describe('resident one-time codes', () => {
    const phone = () => `16${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    const codeFromInbox = async (p: string) => {
      const { rows } = await db.query(
        'SELECT body FROM inbox_message WHERE phone = $1 ORDER BY created_at DESC LIMIT 1',
        [p],
      );
      return /(\d{6})/.exec(rows[0].body)?.[1] as string;
    };

    it('delivers a code to the inbox, signs the resident in once, and refuses the replay', async () => {
      const p = phone();
      expect((await post(`${api.url}/api/v1/auth/code`, { phone: p })).status).toBe(202);
      const code = await codeFromInbox(p);
      const ok = await post(`${api.url}/api/v1/auth/code/verify`, { phone: p, code });
      expect(ok.status).toBe(200);
      const me = (await (
        await fetch(`${api.url}/api/v1/auth/me`, authed(((await ok.json()) as { accessToken: string }).accessToken))
      ).json()) as { kind: string; phone: string; positions: unknown[] };
      expect(me).toMatchObject({ kind: 'RESIDENT', phone: p, positions: [] });
      const replay = await post(`${api.url}/api/v1/auth/code/verify`, { phone: p, code });
      expect(await replay.json()).toMatchObject({ code: 'CODE_USED' });
    });

    it('refuses an expired code and stops guessing after the allowed attempts', async () => {
      const p = phone();
      await post(`${api.url}/api/v1/auth/code`, { phone: p });
      const code = await codeFromInbox(p);
      for (let i = 0; i < 5; i++) {
        const wrong = await post(`${api.url}/api/v1/auth/code/verify`, {
          phone: p,
          code: code === '000000' ? '111111' : '000000',
        });
        expect(await wrong.json()).toMatchObject({ code: 'CODE_INVALID' });
      }
      expect(await (await post(`${api.url}/api/v1/auth/code/verify`, { phone: p, code })).json()).toMatchObject({
        code: 'TOO_MANY_ATTEMPTS',
      });

      const q = phone();
      await post(`${api.url}/api/v1/auth/code`, { phone: q });
      await db.query("UPDATE one_time_code SET expires_at = now() - interval '1 second' WHERE phone = $1", [q]);
      expect(
        await (await post(`${api.url}/api/v1/auth/code/verify`, { phone: q, code: await codeFromInbox(q) })).json(),
      ).toMatchObject({ code: 'CODE_EXPIRED' });
    });

    it('sends a phone one code a minute and ten an hour; racing requests send one; a refusal sends nothing', async () => {
      const codesFor = async (p: string) =>
        Number((await db.query('SELECT count(*) FROM one_time_code WHERE phone = $1', [p])).rows[0].count);
      const messagesTo = async (p: string) =>
        Number((await db.query('SELECT count(*) FROM inbox_message WHERE phone = $1', [p])).rows[0].count);

      const p = phone();
      const raced = await Promise.all([1, 2, 3].map(() => post(`${api.url}/api/v1/auth/code`, { phone: p })));
      expect(raced.map((r) => r.status).sort()).toEqual([202, 429, 429]);
      const refused = (await raced.find((r) => r.status === 429)!.json()) as {
        code: string;
        message: string;
        details: { retryAfterSeconds: number };
      };
      expect(refused).toMatchObject({
        code: 'CODE_TOO_FREQUENT',
        message: expect.stringMatching(/^验证码发送过于频繁/),
      });
      expect(refused.details.retryAfterSeconds).toBeGreaterThan(0);
      expect(refused.details.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(await codesFor(p)).toBe(1);
      expect(await messagesTo(p)).toBe(1);

      // a minute later the phone may have another code
      await db.query("UPDATE one_time_code SET created_at = created_at - interval '61 seconds' WHERE phone = $1", [p]);
      expect((await post(`${api.url}/api/v1/auth/code`, { phone: p })).status).toBe(202);
      expect(await codesFor(p)).toBe(2);

      // ten in the last hour (none in the last minute): the eleventh is refused until the oldest ages out
      const q = phone();
      await db.query(
        `INSERT INTO one_time_code (id, phone, code_hash, expires_at, created_at)
         SELECT gen_random_uuid(), $1, 'x', now() - interval '1 minute', now() - make_interval(mins => 2 + i * 5)
         FROM generate_series(0, 9) AS i`,
        [q],
      );
      const hourly = await post(`${api.url}/api/v1/auth/code`, { phone: q });
      expect(hourly.status).toBe(429);
      expect(await hourly.json()).toMatchObject({
        code: 'CODE_HOURLY_LIMIT',
        message: expect.stringContaining('一小时内'),
      });
      expect(await codesFor(q)).toBe(10);
      expect(await messagesTo(q)).toBe(0);
      await db.query(
        `UPDATE one_time_code SET created_at = now() - interval '61 minutes' WHERE phone = $1
         AND created_at = (SELECT min(created_at) FROM one_time_code WHERE phone = $1)`,
        [q],
      );
      expect((await post(`${api.url}/api/v1/auth/code`, { phone: q })).status).toBe(202);
    });
  });
});
