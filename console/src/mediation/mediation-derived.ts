import dayjs from 'dayjs';
import { JUDICIAL_CONFIRMATION_DAYS } from '../../../src/modules/mediation/mediation-agreement-document';
import { CHINA_ZONE } from '../lib/time';
import type { DisputeDetail } from './mediation-api';

const DAY_MS = 86_400_000;
const isDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);
// Calendar dates (China time) counted as whole UTC days: no zone or daylight-saving arithmetic can shift them.
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const todayInChina = (): string => dayjs().tz(CHINA_ZONE).format('YYYY-MM-DD');

/** `2026-12-30` → `2026年12月30日`. */
export const chineseDate = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

interface IntakeData {
  input?: { judicialConfirmationDays?: number; slots?: { key: string; candidates?: string[] }[] };
}
const intakeOf = (d: DisputeDetail): IntakeData =>
  (d.timeline.find((e) => e.kind === 'INTAKE')?.data ?? {}) as IntakeData;

/**
 * 《人民调解法》第三十三条: the parties may jointly apply within N days (the dispute's policy; 30 by the law) of the
 * agreement taking effect. The day it takes effect is not counted (民法典第二百零一条), so the last day is N days later.
 */
export function judicialWindow(d: DisputeDetail): { days: number; lastDay: string; daysLeft: number } | null {
  const effectiveOn = d.agreement?.effectiveOn;
  if (!isDate(effectiveOn)) return null;
  const days = intakeOf(d).input?.judicialConfirmationDays ?? JUDICIAL_CONFIRMATION_DAYS;
  const last = dayNumber(effectiveOn) + days;
  return { days, lastDay: dateOf(last), daysLeft: last - dayNumber(todayInChina()) };
}

/** Everyone already on a slot's list: named or drawn at intake, or added since (the process skips them if named again). */
export function slotCandidates(d: DisputeDetail, slotKey: string): Set<string> {
  const known = new Set(intakeOf(d).input?.slots?.find((s) => s.key === slotKey)?.candidates ?? []);
  for (const e of d.timeline) {
    const data = e.data as { slotKey?: string; personIds?: string[] } | undefined;
    if (e.kind === 'CANDIDATES_ADDED' && data?.slotKey === slotKey) data.personIds?.forEach((id) => known.add(id));
  }
  for (const i of d.invitations) if (i.slotKey === slotKey) known.add(i.personId);
  return known;
}
