import { checkWorkingHours } from './business-calendar.factory';
import type { BusinessCalendar } from './calendar.types';
import { MS_PER_MINUTE, assertInstant, cstDayOf, durationMs } from './cst-time.util';
import { isWorkingDayKey, nextWorkingDayKey, workingIntervals } from './working-day.calculator';

/** The instant at which `ms` of working time, counted from `fromMs`, is used up. */
export function addWorkingMs(cal: BusinessCalendar, fromMs: number, ms: number): number {
  assertInstant(fromMs, 'start');
  // Zero-length or missing periods would make the loop below spin forever.
  checkWorkingHours(cal.workingHours);
  if (ms === 0) return fromMs;
  let remaining = ms;
  let day = cstDayOf(fromMs);
  if (!isWorkingDayKey(cal, day)) day = nextWorkingDayKey(cal, day);
  for (; ; day = nextWorkingDayKey(cal, day)) {
    for (const [start, end] of workingIntervals(cal, day)) {
      const from = Math.max(start, fromMs);
      if (from >= end) continue;
      // `<=` so a budget that ends exactly at a period's end lands there, not at the next start.
      if (remaining <= end - from) return from + remaining;
      remaining -= end - from;
    }
  }
}

export function workingMsBetween(cal: BusinessCalendar, fromMs: number, toMs: number): number {
  assertInstant(fromMs, 'from');
  assertInstant(toMs, 'to');
  if (toMs < fromMs) throw new Error(`interval ends (${toMs}) before it starts (${fromMs})`);
  let total = 0;
  for (let day = cstDayOf(fromMs); day <= cstDayOf(toMs); day++) {
    for (const [start, end] of workingIntervals(cal, day)) {
      total += Math.max(0, Math.min(end, toMs) - Math.max(start, fromMs));
    }
  }
  return total;
}

/** Counts only minutes inside working hours of working days. */
export function addWorkingMinutes(cal: BusinessCalendar, fromMs: number, minutes: number): number {
  return addWorkingMs(cal, fromMs, durationMs(minutes, MS_PER_MINUTE, 'minutes'));
}

export function workingMinutesBetween(cal: BusinessCalendar, fromMs: number, toMs: number): number {
  return workingMsBetween(cal, fromMs, toMs) / MS_PER_MINUTE;
}
