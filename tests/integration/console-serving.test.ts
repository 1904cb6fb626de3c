import { execFileSync } from 'node:child_process';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { startApi } from '../fixtures/test-app';
import { buildOrgFixture, FIXTURE_PASSWORD, OrgFixture } from '../fixtures/org-fixture';

/** The built console at /console with its security headers, and the console's cookie-based refresh token. */
describe('the console served by the API, and the refresh cookie', () => {
  let api: { app: INestApplication; url: string };
  let f: OrgFixture;

  beforeAll(async () => {
    execFileSync('bash', ['scripts/console-build.sh'], { stdio: 'inherit' }); // a no-op when the build is current
    [f] = await Promise.all([
      buildOrgFixture(),
      startApi().then((a) => {
        api = a;
      }),
    ]);
  }, 180_000);
  afterAll(async () => {
    await api?.app.close();
  });

  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const consoleLogin = () =>
    post('/api/v1/auth/login', {
      username: f.people.gridWorkerG1.username,
      password: FIXTURE_PASSWORD,
      refreshTokenIn: 'cookie',
    });
  const cookieOf = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('govflow_rt='));

  it('serves the console, falls back to index.html for its routes, and forbids inline script', async () => {
    for (const path of ['/console/', '/console/cases/any-id', '/console/audit']) {
      const res = await fetch(`${api.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      const html = await res.text();
      expect(html).toContain('<div id="root"></div>');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // every script is a file, none inline
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
      expect(csp).toContain("frame-ancestors 'none'");
    }
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(await (await fetch(`${api.url}/console/`)).text())?.[1];
    const asset = await fetch(`${api.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // the API's own routes are untouched: no CSP document, JSON errors
    expect((await fetch(`${api.url}/api/v1/auth/me`)).status).toBe(401);
  });

  it('a console sign-in keeps the refresh token in an httpOnly, SameSite=Strict cookie on the auth path only', async () => {
    const res = await consoleLogin();
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body).not.toHaveProperty('refreshToken');
    const cookie = cookieOf(res) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth(;|$)/);
    expect(cookie).not.toMatch(/Secure/i); // plain HTTP here; Secure is set when the request came over TLS
    // body-based clients are unchanged: the pair in the answer, no cookie
    const plain = await post('/api/v1/auth/login', {
      username: f.people.gridWorkerG1.username,
      password: FIXTURE_PASSWORD,
    });
    expect(await plain.json()).toMatchObject({ refreshToken: expect.any(String) });
    expect(cookieOf(plain)).toBeUndefined();
  });

  it('refresh reads the cookie when the body has none, rotates it, and a replayed cookie is refused', async () => {
    const first = cookieOf(await consoleLogin())!.split(';')[0];
    const refreshed = await post('/api/v1/auth/refresh', {}, first);
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).not.toHaveProperty('refreshToken');
    const second = cookieOf(refreshed)!.split(';')[0];
    expect(second).not.toBe(first);
    const me = await fetch(`${api.url}/api/v1/auth/me`, {
      headers: {
        authorization: `Bearer ${((await (await post('/api/v1/auth/refresh', {}, second)).json()) as { accessToken: string }).accessToken}`,
      },
    });
    expect(((await me.json()) as { personId: string }).personId).toBe(f.people.gridWorkerG1.id);
    const replay = await post('/api/v1/auth/refresh', {}, first);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: 'TOKEN_REVOKED' });
    expect(cookieOf(replay)).toMatch(/govflow_rt=;/); // the dead cookie is dropped
    const none = await post('/api/v1/auth/refresh', {});
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ code: 'UNAUTHENTICATED', message: '未登录或登录已过期，请重新登录' });
  });

  it('a resident signing in with a one-time code gets the same cookie, which refreshes to the resident', async () => {
    const phone = f.people.resident.phone;
    expect((await post('/api/v1/auth/code', { phone })).status).toBe(202);
    const db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    const { rows } = await db
      .query<{ body: string }>('SELECT body FROM inbox_message WHERE phone = $1 ORDER BY created_at DESC LIMIT 1', [
        phone,
      ])
      .finally(() => db.end());
    const code = /(\d{6})/.exec(rows[0].body)?.[1];
    const verified = await post('/api/v1/auth/code/verify', { phone, code, refreshTokenIn: 'cookie' });
    expect(verified.status).toBe(200);
    expect(await verified.json()).not.toHaveProperty('refreshToken');
    const cookie = cookieOf(verified) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth(;|$)/);
    const refreshed = await post('/api/v1/auth/refresh', {}, cookie.split(';')[0]);
    expect(refreshed.status).toBe(200);
    const { accessToken } = (await refreshed.json()) as { accessToken: string };
    const me = await fetch(`${api.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(await me.json()).toMatchObject({ personId: f.people.resident.id, kind: 'RESIDENT' });
    // the code was used: a second verification is refused and sets no cookie
    const again = await post('/api/v1/auth/code/verify', { phone, code, refreshTokenIn: 'cookie' });
    expect(again.status).toBe(401);
    expect(cookieOf(again)).toBeUndefined();
  });

  it("logout revokes the cookie's token and clears the cookie", async () => {
    const cookie = cookieOf(await consoleLogin())!.split(';')[0];
    const out = await post('/api/v1/auth/logout', {}, cookie);
    expect(out.status).toBe(204);
    expect(cookieOf(out)).toMatch(/govflow_rt=;.*Expires=Thu, 01 Jan 1970/);
    expect((await post('/api/v1/auth/refresh', {}, cookie)).status).toBe(401);
  });
});
