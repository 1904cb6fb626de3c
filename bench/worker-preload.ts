import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/**
 * Loaded with -r into each bench worker process: counts its round trips and writes them, with the process's memory,
 * where the bench reads them. The SDK's workflow threads inherit -r as well: they run no activities, and must neither
 * load the services nor overwrite the main thread's figures with their own zeros.
 */
async function install(out: string): Promise<void> {
  const [{ NotificationService }, { RequestCaseProgressService }, { countRoundTrips, roundTripTallies }] =
    await Promise.all([
      import('../src/modules/notification/notification.service'),
      import('../src/modules/request-case/request-case-progress.service'),
      import('./round-trips'),
    ]);
  countRoundTrips('escalation', RequestCaseProgressService.prototype, 'escalate');
  countRoundTrips(
    'notifyRecipient',
    NotificationService.prototype,
    'notify',
    (r) => (r as { created: number }).created,
  );
  setInterval(() => {
    writeFileSync(out, JSON.stringify(roundTripTallies()));
    writeFileSync(`${out}.memory`, JSON.stringify(process.memoryUsage()));
  }, 1_000).unref();
}

const out = process.env.BENCH_ROUND_TRIPS_FILE;
if (out && isMainThread) void install(out);
