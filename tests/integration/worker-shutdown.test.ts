import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { NotificationService } from '../../src/modules/notification/notification.service';
import { eventually, startWorker } from '../fixtures/test-app';
import { buildOrgFixture, OrgFixture } from '../fixtures/org-fixture';
import { HttpSink } from '../fixtures/http-sink';

describe('worker shutdown', () => {
  let sink: HttpSink;
  let f: OrgFixture;
  let db: Client;

  beforeAll(async () => {
    sink = await new HttpSink().start();
    f = await buildOrgFixture();
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => Promise.all([sink?.stop(), db?.end()]));

  it('lets an in-flight delivery finish before the worker stops', async () => {
    const worker: INestApplicationContext = await startWorker({
      NOTIFY_WEBHOOK_URL: `${sink.url}/slow`,
      NOTIFY_TIMEOUT_MS: '10000',
      QUEUE_PREFIX: `shutdown-${f.tag}`,
      // a task queue of its own: on the run's queue this worker would also run other files' activities and deliver their messages here
      TEMPORAL_TASK_QUEUE: `shutdown-${f.tag}`,
    });
    sink.plan('/slow', { delayMs: 1_500 });
    await worker.get(NotificationService).notify({
      recipients: [{ personId: f.people.admin.id }],
      template: 'notify.broadcast',
      data: { title: '停机', text: '.' },
      options: { dedupKey: `shutdown-${f.tag}`, urgency: 'URGENT' },
    });
    await eventually(async () => sink.inFlight > 0, 'the request to be in flight');
    await worker.close();
    const { rows } = await db.query(
      `SELECT d.status FROM delivery d JOIN inbox_message m ON m.id = d.message_id WHERE m.dedup_key LIKE $1`,
      [`shutdown-${f.tag}%`],
    );
    expect(rows).toEqual([{ status: 'SENT' }]);
    expect(sink.received('/slow')).toHaveLength(1);
  });
});
