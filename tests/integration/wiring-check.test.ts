import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { WiringCheckService } from '../../src/modules/wiring-check/wiring-check.service';
import { eventually, startApi, startWorker } from '../fixtures/test-app';
import { authed, buildOrgFixture, login } from '../fixtures/org-fixture';

describe('wiring: HTTP → Temporal workflow → activity (PostgreSQL + BullMQ) → job processor', () => {
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let db: Client;
  let token: string;

  beforeAll(async () => {
    const [fixture] = await Promise.all([
      buildOrgFixture(),
      startApi().then((a) => {
        api = a;
      }),
      startWorker().then((w) => {
        worker = w;
      }),
    ]);
    token = (await login(api.url, fixture.people.admin.username)).accessToken;
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });

  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close(), db?.end()]);
  });

  it('an HTTP request ends with the row the BullMQ processor writes', async () => {
    const res = await fetch(
      `${api.url}/api/v1/wiring-checks`,
      authed(token, { method: 'POST', body: JSON.stringify({ note: '联通检查' }) }),
    );
    expect(res.status).toBe(202);
    const { workflowId } = (await res.json()) as { workflowId: string };

    const echo = await eventually(async () => {
      const { rows } = await db.query(
        'SELECT e.job_id, c.note FROM wiring_check_echo e JOIN wiring_check c ON c.id = e.check_id WHERE c.workflow_id = $1',
        [workflowId],
      );
      return rows[0];
    }, 'the echo row');
    expect(echo.note).toBe('联通检查');

    const detail = await fetch(`${api.url}/api/v1/wiring-checks/${workflowId}`, authed(token));
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({ workflowId, note: '联通检查', echoedAt: expect.any(String) });
  });

  it('a retried activity writes the check, its audit entry and its job once', async () => {
    const service = worker.get(WiringCheckService);
    const workflowId = `wiring-check-retry-${Date.now()}`;
    const first = await service.record(workflowId, '重试');
    const second = await service.record(workflowId, '重试');
    expect(second).toEqual(first);
    await eventually(
      async () => (await db.query('SELECT 1 FROM wiring_check_echo WHERE check_id = $1', [first.checkId])).rowCount,
      'the echo row',
    );
    const counts = await db.query(
      `SELECT (SELECT count(*) FROM wiring_check WHERE workflow_id = $1)::int AS checks,
      (SELECT count(*) FROM audit_entry WHERE workflow_id = $1)::int AS audits, (SELECT count(*) FROM wiring_check_echo WHERE check_id = $2)::int AS echoes`,
      [workflowId, first.checkId],
    );
    expect(counts.rows[0]).toEqual({ checks: 1, audits: 1, echoes: 1 });
  });

  it('rejects bad input with a code and a message, and starts nothing', async () => {
    const before = await db.query('SELECT count(*)::int AS n FROM wiring_check');
    const res = await fetch(
      `${api.url}/api/v1/wiring-checks`,
      authed(token, { method: 'POST', body: JSON.stringify({ note: '', delay: 'soon' }) }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; details: { path: string }[] };
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', correlationId: expect.any(String) });
    expect(body.details.map((d) => d.path).sort()).toEqual(['delay', 'note']);
    const after = await db.query('SELECT count(*)::int AS n FROM wiring_check');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('answers an unknown check with NOT_FOUND and echoes the caller’s correlation id', async () => {
    const res = await fetch(
      `${api.url}/api/v1/wiring-checks/nope`,
      authed(token, { headers: { 'x-correlation-id': 'trace-123' } }),
    );
    expect(res.status).toBe(404);
    expect(res.headers.get('x-correlation-id')).toBe('trace-123');
    expect(await res.json()).toMatchObject({ code: 'NOT_FOUND', correlationId: 'trace-123' });
  });
});
