import { createHmac } from 'node:crypto';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { Queue } from 'bullmq';
import { redisConnectionOptions } from '../../src/infra/redis/redis-connection';
import { NotificationService } from '../../src/modules/notification/notification.service';
import { DigestProcessor } from '../../src/modules/notification/digest.processor';
import { eventually, startApi, startWorker } from '../fixtures/test-app';
import { authed, buildOrgFixture, login, OrgFixture } from '../fixtures/org-fixture';
import { HttpSink } from '../fixtures/http-sink';

const SECRET = 'test-webhook-secret-123';

describe('notification delivery through BullMQ to a real HTTP sink', () => {
  let sink: HttpSink;
  let api: { app: INestApplication; url: string };
  let worker: INestApplicationContext;
  let f: OrgFixture;
  let db: Client;
  let notifications: NotificationService;
  let prefix: string;

  const config = () => ({
    NOTIFY_WEBHOOK_URL: `${sink.url}/webhook`,
    NOTIFY_SMS_URL: `${sink.url}/sms`,
    NOTIFY_WEBHOOK_SECRET: SECRET,
    NOTIFY_TIMEOUT_MS: '300',
    NOTIFY_MAX_ATTEMPTS: '3',
    NOTIFY_BACKOFF_MS: '50',
    NOTIFY_BREAKER_THRESHOLD: '50',
    QUEUE_PREFIX: prefix,
    // a task queue of its own: on the run's queue this worker would also run other files' activities and deliver their messages here
    TEMPORAL_TASK_QUEUE: prefix,
  });
  const inbox = async (dedupPrefix: string) =>
    (await db.query('SELECT * FROM inbox_message WHERE dedup_key LIKE $1 ORDER BY created_at', [`${dedupPrefix}%`]))
      .rows;
  const delivery = async (messageId: string, channel: string) =>
    (await db.query('SELECT * FROM delivery WHERE message_id = $1 AND channel = $2', [messageId, channel])).rows[0];
  const person = (key: keyof OrgFixture['people']) => ({ personId: f.people[key].id });

  beforeAll(async () => {
    sink = await new HttpSink().start();
    prefix = `${process.env.QUEUE_PREFIX}-notify-${Date.now()}`;
    f = await buildOrgFixture();
    [api, worker] = await Promise.all([startApi(config()), startWorker(config())]);
    notifications = worker.get(NotificationService);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    // nobody in this file sleeps at night unless a test says so
    for (const p of Object.values(f.people)) {
      await db.query(
        "INSERT INTO notification_setting (person_id, quiet_start, quiet_end, disabled_channels) VALUES ($1, '00:00', '00:00', '{}')",
        [p.id],
      );
    }
  });
  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close(), db?.end()]);
    await sink?.stop();
  });

  it('shows a retried send once and signs the webhook with HMAC', async () => {
    const send = () =>
      notifications.notify({
        recipients: [person('gridWorkerG1')],
        template: 'notify.broadcast',
        data: { title: '防汛通知', text: '今晚有暴雨，请巡查低洼楼栋' },
        options: { dedupKey: `dedup-${f.tag}` },
      });
    expect(await send()).toEqual({ created: 1 });
    expect(await send()).toEqual({ created: 0 });
    const rows = await inbox(`dedup-${f.tag}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      title: '防汛通知',
      body: '今晚有暴雨，请巡查低洼楼栋',
      recipient_id: f.people.gridWorkerG1.id,
    });
    await eventually(async () => (await delivery(rows[0].id, 'webhook'))?.status === 'SENT', 'webhook delivery');
    const calls = sink.received('/webhook', (r) => r.json.id === rows[0].id);
    expect(calls).toHaveLength(1);
    const { headers, body } = calls[0];
    const expected = createHmac('sha256', SECRET).update(`${headers['x-govflow-timestamp']}.${body}`).digest('hex');
    expect(headers['x-govflow-signature']).toBe(`sha256=${expected}`);
    expect(sink.received('/sms', (r) => String(r.json.content).includes('防汛'))).toHaveLength(0); // normal urgency: no text message
  });

  it('resolves a position to whoever holds it today', async () => {
    await notifications.notify({
      recipients: [{ role: 'GRID_WORKER', unitId: f.units.G1.id }],
      template: 'notify.broadcast',
      data: { title: '网格通知', text: '请核对台账' },
      options: { dedupKey: `pos-${f.tag}` },
    });
    expect((await inbox(`pos-${f.tag}`)).map((r) => r.recipient_id)).toEqual([f.people.gridWorkerG1.id]);
  });

  it('holds non-urgent messages during quiet hours, but lets urgent ones through', async () => {
    const nowCst = new Date(Date.now() + 8 * 3600_000);
    const hh = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`;
    await db.query('UPDATE notification_setting SET quiet_start = $2, quiet_end = $3 WHERE person_id = $1', [
      f.people.supervisorS1.id,
      hh(nowCst.getUTCHours() - 1),
      hh(nowCst.getUTCHours() + 2),
    ]);
    await notifications.notify({
      recipients: [person('supervisorS1')],
      template: 'notify.broadcast',
      data: { title: '例行', text: '周报' },
      options: { dedupKey: `quiet-n-${f.tag}` },
    });
    await notifications.notify({
      recipients: [person('supervisorS1')],
      template: 'notify.broadcast',
      data: { title: '紧急', text: '险情' },
      options: { dedupKey: `quiet-u-${f.tag}`, urgency: 'URGENT' },
    });
    const [normal] = await inbox(`quiet-n-${f.tag}`);
    const [urgent] = await inbox(`quiet-u-${f.tag}`);
    await eventually(async () => (await delivery(urgent.id, 'webhook'))?.status === 'SENT', 'urgent webhook');
    await eventually(async () => (await delivery(urgent.id, 'sms'))?.status === 'SENT', 'urgent sms');
    const held = await delivery(normal.id, 'webhook');
    expect(held.status).toBe('QUEUED');
    const queue = new Queue('notify-webhook', {
      connection: redisConnectionOptions(process.env.REDIS_URL as string),
      prefix,
    });
    const job = await queue.getJob(`deliver-${held.id}`);
    const state = await job?.getState();
    await queue.close();
    expect(state).toBe('delayed');
    expect(job?.opts.delay).toBeGreaterThan(60 * 60_000 - 10 * 60_000); // until the window ends, 1–2 hours away
    expect(normal.read_at).toBeNull(); // the inbox copy itself is there at once
  });

  it('honours a person’s channel opt-out, except for critical messages', async () => {
    await db.query("UPDATE notification_setting SET disabled_channels = '{webhook}' WHERE person_id = $1", [
      f.people.resident.id,
    ]);
    await notifications.notify({
      recipients: [person('resident')],
      template: 'notify.broadcast',
      data: { title: '普通', text: '.' },
      options: { dedupKey: `optout-n-${f.tag}` },
    });
    await notifications.notify({
      recipients: [person('resident')],
      template: 'notify.broadcast',
      data: { title: '危急', text: '.' },
      options: { dedupKey: `optout-c-${f.tag}`, urgency: 'CRITICAL' },
    });
    const [normal] = await inbox(`optout-n-${f.tag}`);
    const [critical] = await inbox(`optout-c-${f.tag}`);
    expect(await delivery(normal.id, 'webhook')).toMatchObject({ status: 'SKIPPED' });
    await eventually(
      async () => (await delivery(critical.id, 'webhook'))?.status === 'SENT',
      'critical despite opt-out',
    );
    expect(sink.received('/webhook', (r) => r.json.id === normal.id)).toHaveLength(0);
  });

  it('retries a 5xx or a timeout, then dead-letters with the reason, keeping the inbox copy', async () => {
    sink.plan('/webhook', { status: 503 }, { hangMs: 1_000 }); // then succeeds
    await notifications.notify({
      recipients: [person('deptStaffDEP1')],
      template: 'notify.broadcast',
      data: { title: '重试', text: 'x' },
      options: { dedupKey: `retry-${f.tag}` },
    });
    const [retried] = await inbox(`retry-${f.tag}`);
    await eventually(async () => (await delivery(retried.id, 'webhook'))?.status === 'SENT', 'third attempt');
    expect(await delivery(retried.id, 'webhook')).toMatchObject({ attempts: 3, last_error: null });

    sink.plan('/webhook', { status: 502 }, { status: 502 }, { status: 502 });
    await notifications.notify({
      recipients: [person('deptStaffDEP1')],
      template: 'notify.broadcast',
      data: { title: '死信', text: 'y' },
      options: { dedupKey: `dead-${f.tag}` },
    });
    const [dead] = await inbox(`dead-${f.tag}`);
    await eventually(async () => (await delivery(dead.id, 'webhook'))?.status === 'DEAD', 'dead letter');
    expect(await delivery(dead.id, 'webhook')).toMatchObject({
      attempts: 3,
      last_error: expect.stringContaining('HTTP 502'),
    });
    expect(dead.title).toBe('死信');

    sink.plan('/webhook', { status: 400 });
    await notifications.notify({
      recipients: [person('deptStaffDEP1')],
      template: 'notify.broadcast',
      data: { title: '拒收', text: 'z' },
      options: { dedupKey: `refused-${f.tag}` },
    });
    const [refused] = await inbox(`refused-${f.tag}`);
    await eventually(async () => (await delivery(refused.id, 'webhook'))?.status === 'DEAD', 'refused at once');
    expect(await delivery(refused.id, 'webhook')).toMatchObject({
      attempts: 1,
      last_error: expect.stringContaining('HTTP 400'),
    });
  });

  it('escalates an unacknowledged reminder to the leader, by text message at the next level', async () => {
    await notifications.notify({
      recipients: [person('gridWorkerG1')],
      template: 'notify.broadcast',
      data: { title: '请确认', text: '入户走访' },
      options: {
        dedupKey: `ack-${f.tag}`,
        ackRequired: true,
        ackWindowMinutes: 0.01,
        escalateTo: [person('secretaryC1')],
      },
    });
    const escalated = await eventually(
      async () =>
        (await inbox(`escalation:`)).find(
          (r) => r.data.originalTitle === '请确认' && r.recipient_id === f.people.secretaryC1.id,
        ),
      'escalation',
    );
    expect(escalated).toMatchObject({ escalation_level: 1, urgency: 'URGENT', template: 'notify.escalation' });
    await eventually(async () => (await delivery(escalated.id, 'sms'))?.status === 'SENT', 'escalation by sms');

    // signed in first: the password hash is slow on a loaded machine and must not eat the 3 s window
    const { accessToken } = await login(api.url, f.people.deptStaffDEP1.username);
    await notifications.notify({
      recipients: [person('deptStaffDEP1')],
      template: 'notify.broadcast',
      data: { title: '已确认', text: '会议' },
      options: {
        dedupKey: `acked-${f.tag}`,
        ackRequired: true,
        ackWindowMinutes: 0.05,
        escalateTo: [person('supervisorS1')],
      },
    });
    const [acked] = await inbox(`acked-${f.tag}`);
    expect(
      (await fetch(`${api.url}/api/v1/inbox/${acked.id}/ack`, authed(accessToken, { method: 'POST' }))).status,
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 4_000));
    expect((await inbox('escalation:')).filter((r) => r.data.originalTitle === '已确认')).toHaveLength(0);
  });

  it('sends daily digests only to people with open items, once per day', async () => {
    await notifications.notify({
      recipients: [person('partyMemberA')],
      template: 'notify.broadcast',
      data: { title: '待办甲', text: '.' },
      options: { dedupKey: `digest-src-${f.tag}`, ackRequired: true, ackWindowMinutes: 600 },
    });
    const digest = worker.get(DigestProcessor);
    await digest.handle({ period: 'daily' });
    await digest.handle({ period: 'daily' });
    const mine = (
      await db.query("SELECT * FROM inbox_message WHERE template = 'notify.digest' AND recipient_id = $1", [
        f.people.partyMemberA.id,
      ])
    ).rows;
    expect(mine).toHaveLength(1);
    expect(mine[0].body).toContain('待办甲');
    const nobody = (
      await db.query(
        "SELECT count(*)::int AS n FROM inbox_message WHERE template = 'notify.digest' AND recipient_id = $1",
        [f.people.gridWorkerG2.id],
      )
    ).rows[0]; // received nothing in this file
    expect(nobody.n).toBe(0);
  });

  it('validates template variables when a version is saved, and sends with the new wording', async () => {
    const { accessToken } = await login(api.url, f.people.admin.username);
    const bad = await fetch(
      `${api.url}/api/v1/notifications/templates/notify.broadcast/versions`,
      authed(accessToken, {
        method: 'POST',
        body: JSON.stringify({ title: '{{title}}', body: '{{text}}（{{sender}}）' }),
      }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'TEMPLATE_VARIABLE_UNKNOWN', details: { unknown: ['sender'] } });
    const good = await fetch(
      `${api.url}/api/v1/notifications/templates/notify.broadcast/versions`,
      authed(accessToken, { method: 'POST', body: JSON.stringify({ title: '【通知】{{title}}', body: '{{text}}' }) }),
    );
    expect(good.status).toBe(201);
    const { version } = (await good.json()) as { version: number };
    await notifications.notify({
      recipients: [person('admin')],
      template: 'notify.broadcast',
      data: { title: '新版', text: 'ok' },
      options: { dedupKey: `tpl-${f.tag}` },
    });
    expect((await inbox(`tpl-${f.tag}`))[0]).toMatchObject({ title: '【通知】新版', template_version: version });
    // the catalogue lists every template with its variables and the wording now in force
    const catalog = (await (
      await fetch(`${api.url}/api/v1/notifications/templates/catalog`, authed(accessToken))
    ).json()) as { key: string; version: number; title: string; variables: string[] }[];
    expect(catalog.find((t) => t.key === 'notify.broadcast')).toEqual(
      expect.objectContaining({ version, title: '【通知】{{title}}', variables: ['title', 'text'] }),
    );
    expect(catalog.find((t) => t.key === 'auth.one-time-code')).toEqual(
      expect.objectContaining({ variables: ['code', 'minutes'] }),
    );
    const grid = (await login(api.url, f.people.gridWorkerG1.username)).accessToken;
    expect((await fetch(`${api.url}/api/v1/notifications/templates/catalog`, authed(grid))).status).toBe(403);
  });

  it('serves the inbox: list, unread count, read, and a live stream', async () => {
    const { accessToken } = await login(api.url, f.people.secretaryC1.username);
    const controller = new AbortController();
    const stream = await fetch(`${api.url}/api/v1/inbox/stream`, authed(accessToken, { signal: controller.signal }));
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    let seen = '';
    const live = (async () => {
      while (!seen.includes('直播测试')) seen += new TextDecoder().decode((await reader.read()).value);
    })();
    await eventually(async () => seen.includes('event: ready'), 'the stream to be subscribed');
    await notifications.notify({
      recipients: [person('secretaryC1')],
      template: 'notify.broadcast',
      data: { title: '直播测试', text: '.' },
      options: { dedupKey: `sse-${f.tag}` },
    });
    await live;
    controller.abort();
    expect(seen).toContain('event: message');

    const before = (await (await fetch(`${api.url}/api/v1/inbox/unread-count`, authed(accessToken))).json()) as {
      unread: number;
    };
    const list = (await (await fetch(`${api.url}/api/v1/inbox?unread=true`, authed(accessToken))).json()) as {
      items: { id: string; title: string }[];
    };
    const item = list.items.find((i) => i.title.includes('直播测试')) as { id: string }; // the template test may have re-worded titles
    expect(
      (await fetch(`${api.url}/api/v1/inbox/${item.id}/read`, authed(accessToken, { method: 'POST' }))).status,
    ).toBe(200);
    const after = (await (await fetch(`${api.url}/api/v1/inbox/unread-count`, authed(accessToken))).json()) as {
      unread: number;
    };
    expect(after.unread).toBe(before.unread - 1);
    const other = await fetch(
      `${api.url}/api/v1/inbox/${item.id}/read`,
      authed((await login(api.url, f.people.admin.username)).accessToken, { method: 'POST' }),
    );
    expect(other.status).toBe(404); // someone else's message
  });
});
