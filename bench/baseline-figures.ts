import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Queue, Worker as QueueWorker } from 'bullmq';
import { redisConnectionOptions } from '../src/infra/redis/redis-connection';
import { inParallel, percentile } from './bench-stack';

const WORKFLOWS = Number(process.env.BENCH_WORKFLOWS ?? 2_000);
const TIMERS = Number(process.env.BENCH_TIMERS ?? 2_000);
const JOBS = Number(process.env.BENCH_JOBS ?? 20_000);

/**
 * Bare Temporal on this server, one size after another with one worker: no-op workflows started and completed per
 * second, and the lateness of timers due within one minute (resume time minus due time). Figures are keyed by size.
 */
export async function temporalFigures(
  address: string,
  sizes: { workflows: number[]; timers: number[] } = { workflows: [WORKFLOWS], timers: [TIMERS] },
) {
  const taskQueue = `bench-${randomUUID()}`;
  const connection = await NativeConnection.connect({ address });
  const client = new Client({ connection: await Connection.connect({ address }) });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: require.resolve('./workflows'),
    maxConcurrentWorkflowTaskExecutions: 200,
    maxCachedWorkflows: 4_000,
  });
  return worker.runUntil(async () => {
    const workflowsPerSecond: Record<number, number> = {};
    for (const n of sizes.workflows) {
      const started = performance.now();
      await inParallel([...Array(n).keys()], 100, (i) =>
        client.workflow.execute('noopWorkflow', { workflowId: `noop-${taskQueue}-${n}-${i}`, taskQueue }),
      );
      workflowsPerSecond[n] = round(n / ((performance.now() - started) / 1000));
    }
    const timerLateness: Record<number, { p50Ms: number; p99Ms: number }> = {};
    for (const n of sizes.timers) {
      const windowStart = Date.now() + 15_000;
      const dueTimes = Array.from({ length: n }, (_, i) => windowStart + Math.floor((i * 60_000) / n));
      const handles = await inParallel(dueTimes, 100, (dueAt) =>
        client.workflow
          .start('timerWorkflow', {
            workflowId: `timer-${taskQueue}-${dueAt}-${randomUUID()}`,
            taskQueue,
            args: [dueAt],
          })
          .then((h) => ({ h, dueAt })),
      );
      const lateness = (
        await inParallel(handles, 200, async ({ h, dueAt }) => ((await h.result()) as number) - dueAt)
      ).sort((a, b) => a - b);
      timerLateness[n] = { p50Ms: percentile(lateness, 50), p99Ms: percentile(lateness, 99) };
    }
    const [w, t] = [sizes.workflows.at(-1) as number, sizes.timers.at(-1) as number];
    return {
      temporalWorkflowsPerSecond: workflowsPerSecond[w],
      temporalWorkflows: w,
      timerLatenessP50Ms: timerLateness[t].p50Ms,
      timerLatenessP99Ms: timerLateness[t].p99Ms,
      timers: t,
      workflowsPerSecond,
      timerLateness,
    };
  });
}

export async function bullmqFigures(redisUrl: string, jobs = JOBS) {
  const connection = redisConnectionOptions(redisUrl);
  const prefix = `bench-${randomUUID()}`;
  const queue = new Queue('noop', { connection, prefix });
  let done = 0;
  let finished!: () => void;
  const allDone = new Promise<void>((r) => {
    finished = r;
  });
  const worker = new QueueWorker('noop', async () => undefined, {
    connection,
    prefix,
    concurrency: 100,
    autorun: false,
  });
  worker.on('completed', () => {
    if (++done === jobs) finished();
  });
  const started = performance.now();
  void worker.run();
  for (let i = 0; i < jobs; i += 1_000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1_000, jobs - i) }, (_, k) => ({
        name: 'noop',
        data: { i: i + k },
        opts: { removeOnComplete: true },
      })),
    );
  }
  await allDone;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { bullmqJobsPerSecond: round(jobs / seconds), bullmqJobs: jobs };
}

const round = (n: number) => Math.round(n * 10) / 10;
