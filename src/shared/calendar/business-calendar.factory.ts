import type { BusinessCalendar, CalendarOverride, WorkingPeriod } from './calendar.types';
import { parseClock, parseDate } from './cst-time.util';

export const DEFAULT_WEEKEND_DAYS: readonly number[] = [0, 6];
export const DEFAULT_WORKING_HOURS: readonly WorkingPeriod[] = [
  { start: '08:30', end: '12:00' },
  { start: '14:00', end: '17:30' },
];

/** Fills defaults and validates; every calendar from outside should pass through here. */
export function createCalendar(input: Partial<BusinessCalendar> = {}): BusinessCalendar {
  const calendar: BusinessCalendar = {
    weekendDays: checkWeekendDays(input.weekendDays ?? DEFAULT_WEEKEND_DAYS),
    holidays: normaliseDates(input.holidays ?? []),
    makeUpWorkdays: normaliseDates(input.makeUpWorkdays ?? []),
    workingHours: checkWorkingHours(input.workingHours ?? DEFAULT_WORKING_HOURS),
    ...(input.publishedThroughYear === undefined
      ? {}
      : { publishedThroughYear: checkYear(input.publishedThroughYear) }),
  };
  const clash = calendar.holidays.find((date) => calendar.makeUpWorkdays.includes(date));
  if (clash) throw new Error(`${clash} cannot be both a holiday and a make-up workday`);
  return calendar;
}

// The override is the more specific layer, so a date it names wins over the base's opposite entry.
export function mergeCalendars(base: BusinessCalendar, override: CalendarOverride): BusinessCalendar {
  const addedHolidays = normaliseDates(override.holidays ?? []);
  const addedMakeUps = normaliseDates(override.makeUpWorkdays ?? []);
  const removedHolidays = normaliseDates(override.removedHolidays ?? []);
  const removedMakeUps = normaliseDates(override.removedMakeUpWorkdays ?? []);
  const without = (dates: readonly string[], drop: readonly string[]) => dates.filter((d) => !drop.includes(d));
  return createCalendar({
    weekendDays: override.weekendDays ?? base.weekendDays,
    workingHours: override.workingHours ?? base.workingHours,
    holidays: [...without(base.holidays, [...removedHolidays, ...addedMakeUps]), ...addedHolidays],
    makeUpWorkdays: [...without(base.makeUpWorkdays, [...removedMakeUps, ...addedHolidays]), ...addedMakeUps],
  });
}

export function checkWorkingHours(periods: readonly WorkingPeriod[]): WorkingPeriod[] {
  if (periods.length === 0) throw new Error('working hours must contain at least one period');
  let previousEnd = -1;
  for (const { start, end } of periods) {
    const from = parseClock(start);
    const to = parseClock(end);
    if (from >= to) throw new Error(`working period ${start}-${end} must end after it starts`);
    if (from < previousEnd) throw new Error(`working period ${start}-${end} overlaps or precedes the one before`);
    previousEnd = to;
  }
  return periods.map(({ start, end }) => ({ start, end }));
}

function checkWeekendDays(days: readonly number[]): number[] {
  const unique = [...new Set(days)].sort((a, b) => a - b);
  const bad = unique.find((day) => !Number.isInteger(day) || day < 0 || day > 6);
  if (bad !== undefined) throw new Error(`weekend day ${bad} must be an integer from 0 (Sunday) to 6 (Saturday)`);
  // A week without a weekday would make every search for the next working day endless.
  if (unique.length === 7) throw new Error('weekend days cannot cover the whole week');
  return unique;
}

export function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 1949 || year > 9999)
    throw new Error(`year ${year} must be an integer from 1949 to 9999`);
  return year;
}

function normaliseDates(dates: readonly string[]): string[] {
  for (const date of dates) parseDate(date);
  return [...new Set(dates)].sort();
}
