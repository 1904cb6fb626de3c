import { checkYear } from './business-calendar.factory';
import type { BusinessCalendar, Limit } from './calendar.types';
import { MS_PER_DAY, cstDayOf, formatDay } from './cst-time.util';
import { computeDeadline, isRoundTheClock } from './deadline.calculator';

export const PROVISIONAL_NOTE = '跨越尚未发布节假日安排的年份，截止时间为暂定';

export const cstYearOf = (ms: number): number => +formatDay(cstDayOf(ms)).slice(0, 4);

/** Every published schedule rests on its own 元旦, so a year with no holiday at all has none published. */
export function yearsWithHolidays(holidays: readonly string[]): number[] {
  return [...new Set(holidays.map((date) => +date.slice(0, 4)))].sort((a, b) => a - b);
}

/**
 * The last year of the unbroken run that starts at the earliest published year: a schedule entered for a far year
 * (2099) says nothing about the years before it. Undefined when no year is published (a bare calendar).
 */
export function lastYearOfRun(years: Iterable<number>): number | undefined {
  const known = new Set([...years].map(checkYear));
  if (known.size === 0) return undefined;
  let last = Math.min(...known);
  while (known.has(last + 1)) last += 1;
  return last;
}

/** Stated on the calendar, or (calendars frozen before the field existed) derived from its holidays: deterministic either way. */
export function publishedThroughYearOf(cal: BusinessCalendar): number | undefined {
  return cal.publishedThroughYear ?? lastYearOfRun(yearsWithHolidays(cal.holidays));
}

/**
 * 暂定: the counting reaches a CST year whose holiday schedule the calendar does not know, so that year's holidays were
 * counted as working days. The counted days end on the deadline's day, so that day's year decides. A calendar that knows
 * no year at all (no holidays: tests, a bare default) is never provisional.
 */
export function isProvisional(cal: BusinessCalendar, deadlineMs: number): boolean {
  const through = publishedThroughYearOf(cal);
  return through !== undefined && cstYearOf(deadlineMs) > through;
}

/** Minutes and hours run round the clock and never read the calendar, unless a working-day extension moved them. */
export function isProvisionalFor(
  cal: BusinessCalendar,
  limit: Limit,
  deadlineMs: number,
  extensionWorkingDays = 0,
): boolean {
  if (isRoundTheClock(limit) && extensionWorkingDays === 0) return false;
  return isProvisional(cal, deadlineMs);
}

export function computeDeadlineWithStatus(
  cal: BusinessCalendar,
  startMs: number,
  limit: Limit,
): { deadlineMs: number; provisional: boolean } {
  const deadlineMs = computeDeadline(cal, startMs, limit);
  return { deadlineMs, provisional: isProvisionalFor(cal, limit, deadlineMs) };
}

/** The calendar with its last published year stated, from the years known to be published; nobody downstream derives it. */
export function withPublishedThroughYear(cal: BusinessCalendar, publishedYears: Iterable<number>): BusinessCalendar {
  const through = lastYearOfRun(publishedYears);
  const { publishedThroughYear: _previous, ...rest } = cal;
  return through === undefined ? rest : { ...rest, publishedThroughYear: through };
}

/**
 * Supervisors are reminded to enter next year's schedule from 1 November, once a week (weeks counted from that
 * 1 November), and on into the new year while it is still missing. Null when nothing is missing.
 */
export function scheduleReminderDue(
  publishedThroughYear: number | undefined,
  nowMs: number,
): { year: number; week: number } | null {
  const today = cstDayOf(nowMs);
  const [year, month] = formatDay(today).split('-').map(Number);
  const needed = month >= 11 ? year + 1 : year;
  if (publishedThroughYear === undefined || publishedThroughYear >= needed) return null;
  const seasonStart = Date.UTC(needed - 1, 10, 1) / MS_PER_DAY;
  return { year: needed, week: Math.floor((today - seasonStart) / 7) + 1 };
}
