import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { PrismaService } from '../src/infra/prisma/prisma.service';
import { NotificationService } from '../src/modules/notification/notification.service';
import { bullmqFigures } from './baseline-figures';
import { startBenchWorker } from './bench-app';
import { inParallel, percentile, reportFigures, runBench, startBenchStack } from './bench-stack';
import { countRoundTrips, roundTripFigures } from './round-trips';

// Throughput at each size in turn (the last is BENCH_REMINDERS), each beside bare BullMQ with as many jobs.
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 50_000);
const SIZES = (process.env.BENCH_REMINDER_SIZES ?? `${REMINDERS / 10},${REMINDERS / 2},${REMINDERS}`)
  .split(',')
  .map(Number);
const DELAYED = Number(process.env.BENCH_DELAYED ?? 2_000);
const SAME_SECOND = Number(process.env.BENCH_SAME_SECOND ?? 10_000);
const PEOPLE = 1_000;

/**
 * npm run bench:notify — reminders through the real notify() path (inbox row + webhook delivery job) to a real
 * HTTP sink: throughput as a ratio to bare BullMQ measured in the same run, and delivery lateness for delayed
 * reminders, spread out and all due in the same second.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const arrivals = new Map<string, number>();
  const sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrivals.set(req.headers['idempotency-key'] as string, Date.now());
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  countRoundTrips(
    'notifyRecipient',
    NotificationService.prototype,
    'notify',
    (r) => (r as { created: number }).created,
  );
  const env = await startBenchStack();
  try {
    const bare = await bullmqFigures(env.redisUrl, REMINDERS);
    const { worker } = await startBenchWorker(env, {
      NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/hook`,
      NOTIFY_WEBHOOK_RATE_PER_SECOND: '100000',
    });
    const prisma = worker.get(PrismaService);
    const people = Array.from({ length: PEOPLE }, (_, i) => ({
      id: randomUUID(),
      name: `压测${i}`,
      phone: `199${String(i).padStart(8, '0')}`,
      kind: 'STAFF' as const,
    }));
    await prisma.person.createMany({ data: people });
    await prisma.notificationSetting.createMany({
      data: people.map((p) => ({ personId: p.id, quietStart: '00:00', quietEnd: '00:00' })),
    });
    const notifications = worker.get(NotificationService);
    const deliveryOf = async (dedup: string) =>
      await prisma.delivery.findMany({
        where: { message: { dedupKey: { startsWith: dedup } } },
        select: { id: true, message: { select: { deliverAt: true } } },
      });
    const send = (tag: string, i: number, deliverAt?: Date) =>
      notifications.notify({
        recipients: [{ personId: people[i % PEOPLE].id }],
        template: 'notify.broadcast',
        data: { title: `提醒${i}`, text: '请按时办结' },
        options: { dedupKey: `${tag}-${i}`, deliverAt },
      });
    const waitFor = async (ids: string[]) => {
      while (ids.some((id) => !arrivals.has(id))) await new Promise((r) => setTimeout(r, 100));
    };

    const sizes: Record<string, number> = {};
    let perSecond = 0;
    for (const size of SIZES) {
      const bareAtSize = size === REMINDERS ? bare : await bullmqFigures(env.redisUrl, size);
      const started = performance.now();
      await inParallel([...Array(size).keys()], 64, (i) => send(`tput${size}`, i));
      await waitFor((await deliveryOf(`tput${size}-`)).map((d) => d.id));
      perSecond = size / ((performance.now() - started) / 1000);
      sizes[`reminders${size}_perSecond`] = Math.round(perSecond);
      sizes[`reminders${size}_bareBullmqJobsPerSecond`] = bareAtSize.bullmqJobsPerSecond;
      sizes[`reminders${size}_ratioToBareBullmq`] =
        Math.round((perSecond / bareAtSize.bullmqJobsPerSecond) * 1000) / 1000;
    }

    const lateness = async (tag: string, n: number, dueAt: (i: number) => Date) => {
      await inParallel([...Array(n).keys()], 64, (i) => send(tag, i, dueAt(i)));
      const rows = await deliveryOf(`${tag}-`);
      await waitFor(rows.map((r) => r.id));
      return rows
        .map(
          (r) =>
            (arrivals.get(`deliver-${r.id}`) ?? (arrivals.get(r.id) as number)) -
            (r.message.deliverAt as Date).getTime(),
        )
        .sort((a, b) => a - b);
    };
    const spreadStart = Date.now() + 20_000;
    const spread = await lateness('spread', DELAYED, (i) => new Date(spreadStart + Math.floor((i * 30_000) / DELAYED)));
    const sameSecond = Date.now() + 30_000;
    const burst = await lateness('burst', SAME_SECOND, () => new Date(sameSecond));

    const figures = {
      reminders: REMINDERS,
      remindersPerSecond: Math.round(perSecond),
      bareBullmqJobsPerSecond: bare.bullmqJobsPerSecond,
      ratioToBareBullmq: Math.round((perSecond / bare.bullmqJobsPerSecond) * 1000) / 1000,
      ...sizes,
      ...roundTripFigures(),
      delayedReminders: DELAYED,
      delayedLatenessP50Ms: percentile(spread, 50),
      delayedLatenessP99Ms: percentile(spread, 99),
      sameSecondReminders: SAME_SECOND,
      sameSecondLatenessP50Ms: percentile(burst, 50),
      sameSecondLatenessP99Ms: percentile(burst, 99),
    };
    reportFigures('通知投递压测 notify (one run, this machine):', 'BENCH_NOTIFY', figures);
    await worker.close();
  } finally {
    sink.close();
    await env.stop();
  }
}

runBench(main);
