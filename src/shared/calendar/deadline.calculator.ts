import type { BusinessCalendar, Limit } from './calendar.types';
import { MS_PER_HOUR, MS_PER_MINUTE, assertInstant, cstDayOf, durationMs } from './cst-time.util';
import { endOfWorkingHoursMs, nextWorkingDayKey } from './working-day.calculator';
import { addWorkingMs } from './working-time.calculator';

/**
 * The day on which a period starts is not counted (Chinese administrative practice): the
 * deadline is the end of working hours on the Nth working day after the CST day of `startMs`,
 * whatever the hour of `startMs` and whether or not that day is itself a working day.
 */
export function addWorkingDays(cal: BusinessCalendar, startMs: number, days: number): number {
  assertInstant(startMs, 'start');
  // With the start day uncounted, a "0th counted day" does not exist; 0 is a configuration error.
  if (!Number.isInteger(days) || days < 1) throw new Error(`working days must be a positive integer, got ${days}`);
  let day = cstDayOf(startMs);
  for (let counted = 0; counted < days; counted++) day = nextWorkingDayKey(cal, day);
  return endOfWorkingHoursMs(cal, day);
}

/** An approved extension (延期) counts its days after the current deadline's day, like a fresh period. */
export function extendByWorkingDays(cal: BusinessCalendar, deadlineMs: number, days: number): number {
  return addWorkingDays(cal, deadlineMs, days);
}

/** One entry point for every clock; minutes and hours run round the clock and ignore the calendar. */
export function computeDeadline(cal: BusinessCalendar, startMs: number, limit: Limit): number {
  assertInstant(startMs, 'start');
  switch (limit.unit) {
    case 'minutes':
      return startMs + durationMs(limit.amount, MS_PER_MINUTE, 'minutes');
    case 'hours':
      return startMs + durationMs(limit.amount, MS_PER_HOUR, 'hours');
    case 'workingHours':
      return addWorkingMs(cal, startMs, durationMs(limit.amount, MS_PER_HOUR, 'working hours'));
    case 'workingDays':
      return addWorkingDays(cal, startMs, limit.amount);
    default:
      throw new Error(`unknown limit unit "${String((limit as { unit: unknown }).unit)}"`);
  }
}

export function isRoundTheClock(limit: Limit): boolean {
  return limit.unit === 'minutes' || limit.unit === 'hours';
}
