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

/** The month a run falls in (China time): an inspection round opens in its own month. */
export function currentMonthOf(ms: number): ProgrammeMonth {
  const [year, month] = toCstDate(ms).split('-').map(Number);
  return { year, month };
}

const DAY_MS = 86_400_000;

/** 半年督查 and 约谈 timings in days, as the programme policy sets them. */
export interface InspectionTiming {
  /** A round is open this long. */
  roundDays: number;
  /** Inspectors with open items are reminded this long before the round closes. */
  inspectorReminderDays: number;
  /** An interview is held this long after the round closes. */
  interviewAfterDays: number;
  /** The agency and the supervisor are reminded this long before the interview. */
  interviewReminderDays: number;
}

/** The timings before they were settings (policy versions without them keep these). */
export const DEFAULT_INSPECTION_TIMING: Readonly<InspectionTiming> = {
  roundDays: 15,
  inspectorReminderDays: 3,
  interviewAfterDays: 5,
  interviewReminderDays: 1,
};
export const INSPECTION_REMINDER_LEAD_MS = DEFAULT_INSPECTION_TIMING.inspectorReminderDays * DAY_MS;
export const INTERVIEW_REMINDER_LEAD_MS = DEFAULT_INSPECTION_TIMING.interviewReminderDays * DAY_MS;

/** A policy version's timings in ms; a version saved before they were settings has the defaults. */
export function inspectionTimingMs(timing: InspectionTiming | undefined) {
  const t = timing ?? DEFAULT_INSPECTION_TIMING;
  return {
    windowMs: t.roundDays * DAY_MS,
    inspectorReminderLeadMs: t.inspectorReminderDays * DAY_MS,
    interviewAfterMs: t.interviewAfterDays * DAY_MS,
    interviewReminderLeadMs: t.interviewReminderDays * DAY_MS,
  };
}

/** What inspectors check at every agency. */
export const INSPECTION_CHECKLIST = [
  '结对共建落实情况',
  '在职党员报到与服务',
  '"五个一"任务进度',
  '微心愿与志愿服务',
  '工作台账与佐证材料',
] as const;

/**
 * Why an agency is called to an interview at a round's close, or null: below `behindShare` of its year-to-date targets
 * (the year's targets × month / 12), or at least `overdueTasks` tasks overdue.
 */
export function interviewReason(
  kinds: Record<string, { target: number; confirmed: number }>,
  month: number,
  overdue: number,
  thresholds: { behindShare: number; overdueTasks: number },
): string | null {
  const values = Object.values(kinds);
  const due = values.reduce((s, k) => s + k.target, 0) * (month / 12);
  const done = values.reduce((s, k) => s + Math.min(k.confirmed, k.target), 0);
  const reasons: string[] = [];
  if (due > 0 && done / due < thresholds.behindShare)
    reasons.push(
      `"五个一"任务完成 ${done} 项，低于截至 ${month} 月应完成量的 ${Math.round(thresholds.behindShare * 100)}%`,
    );
  if (overdue >= thresholds.overdueTasks) reasons.push(`逾期任务 ${overdue} 项`);
  return reasons.length ? reasons.join('；') : null;
}
