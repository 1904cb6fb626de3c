import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { freePort } from '../../src/infra/local-stack/ports';
import { LocalPostgres, startLocalPostgres } from '../../src/infra/local-stack/postgres';
import { TemporalClientService } from '../../src/infra/temporal/temporal-client.service';
import { RequestCaseProgressService } from '../../src/modules/request-case/request-case-progress.service';
import { eventually, startApi, startWorker } from '../fixtures/test-app';
import { authed, login, OrgFixture } from '../fixtures/org-fixture';
import {
  activityRuns,
  buildOrgFixtureIn,
  createMigratedDatabase,
  expectedAcceptInbox,
  fastPolicy,
  queryOnce,
  sleep,
  stopPostgres,
} from '../fixtures/reliability';

interface Health {
  status: string;
  checks: Record<'database' | 'redis' | 'temporal', { status: 'up' | 'down' }>;
}

/**
 * Issue 4, proof 2: PostgreSQL goes down while a case's accept clock is about to lapse. The escalation step fails
 * against the dead database and is retried; once PostgreSQL is back the case escalates — exactly once — and /health
 * answers 503 naming the database while it is down, 200 after. A cluster of its own (started, stopped and restarted
 * here), with the API and the worker in this process pointed at it, on their own task queue and BullMQ prefix.
 */
const ACCEPT_SECONDS = 15; // slack for a loaded machine: both reminders must land well before the lapse

