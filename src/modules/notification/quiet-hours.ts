const CST_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/**
 * When a non-urgent message due at `dueMs` may go out, given quiet hours in China Standard Time
 * (e.g. 22:00–07:00 wraps midnight): inside them it waits for their end, otherwise it goes as due.
 */
export function releaseTime(dueMs: number, quietStart: string, quietEnd: string): number {
  const start = minutesOf(quietStart);
  const end = minutesOf(quietEnd);
  if (start === end) return dueMs;
  const local = dueMs + CST_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  const minute = (local - dayStart) / 60_000;
  const wraps = start > end;
  const quiet = wraps ? minute >= start || minute < end : minute >= start && minute < end;
  if (!quiet) return dueMs;
  const endToday = dayStart + end * 60_000;
  const release = wraps && minute >= start ? endToday + DAY_MS : endToday;
  return release - CST_OFFSET_MS;
}
