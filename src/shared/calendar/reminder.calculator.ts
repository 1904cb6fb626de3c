import type { BusinessCalendar, Limit } from './calendar.types';
import { assertInstant } from './cst-time.util';
import { isRoundTheClock } from './deadline.calculator';
import { addWorkingMs, workingMsBetween } from './working-time.calculator';

/** Wall-clock share of the budget used at `nowMs`: 0 before the start, above 1 once overdue. */
export function fractionElapsed(startMs: number, deadlineMs: number, nowMs: number): number {
  checkSpan(startMs, deadlineMs);
  assertInstant(nowMs, 'now');
  if (deadlineMs === startMs) return nowMs >= startMs ? 1 : 0;
  return Math.max(0, (nowMs - startMs) / (deadlineMs - startMs));
}

/** Wall-clock points at the given fractions of the budget; right for round-the-clock limits. */
export function reminderTimes(startMs: number, deadlineMs: number, fractions: readonly number[]): number[] {
  checkSpan(startMs, deadlineMs);
  return checkFractions(fractions).map((f) => Math.round(startMs + f * (deadlineMs - startMs)));
}

/**
 * Points at the given fractions of the working time between start and deadline, so a working-day
 * clock reminds during office hours instead of at night or over a holiday.
 */
export function workingReminderTimes(
  cal: BusinessCalendar,
  startMs: number,
  deadlineMs: number,
  fractions: readonly number[],
): number[] {
  checkSpan(startMs, deadlineMs);
  const budget = workingMsBetween(cal, startMs, deadlineMs);
  return checkFractions(fractions).map((f) => addWorkingMs(cal, startMs, Math.round(f * budget)));
}

/** The reminder points of a clock with this limit: wall-clock for round-the-clock limits, working time otherwise. */
export function reminderTimesFor(
  cal: BusinessCalendar,
  limit: Limit,
  startMs: number,
  deadlineMs: number,
  fractions: readonly number[],
): number[] {
  return isRoundTheClock(limit)
    ? reminderTimes(startMs, deadlineMs, fractions)
    : workingReminderTimes(cal, startMs, deadlineMs, fractions);
}

function checkSpan(startMs: number, deadlineMs: number): void {
  assertInstant(startMs, 'start');
  assertInstant(deadlineMs, 'deadline');
  if (deadlineMs < startMs) throw new Error(`deadline (${deadlineMs}) is before start (${startMs})`);
}

function checkFractions(fractions: readonly number[]): readonly number[] {
  const bad = fractions.find((f) => !(f >= 0 && f <= 1));
  if (bad !== undefined) throw new Error(`reminder fraction ${bad} must be between 0 and 1`);
  return fractions;
}
