/** 双进双联 rhythm: which month a dispatch reports and the month's bounds in China time. Pure: bundled into workflows. */
import { toCstDate } from '../calendar';

export interface ProgrammeMonth {
  year: number;
  month: number;
}

/** 'YYYY-MM', the way tasks record the month they were confirmed in. */
export const monthKey = ({ year, month }: ProgrammeMonth): string => `${year}-${String(month).padStart(2, '0')}`;

/** The dispatch on day D of a month reports the month before it (the last full month, China time). */
export function dispatchMonthOf(ms: number): ProgrammeMonth {
  const [y, m] = toCstDate(ms).split('-').map(Number);
  return m === 1 ? { year: y - 1, month: 12 } : { year: y, month: m - 1 };
}

/** [start, end) of the month as instants, China time (UTC+8, no daylight saving). */
export function monthBounds({ year, month }: ProgrammeMonth): { from: Date; to: Date } {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    from: new Date(`${monthKey({ year, month })}-01T00:00:00+08:00`),
    to: new Date(`${monthKey(next)}-01T00:00:00+08:00`),
  };
}

/** Refusal text for a month outside 1–12 or a year outside 2000–2100; null when valid. */
export function programmeMonthRefusal(p: Partial<ProgrammeMonth>): string | null {
  if (!Number.isInteger(p.year) || (p.year as number) < 2000 || (p.year as number) > 2100)
    return '年度须为 2000–2100 之间的整数';
  if (!Number.isInteger(p.month) || (p.month as number) < 1 || (p.month as number) > 12) return '月份须为 1–12 的整数';
  return null;
}

/** Confirmed towards targets (each kind capped at its target) over the sum of targets, to 3 decimals. */
export function completionShare(kinds: Record<string, { target: number; confirmed: number }>): number {
  const values = Object.values(kinds);
  const targetSum = values.reduce((s, k) => s + k.target, 0);
  const done = values.reduce((s, k) => s + Math.min(k.confirmed, k.target), 0);
  return targetSum ? Math.round((done / targetSum) * 1000) / 1000 : 0;
}
