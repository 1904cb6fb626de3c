import { z } from 'zod';

const uuid = z.uuid('必须是有效的 ID');
// Shape only; whether the day exists (2026-02-30) is the calendar module's check, answered as CALENDAR_INVALID.
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');
const days = z.array(day).max(400);
const clock = z.string().regex(/^\d{2}:\d{2}$/, '时间格式为 HH:MM');
const note = z.string().trim().min(1).max(200).optional();

export const districtQuerySchema = z.object({ districtId: uuid.optional() });
export type DistrictQuery = z.infer<typeof districtQuerySchema>;

export const createCalendarVersionSchema = z.object({
  districtId: uuid.optional(),
  weekendDays: z.array(z.number().int().min(0).max(6)).max(6).optional(),
  holidays: days,
  makeUpWorkdays: days,
  removedHolidays: days.optional(),
  removedMakeUpWorkdays: days.optional(),
  workingHours: z
    .array(z.object({ start: clock, end: clock }))
    .min(1)
    .max(6)
    .optional(),
  note,
});
export type CreateCalendarVersionDto = z.infer<typeof createCalendarVersionSchema>;

export const importFestivalsSchema = z.object({
  districtId: uuid.optional(),
  year: z.number().int().min(2000).max(2100),
  festivals: z
    .array(z.object({ name: z.string().trim().min(1).max(20), off: days.min(1), makeUp: days.default([]) }))
    .min(1)
    .max(20),
  note,
});
export type ImportFestivalsDto = z.infer<typeof importFestivalsSchema>;

export const deadlineQuerySchema = z
  .object({
    start: z.iso.datetime({ offset: true, message: '起算时间须为带时区的 ISO 8601 时间' }),
    unit: z.enum(['minutes', 'hours', 'workingHours', 'workingDays']),
    amount: z.coerce.number().positive('时长必须大于 0').max(100_000),
    districtId: uuid.optional(),
  })
  .refine((q) => q.unit !== 'workingDays' || Number.isInteger(q.amount), {
    message: '工作日数必须是整数',
    path: ['amount'],
  });
export type DeadlineQuery = z.infer<typeof deadlineQuerySchema>;

const businessCalendarSchema = z
  .object({
    weekendDays: z.array(z.number().int()).readonly(),
    holidays: z.array(z.string()).readonly(),
    makeUpWorkdays: z.array(z.string()).readonly(),
    workingHours: z.array(z.object({ start: z.string(), end: z.string() }).readonly()).readonly(),
    publishedThroughYear: z.number().int().optional(),
  })
  .readonly();
const versionsSchema = z.object({ base: z.number().int(), district: z.number().int().optional() });
export const effectiveCalendarSchema = z.object({ calendar: businessCalendarSchema, versions: versionsSchema });
export const calendarVersionSchema = z.object({
  id: z.string(),
  scopeUnitId: z.string().nullable(),
  version: z.number().int(),
  data: z.unknown().describe('整版日历（全国基础日历）或区级调整'),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});
export const calendarVersionListSchema = z.array(calendarVersionSchema);
export const deadlineSchema = z.object({
  start: z.string(),
  limit: z.object({ unit: z.enum(['minutes', 'hours', 'workingHours', 'workingDays']), amount: z.number() }),
  deadline: z.string(),
  deadlineCst: z.string(),
  versions: versionsSchema,
  publishedThroughYear: z.number().int().nullable(),
  provisional: z.boolean(),
  note: z.string().optional(),
});
