import type { INestApplication } from '@nestjs/common';
import { startApi } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';
import { CONSOLE_CSP } from '../../src/modules/console/console-headers';

/** bull-board at /admin/queues: a single-use ticket from the bearer token, then an httpOnly cookie on that path only. */
describe('the queue dashboard (bull-board) behind an administrator sign-in', () => {
  let api: { app: INestApplication; url: string };
  let f: OrgFixture;

  beforeAll(async () => {
    [f] = await Promise.all([
      buildOrgFixture(),
      startApi().then((a) => {
        api = a;
      }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await api?.app.close();
  });

  const ticketFor = async (who: string) => {
    const token = (await login(api.url, f.people[who].username)).accessToken;
    return fetch(`${api.url}/api/v1/admin/queue-dashboard/ticket`, authed(token, { method: 'POST' }));
  };
  const open = (path: string, cookie?: string) =>
    fetch(`${api.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

  it('refuses a grid worker a ticket, and refuses the dashboard without a session', async () => {
    const refused = await ticketFor('gridWorkerG1');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { code: string }).code).toBe('FORBIDDEN');
    for (const path of ['/admin/queues', '/admin/queues/', '/admin/queues/api/queues']) {
      const res = await open(path);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { message: string }).message).toMatch(/队列看板/);
    }
    const forged = await open('/admin/queues/api/queues', 'govflow_qd=not-a-session');
    expect(forged.status).toBe(401);
    const badTicket = await open('/admin/queues?ticket=guessed');
    expect(badTicket.status).toBe(403);
  });

  it('lets an administrator in with a ticket, once: the cookie is httpOnly, SameSite=Strict and scoped to the dashboard', async () => {
    const issued = await ticketFor('admin');
    expect(issued.status).toBe(201);
    const { ticket, url, expiresInSeconds } = (await issued.json()) as {
      ticket: string;
      url: string;
      expiresInSeconds: number;
    };
    expect(url).toBe(`/admin/queues?ticket=${encodeURIComponent(ticket)}`);
    expect(expiresInSeconds).toBe(60);

    const entered = await open(url);
    expect(entered.status).toBe(303);
    expect(entered.headers.get('location')).toBe('/admin/queues/');
    const setCookie = entered.headers.getSetCookie().find((c) => c.startsWith('govflow_qd='));
    expect(setCookie).toBeDefined();
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/admin\/queues(;|$)/);
    expect(setCookie).toMatch(/Max-Age=900/);
    const cookie = setCookie!.split(';')[0];

    const page = await open('/admin/queues/', cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('govflow 队列看板');
    expect(html).toMatch(/static\/js\/main\.[0-9a-f]+\.js/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");

    const queues = await open('/admin/queues/api/queues', cookie);
    expect(queues.status).toBe(200);
    const names = ((await queues.json()) as { queues: { name: string }[] }).queues.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['cases', 'notify-sms', 'notify-webhook', 'notify-control']));

    // the same ticket a second time: refused, and no new session
    const replayed = await open(url);
    expect(replayed.status).toBe(403);
    expect(replayed.headers.getSetCookie().some((c) => c.startsWith('govflow_qd='))).toBe(false);

    // the console's own pages keep their strict policy
    const consolePage = await fetch(`${api.url}/console/`);
    if (consolePage.status === 200) expect(consolePage.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
  });

  it('shows Temporal Web UI links to administrators and supervisors only', async () => {
    for (const [who, status] of [
      ['admin', 200],
      ['supervisorS1', 200],
      ['gridWorkerG1', 403],
      ['secretaryC1', 403],
    ] as const) {
      const token = (await login(api.url, f.people[who].username)).accessToken;
      const res = await fetch(`${api.url}/api/v1/temporal-ui`, authed(token));
      expect(res.status).toBe(status);
      if (status === 200)
        expect(await res.json()).toEqual({
          baseUrl: 'http://127.0.0.1:8233',
          namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
          workflowUrlTemplate: `http://127.0.0.1:8233/namespaces/${process.env.TEMPORAL_NAMESPACE ?? 'default'}/workflows/{workflowId}`,
        });
    }
  });
});
