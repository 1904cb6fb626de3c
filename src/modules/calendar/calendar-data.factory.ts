import {
  BusinessCalendar,
  CalendarOverride,
  HolidayFestival,
  WorkingPeriod,
  checkYear,
  createCalendar,
  festivalsToOverride,
  mergeCalendars,
} from '../../shared/calendar';

/** What a supervisor sends for a new version: the whole content of that scope's version. */
export interface CalendarVersionInput {
  weekendDays?: readonly number[];
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
  removedHolidays?: readonly string[];
  removedMakeUpWorkdays?: readonly string[];
  workingHours?: readonly WorkingPeriod[];
  /** Years whose national schedule the district imported; carried from version to version. */
  publishedYears?: readonly number[];
}

const sorted = (dates: readonly string[] = []) => [...new Set(dates)].sort();
const without = (dates: readonly string[] = [], drop: readonly string[]) => dates.filter((d) => !drop.includes(d));

/** A base version is a whole calendar. Throws (with the reason) on invalid input. */
export function baseCalendarData(input: CalendarVersionInput): BusinessCalendar {
  if (input.removedHolidays?.length || input.removedMakeUpWorkdays?.length) {
    throw new Error(
      '全国基础日历没有上级日历可删除日期：请直接给出完整的放假和调休上班日期（removedHolidays/removedMakeUpWorkdays 仅用于区级调整）',
    );
  }
  return createCalendar({
    weekendDays: input.weekendDays,
    holidays: input.holidays,
    makeUpWorkdays: input.makeUpWorkdays,
    workingHours: input.workingHours,
  });
}

/** A district version is an override, checked by merging it over the base it will be applied to. Throws on invalid input. */
export function districtOverrideData(base: BusinessCalendar, input: CalendarVersionInput): CalendarOverride {
  const override = normaliseOverride(input);
  const contradiction =
    override.holidays?.find((d) => override.removedHolidays?.includes(d)) ??
    override.makeUpWorkdays?.find((d) => override.removedMakeUpWorkdays?.includes(d));
  if (contradiction) throw new Error(`${contradiction} 不能在同一调整中既添加又删除`);
  mergeCalendars(base, override);
  return override;
}

/** A published schedule (国办, each November) layered on a base version, earlier years kept. Throws on invalid input. */
export function appendFestivalsToBase(
  base: BusinessCalendar,
  year: number,
  festivals: readonly HolidayFestival[],
): BusinessCalendar {
  checkFestivals(year, festivals);
  return mergeCalendars(base, festivalsToOverride(festivals));
}

/** The same for a district override: an imported date also leaves the override's opposite lists. Validate the result with districtOverrideData. */
export function appendFestivalsToOverride(
  override: CalendarOverride,
  year: number,
  festivals: readonly HolidayFestival[],
): CalendarVersionInput {
  checkFestivals(year, festivals);
  const off = festivals.flatMap((f) => f.off);
  const makeUp = festivals.flatMap((f) => f.makeUp);
  return {
    ...override,
    holidays: [...without(override.holidays, makeUp), ...off],
    makeUpWorkdays: [...without(override.makeUpWorkdays, off), ...makeUp],
    removedHolidays: without(override.removedHolidays, off),
    removedMakeUpWorkdays: without(override.removedMakeUpWorkdays, makeUp),
    publishedYears: [...(override.publishedYears ?? []), year],
  };
}

/** Sorted, deduplicated lists; removal lists and replacements only when present. */
function normaliseOverride(input: CalendarVersionInput): CalendarOverride {
  const { weekendDays, removedHolidays, removedMakeUpWorkdays, workingHours, publishedYears } = input;
  return {
    ...(weekendDays ? { weekendDays: [...new Set(weekendDays)].sort((a, b) => a - b) } : {}),
    holidays: sorted(input.holidays),
    makeUpWorkdays: sorted(input.makeUpWorkdays),
    ...(removedHolidays?.length ? { removedHolidays: sorted(removedHolidays) } : {}),
    ...(removedMakeUpWorkdays?.length ? { removedMakeUpWorkdays: sorted(removedMakeUpWorkdays) } : {}),
    ...(workingHours ? { workingHours: workingHours.map(({ start, end }) => ({ start, end })) } : {}),
    ...(publishedYears?.length
      ? { publishedYears: [...new Set(publishedYears.map(checkYear))].sort((a, b) => a - b) }
      : {}),
  };
}

// A schedule may reach into the December before its year (元旦 bridges), never elsewhere.
function checkFestivals(year: number, festivals: readonly HolidayFestival[]): void {
  for (const festival of festivals) {
    createCalendar({ holidays: festival.off, makeUpWorkdays: festival.makeUp });
    const stray = [...festival.off, ...festival.makeUp].find(
      (d) => !d.startsWith(`${year}-`) && !d.startsWith(`${year - 1}-12-`),
    );
    if (stray) throw new Error(`「${festival.name}」的日期 ${stray} 不属于 ${year} 年的放假安排`);
  }
}
