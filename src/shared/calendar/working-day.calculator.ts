import type { BusinessCalendar } from './calendar.types';
import { MS_PER_MINUTE, cstDayOf, dayStartMs, formatDay, parseClock, parseDate, weekdayOf } from './cst-time.util';

// Only a calendar that bypassed createCalendar can have no working day for ten years; fail, don't hang.
const MAX_SEARCH_DAYS = 3660;

/** A 'YYYY-MM-DD' string, or an instant in epoch ms, as the internal CST day key. */
export function dayKey(day: string | number): number {
  return typeof day === 'string' ? parseDate(day) : cstDayOf(day);
}

export function isWorkingDayKey(cal: BusinessCalendar, day: number): boolean {
  const date = formatDay(day);
  if (cal.holidays.includes(date)) return false;
  return cal.makeUpWorkdays.includes(date) || !cal.weekendDays.includes(weekdayOf(day));
}

export function nextWorkingDayKey(cal: BusinessCalendar, day: number): number {
  for (let next = day + 1; next <= day + MAX_SEARCH_DAYS; next++) {
    if (isWorkingDayKey(cal, next)) return next;
  }
  throw new Error(`no working day within ${MAX_SEARCH_DAYS} days after ${formatDay(day)}`);
}

/** A holiday on a weekday is not a working day; a make-up (调休) weekend day is. */
export function isWorkingDay(cal: BusinessCalendar, day: string | number): boolean {
  return isWorkingDayKey(cal, dayKey(day));
}

/** The first working day strictly after the given CST day, as 'YYYY-MM-DD'. */
export function nextWorkingDay(cal: BusinessCalendar, day: string | number): string {
  return formatDay(nextWorkingDayKey(cal, dayKey(day)));
}

/** The day's working periods as epoch-ms [start, end) pairs; none on a rest day. */
export function workingIntervals(cal: BusinessCalendar, day: number): Array<[number, number]> {
  if (!isWorkingDayKey(cal, day)) return [];
  const midnight = dayStartMs(day);
  return cal.workingHours.map(({ start, end }) => [
    midnight + parseClock(start) * MS_PER_MINUTE,
    midnight + parseClock(end) * MS_PER_MINUTE,
  ]);
}

export function endOfWorkingHoursMs(cal: BusinessCalendar, day: number): number {
  const last = cal.workingHours[cal.workingHours.length - 1];
  if (!last) throw new Error('calendar has no working hours');
  return dayStartMs(day) + parseClock(last.end) * MS_PER_MINUTE;
}