describe('database outage during an activity', () => {
  const parent = mkdtempSync(join(tmpdir(), 'govflow-pg-outage-'));
  chmodSync(parent, 0o755); // under root the cluster runs as `postgres`, which must reach it
  const dir = join(parent, 'cluster');
  const suffix = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const env: Record<string, string> = {
    TEMPORAL_TASK_QUEUE: `db-outage-${suffix}`,
    QUEUE_PREFIX: `db-outage-${suffix}`,
  };
  let port: number;
  let pg: LocalPostgres | undefined;
  let api: { app: INestApplication; url: string } | undefined;
  let worker: INestApplicationContext | undefined;
  let f: OrgFixture;
  let workflowId: string | undefined;

  beforeAll(async () => {
    port = await freePort();
    pg = await startLocalPostgres(dir, port);
    env.DATABASE_URL = await createMigratedDatabase(pg.adminUrl, 'govflow_outage');
    f = await buildOrgFixtureIn(env.DATABASE_URL);
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
  }, 90_000);

  afterAll(async () => {
    if (api && workflowId)
      await api.app
        .get(TemporalClientService)
        .client.workflow.getHandle(workflowId)
        .terminate('database-outage test over')
        .catch(() => undefined);
    await worker?.close().catch(() => undefined);
    await api?.app.close().catch(() => undefined);
    if (pg) await stopPostgres(pg);
    rmSync(parent, { recursive: true, force: true });
    if (pg && !pg.dataDir.startsWith(parent)) rmSync(pg.dataDir, { recursive: true, force: true });
  }, 30_000);

  const health = async () => {
    const res = await fetch(`${api!.url}/health`);
    return { status: res.status, body: (await res.json()) as Health };
  };
  const rows = <T>(sql: string, params: unknown[] = []) => queryOnce<T>(env.DATABASE_URL, sql, params);

  it('retries while PostgreSQL is down and escalates exactly once when it is back', async () => {
    expect((await health()).status).toBe(200);
    const admin = (await login(api!.url, f.people.admin.username)).accessToken;
    const published = await fetch(
      `${api!.url}/api/v1/policies/request-loop/versions`,
      authed(admin, {
        method: 'POST',
        body: JSON.stringify({
          ...fastPolicy({
            acceptSeconds: ACCEPT_SECONDS,
            reminderFractions: [0.1, 0.2],
            orderSeconds: [600, 600, 600, 600],
          }),
          note: 'db-outage',
        }),
      }),
    );
    expect(published.status).toBe(201);

    const token = (await login(api!.url, f.people.gridWorkerG1.username)).accessToken;
    const res = await fetch(
      `${api!.url}/api/v1/cases`,
      authed(token, {
        method: 'POST',
        body: JSON.stringify({
          requestKey: `outage-${randomUUID()}`,
          channel: 'HOTLINE',
          category: f.category,
          description: '停库测试',
          address: f.addresses.G1,
          reporterPhone: '13900000000',
        }),
      }),
    );
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; workflowId: string; acceptDeadline: string };
    workflowId = created.workflowId;
    const lapseAt = new Date(created.acceptDeadline).getTime();

    // Both reminders written, the accept clock still running: then the database goes away.
    await eventually(
      async () =>
        (
          await rows<{ n: number }>(
            `SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND kind = 'REMINDED'`,
            [created.id],
          )
        )[0].n === 2,
      'both reminders',
      10_000,
    );
    expect(Date.now()).toBeLessThan(lapseAt - 2_000);
    await stopPostgres(pg!);
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body.checks).toMatchObject({
      database: { status: 'down' },
      redis: { status: 'up' },
      temporal: { status: 'up' },
    });

    // The clock lapses while the database is down; the escalation (a local activity in the worker here) fails on it
    // and keeps being retried. PostgreSQL comes back only once the escalation failed at least twice against it.
    const failures: Error[] = [];
    const progress = worker!.get(RequestCaseProgressService);
    const escalate = progress.escalate.bind(progress);
    jest.spyOn(progress, 'escalate').mockImplementation(async (...args) => {
      try {
        return await escalate(...args);
      } catch (err) {
        failures.push(err as Error);
        throw err;
      }
    });
    await eventually(
      async () => failures.length >= 2 || null,
      'the escalation to fail twice on the dead database',
      60_000,
    ); // each failed attempt waits out the 5 s connect timeout
    expect(failures[0].message).toMatch(/database/i);
    expect((await health()).status).toBe(503);
    const restartedAt = Date.now();
    pg = await startLocalPostgres(dir, port);

    await eventually(async () => (await health()).status === 200 || null, '/health 200 after the restart', 15_000);
    const escalated = await eventually(
      async () => {
        const found = await rows<{ at: Date; data: { level: number; lapsedDeadline: string } }>(
          `SELECT at, data FROM case_event WHERE case_id = $1 AND kind = 'ESCALATED'`,
          [created.id],
        );
        return found.length ? found : null;
      },
      'the escalation after the restart',
      30_000,
    ).catch(() => []); // none: the assertions below say so
    await sleep(2_000); // a second write, if any, would show up now

    expect(escalated).toHaveLength(1);
    expect(escalated[0].at.getTime()).toBeGreaterThan(restartedAt);
    expect(escalated[0].data.level).toBe(1);
    // the workflow's own deadline (its clock starts a moment after intake), not a later one: the lapse it escalates for
    expect(Math.abs(new Date(escalated[0].data.lapsedDeadline).getTime() - lapseAt)).toBeLessThan(2_000);
    const events = await rows<{ kind: string }>(`SELECT kind FROM case_event WHERE case_id = $1 ORDER BY seq`, [
      created.id,
    ]);
    expect(events.map((e) => e.kind)).toEqual(['REPORTED', 'REMINDED', 'REMINDED', 'ESCALATED']);
    expect(await rows(`SELECT level, dedup_key FROM supervision_order WHERE case_id = $1`, [created.id])).toEqual([
      { level: 'COMMUNITY', dedup_key: `${workflowId}:accept:escalation:1` },
    ]);
    expect(await rows(`SELECT escalation_level, status FROM request_case WHERE id = $1`, [created.id])).toEqual([
      { escalation_level: 1, status: 'REPORTED' },
    ]);
    expect(
      await rows(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'case.escalate' AND entity_id = $1`, [
        created.id,
      ]),
    ).toEqual([{ n: 1 }]);
    const inbox = await rows<{ dedup_key: string }>(
      `SELECT dedup_key FROM inbox_message WHERE dedup_key LIKE $1 ORDER BY dedup_key`,
      [`${workflowId}:%`],
    );
    expect(inbox.map((m) => m.dedup_key)).toEqual(expectedAcceptInbox(f, workflowId, 2, 1));

    // Temporal's side: one escalation recorded, finished on a later attempt than the first — it was retried.
    const { activities, workflowTaskFailures } = await activityRuns(
      api!.app.get(TemporalClientService).client,
      workflowId,
    );
    expect(workflowTaskFailures).toBe(0);
    const escalations = activities.filter((a) => a.name === 'escalateCase');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ completed: true, local: true });
    expect(escalations[0].attempt).toBeGreaterThanOrEqual(2);
  }, 150_000);
});
