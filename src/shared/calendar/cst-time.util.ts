export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
// China has had no DST since 1991, so a fixed offset is exact and never depends on the host's zone.
const CST_OFFSET_MS = 8 * MS_PER_HOUR;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function assertInstant(ms: number, label: string): void {
  if (!Number.isFinite(ms)) throw new Error(`${label} must be finite epoch milliseconds, got ${ms}`);
}

/** A non-negative amount of some unit, in whole milliseconds. */
export function durationMs(amount: number, unitMs: number, label: string): number {
  if (!Number.isFinite(amount) || amount < 0) {
    throw new Error(`${label} must be a finite number >= 0, got ${amount}`);
  }
  return Math.round(amount * unitMs);
}

/** Days since 1970-01-01 in CST: the calendar's internal key for a day. */
export function cstDayOf(ms: number): number {
  assertInstant(ms, 'instant');
  return Math.floor((ms + CST_OFFSET_MS) / MS_PER_DAY);
}

export function dayStartMs(day: number): number {
  return day * MS_PER_DAY - CST_OFFSET_MS;
}

export function weekdayOf(day: number): number {
  // Day 0, 1970-01-01, was a Thursday; the double modulo keeps days before 1970 positive.
  return (((day + 4) % 7) + 7) % 7;
}

export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function parseDate(text: string): number {
  const match = DATE_PATTERN.exec(text);
  const day = match ? Date.UTC(+match[1], +match[2] - 1, +match[3]) / MS_PER_DAY : NaN;
  // Date.UTC rolls 2026-02-30 over into March; only a round trip proves the day exists.
  if (!Number.isFinite(day) || formatDay(day) !== text) {
    throw new Error(`malformed date "${text}": expected an existing day as YYYY-MM-DD`);
  }
  return day;
}

/** Minutes after CST midnight. */
export function parseClock(text: string): number {
  const match = CLOCK_PATTERN.exec(text);
  if (!match) throw new Error(`malformed time "${text}": expected HH:MM between 00:00 and 23:59`);
  return +match[1] * 60 + +match[2];
}

/** The CST calendar day of an instant, as 'YYYY-MM-DD'. */
export function toCstDate(ms: number): string {
  return formatDay(cstDayOf(ms));
}

/** An instant as CST 'YYYY-MM-DD HH:MM', the way deadlines are written in messages. */
export function toCstMinute(ms: number): string {
  assertInstant(ms, 'instant');
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
