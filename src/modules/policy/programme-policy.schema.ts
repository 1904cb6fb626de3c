import { z } from 'zod';
import { EVIDENCE_ITEMS, PROGRAMME_TASK_KINDS } from '../../shared/process/programme-kinds';
import { limitSchema } from './request-loop-policy.schema';

const target = z
  .number({ message: '年度目标须为数字' })
  .int('年度目标须为整数')
  .positive('年度目标必须大于 0')
  .max(100, '年度目标最多 100');

const evidence = z
  .array(z.enum(EVIDENCE_ITEMS))
  .min(1, '每类任务至少要求一项完成材料')
  .refine((items) => new Set(items).size === items.length, '完成材料不能重复');

const fractionsSchema = z
  .array(z.number().gt(0, '提醒点必须大于 0').lt(1, '提醒点必须小于 1'))
  .refine((f) => f.every((x, i) => i === 0 || x > f[i - 1]), '提醒点必须严格递增');

const days = (label: string) =>
  z
    .number({ message: `${label}须为数字` })
    .int(`${label}须为整数天`)
    .positive(`${label}必须大于 0 天`)
    .max(90, `${label}最多 90 天`);

const inspectionTimingSchema = z
  .object({
    roundDays: days('督查期限'),
    inspectorReminderDays: days('督查提醒提前天数'),
    interviewAfterDays: days('约谈时间（督查结束后）'),
    interviewReminderDays: days('约谈提醒提前天数'),
  })
  .refine((t) => t.inspectorReminderDays < t.roundDays, {
    message: '督查提醒须早于督查截止',
    path: ['inspectorReminderDays'],
  })
  .refine((t) => t.interviewReminderDays <= t.interviewAfterDays, {
    message: '约谈提醒不能早于督查结束',
    path: ['interviewReminderDays'],
  });

const byKind = <T extends z.ZodType>(schema: T) =>
  z.object(
    Object.fromEntries(PROGRAMME_TASK_KINDS.map((k) => [k, schema])) as Record<
      (typeof PROGRAMME_TASK_KINDS)[number],
      T
    >,
  );

/** 双进双联: yearly "五个一" targets per agency, evidence per kind, task clocks and the programme's rhythm. */
export const programmePolicySchema = z.object({
  /** Yearly target count per agency for each quota kind. */
  targets: byKind(target),
  /** What a completion report must carry, per kind. */
  evidence: byKind(evidence),
  /** A task without a due date of its own is due this long after it is assigned. */
  taskLimit: limitSchema,
  /** Reminders to the members and the agency's party secretary at these fractions of a task's time. */
  reminderFractions: fractionsSchema,
  /** A lapsed task gets a follow-up deadline this long after the lapse; missing it climbs one escalation level. */
  followUpLimit: limitSchema,
  /** Levels a task climbs at most (1: the lapse itself; each missed follow-up one more). */
  maxEscalations: z.number().int('升级级数须为整数').min(1, '至少升级 1 级').max(3, '最多升级 3 级'),
  /** 每月调度: the day of the month the dispatch report runs. */
  monthlyDispatchDay: z.number().int('调度日须为整数').min(1, '调度日为每月 1–28 日').max(28, '调度日为每月 1–28 日'),
  /** 半年督查: the months (1–12) an inspection round opens. */
  inspectionMonths: z
    .array(z.number().int().min(1, '督查月份为 1–12').max(12, '督查月份为 1–12'))
    .min(1, '至少设置一个督查月份')
    .refine((m) => m.every((x, i) => i === 0 || x > m[i - 1]), '督查月份必须严格递增'),
  /** 约谈提醒 thresholds. */
  interview: z.object({
    /** At an inspection, an agency below this share of its year-to-date targets is called to an interview. */
    behindShare: z.number().gt(0, '落后比例必须大于 0').max(1, '落后比例不能超过 1'),
    /** An agency with this many tasks overdue at once is called to an interview. */
    overdueTasks: z.number().int().positive('超期任务数阈值必须大于 0'),
  }),
  /** 督查与约谈的时间安排 (days); versions saved before it existed keep DEFAULT_INSPECTION_TIMING. */
  inspectionTiming: inspectionTimingSchema.optional(),
  /** 受益方评价 of confirmed tasks; versions saved before it existed keep DEFAULT_TASK_RATING. */
  taskRating: z
    .object({
      /** The beneficiary's rating is taken within this many days of the confirmation. */
      windowDays: days('评价期限'),
      /** A rating of this many stars or fewer is low: recorded as such, and the agency and the district are told. */
      lowStars: z.number().int('差评星级须为整数').min(1, '差评星级为 1–4').max(4, '差评星级为 1–4'),
    })
    .optional(),
});

export type ProgrammePolicy = z.infer<typeof programmePolicySchema>;
