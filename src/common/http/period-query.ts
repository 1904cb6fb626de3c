import { z } from 'zod';

const MAX_PERIOD_MS = 366 * 24 * 3_600_000;
const instant = (label: string) => z.iso.datetime({ offset: true, message: `${label}须为带时区的 ISO 8601 时间` });

/** `from` / `to` of a reporting period; pair with `checkPeriod` in the schema's superRefine. */
export const periodFields = { from: instant('起始时间'), to: instant('截止时间') };

/** A period runs forward and spans at most 366 days. */
export function checkPeriod(q: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const span = Date.parse(q.to) - Date.parse(q.from);
  if (span <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: '截止时间必须晚于起始时间' });
  else if (span > MAX_PERIOD_MS) ctx.addIssue({ code: 'custom', path: ['to'], message: '统计区间最长 366 天' });
}
