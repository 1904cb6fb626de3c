import { createCalendar, mergeCalendars } from './business-calendar.factory';
import type { BusinessCalendar, CalendarOverride, HolidayFestival } from './calendar.types';

export function festivalsToOverride(festivals: readonly HolidayFestival[]): CalendarOverride {
  return {
    holidays: festivals.flatMap((festival) => festival.off),
    makeUpWorkdays: festivals.flatMap((festival) => festival.makeUp),
  };
}

/** A published schedule layered on a base calendar (by default: weekends and default hours). */
export function calendarFromFestivals(
  festivals: readonly HolidayFestival[],
  base: BusinessCalendar = createCalendar(),
): BusinessCalendar {
  return mergeCalendars(base, festivalsToOverride(festivals));
}
