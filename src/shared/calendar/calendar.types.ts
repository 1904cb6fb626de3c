/** 'HH:MM' in China Standard Time; a period never crosses midnight. */
export interface WorkingPeriod {
  readonly start: string;
  readonly end: string;
}

// Arrays rather than Sets so a calendar survives JSON: Temporal payloads, database columns, zod.
export interface BusinessCalendar {
  /** Rest weekdays, numbered like Date#getUTCDay: 0 = Sunday … 6 = Saturday. */
  readonly weekendDays: readonly number[];
  /** 'YYYY-MM-DD' days off (放假), even when they fall on a weekday. */
  readonly holidays: readonly string[];
  /** 'YYYY-MM-DD' weekend days that are worked (调休上班). */
  readonly makeUpWorkdays: readonly string[];
  readonly workingHours: readonly WorkingPeriod[];
  /**
   * The last year covered by a published holiday schedule (国务院放假安排), unbroken from the first one. Absent on
   * calendars written before it existed (replayed workflow histories): then it is derived from `holidays`.
   */
  readonly publishedThroughYear?: number;
}

/** A district's changes to a base calendar; lists add to or remove from the base's lists. */
export interface CalendarOverride {
  readonly weekendDays?: readonly number[];
  readonly holidays?: readonly string[];
  readonly makeUpWorkdays?: readonly string[];
  readonly removedHolidays?: readonly string[];
  readonly removedMakeUpWorkdays?: readonly string[];
  readonly workingHours?: readonly WorkingPeriod[];
  /** Years whose national schedule was imported into this override (the district entered it before the base had it). */
  readonly publishedYears?: readonly number[];
}

export type Limit =
  | { readonly unit: 'minutes' | 'hours'; readonly amount: number }
  | { readonly unit: 'workingDays'; readonly amount: number }
  | { readonly unit: 'workingHours'; readonly amount: number };

export interface PauseInterval {
  readonly fromMs: number;
  readonly toMs: number;
}

/** One festival of a published holiday schedule. */
export interface HolidayFestival {
  readonly name: string;
  readonly off: readonly string[];
  readonly makeUp: readonly string[];
}
