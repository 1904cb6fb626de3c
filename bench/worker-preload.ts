import { writeFileSync } from 'node:fs';
import { NotificationService } from '../src/modules/notification/notification.service';
import { RequestCaseProgressService } from '../src/modules/request-case/request-case-progress.service';
import { countRoundTrips, roundTripTallies } from './round-trips';

// Loaded with -r into each bench worker process: counts its round trips and writes them where the bench reads them.
const out = process.env.BENCH_ROUND_TRIPS_FILE;
if (out) {
  countRoundTrips('escalation', RequestCaseProgressService.prototype, 'escalate');
  countRoundTrips(
    'notifyRecipient',
    NotificationService.prototype,
    'notify',
    (r) => (r as { created: number }).created,
  );
  setInterval(() => writeFileSync(out, JSON.stringify(roundTripTallies())), 1_000).unref();
}
