import type { BusinessCalendar, Limit, PauseInterval } from './calendar.types';
import { assertInstant, cstDayOf, dayStartMs } from './cst-time.util';
import { computeDeadline, extendByWorkingDays, isRoundTheClock } from './deadline.calculator';
import { addWorkingMs, workingMsBetween } from './working-time.calculator';

/**
 * Recomputes a clock's deadline from scratch: start + limit, then approved extensions, then each
 * pause (in time order) gives back the time it consumed, in the clock's own currency:
 * - minutes/hours clocks run round the clock, so the deadline moves by the paused wall time;
 * - workingHours/workingDays clocks move by the working time inside the pause, re-added with
 *   working-time arithmetic: a pause over whole working days moves the deadline by exactly those
 *   days, a pause outside working hours moves nothing. A workingDays clock ignores pauses on the
 *   acceptance day, because that day is not counted.
 * A pause that starts at or after the deadline moved so far is ignored: the clock had lapsed.
 * Extensions come before pauses so that a pause inside the extended period still counts.
 * An open pause has no deadline; pass its end once the resident answers.
 */
export function deadlineWithPauses(
  cal: BusinessCalendar,
  startMs: number,
  limit: Limit,
  pauses: readonly PauseInterval[],
  extensionWorkingDays = 0,
): number {
  let deadline = computeDeadline(cal, startMs, limit);
  if (extensionWorkingDays !== 0) deadline = extendByWorkingDays(cal, deadline, extensionWorkingDays);
  const countFrom = limit.unit === 'workingDays' ? dayStartMs(cstDayOf(startMs) + 1) : startMs;
  for (const pause of mergePauses(pauses)) {
    if (pause.fromMs >= deadline) break;
    const from = Math.max(pause.fromMs, countFrom);
    if (pause.toMs <= from) continue;
    deadline = isRoundTheClock(limit)
      ? deadline + (pause.toMs - from)
      : addWorkingMs(cal, deadline, workingMsBetween(cal, from, pause.toMs));
  }
  return deadline;
}

// Overlapping pauses must not give the same time back twice.
function mergePauses(pauses: readonly PauseInterval[]): PauseInterval[] {
  const sorted = [...pauses].sort((a, b) => a.fromMs - b.fromMs);
  const merged: PauseInterval[] = [];
  for (const { fromMs, toMs } of sorted) {
    assertInstant(fromMs, 'pause start');
    assertInstant(toMs, 'pause end');
    if (toMs < fromMs) throw new Error(`pause ends (${toMs}) before it starts (${fromMs})`);
    const last = merged[merged.length - 1];
    if (last && fromMs <= last.toMs)
      merged[merged.length - 1] = { fromMs: last.fromMs, toMs: Math.max(last.toMs, toMs) };
    else merged.push({ fromMs, toMs });
  }
  return merged;
}
