import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { startLocalRedis, LocalRedis } from '../../src/infra/local-stack/redis';
import { freePort } from '../../src/infra/local-stack/ports';
import { NotificationService } from '../../src/modules/notification/notification.service';
import { eventually, startWorker } from '../fixtures/test-app';
import { buildOrgFixture, OrgFixture } from '../fixtures/org-fixture';
import { HttpSink } from '../fixtures/http-sink';

/** Redis restarted while reminders are queued, delayed and in flight: each reaches the sink, and only once. */
describe('notification delivery across a Redis restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'govflow-redis-'));
  let port: number;
  let redis: LocalRedis;
  let sink: HttpSink;
  let worker: INestApplicationContext;
  let f: OrgFixture;
  let db: Client;

  beforeAll(async () => {
    port = await freePort();
    redis = await startLocalRedis(dir, port);
    sink = await new HttpSink().start();
    f = await buildOrgFixture();
    worker = await startWorker({
      REDIS_URL: redis.url,
      NOTIFY_WEBHOOK_URL: `${sink.url}/hook`,
      NOTIFY_BACKOFF_MS: '200',
      NOTIFY_MAX_ATTEMPTS: '20',
      QUEUE_PREFIX: `restart-${f.tag}`,
      // a task queue of its own: on the run's queue this worker would run other files' activities against the Redis it restarts
      TEMPORAL_TASK_QUEUE: `restart-${f.tag}`,
    });
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await worker?.close();
    await Promise.all([redis?.process.stop(), sink?.stop(), db?.end()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing and delivers nothing twice', async () => {
    const notifications = worker.get(NotificationService);
    // late enough that the 40 writes finish first even on a loaded machine (6 s was not: all were due before the restart)
    const soon = new Date(Date.now() + 20_000);
    for (let i = 0; i < 40; i++) {
      await notifications.notify({
        recipients: [{ personId: f.people.gridWorkerG1.id }],
        template: 'notify.broadcast',
        data: { title: `重启-${i}`, text: '.' },
        options: { dedupKey: `restart-${f.tag}-${i}`, urgency: 'URGENT', deliverAt: i % 2 ? soon : undefined },
      });
    }
    const deliveries = async () =>
      (
        await db.query(
          `SELECT d.id, d.status FROM delivery d JOIN inbox_message m ON m.id = d.message_id
      WHERE m.dedup_key LIKE $1 AND d.channel = 'webhook'`,
          [`restart-${f.tag}-%`],
        )
      ).rows as { id: string; status: string }[];
    const pending = (await deliveries()).filter((d) => d.status !== 'SENT').length;
    expect(pending).toBeGreaterThanOrEqual(20); // the delayed half at least is still only in Redis
    await redis.process.stop(); // SIGTERM: Redis flushes its append-only file
    await new Promise((r) => setTimeout(r, 1_500));
    redis = await startLocalRedis(dir, port);

    expect(await deliveries()).toHaveLength(40);
    await eventually(async () => (await deliveries()).every((d) => d.status === 'SENT'), 'all 40 delivered', 90_000);
    const keys = sink.received('/hook').map((r) => r.headers['idempotency-key'] as string);
    const mine = new Set((await deliveries()).map((d) => d.id));
    const received = keys.filter((k) => mine.has(k));
    expect(new Set(received).size).toBe(40);
    expect(received).toHaveLength(40);
  }, 120_000);
});
