import { z } from 'zod';
import { Role } from '../../generated/prisma/enums';
import type { Limit } from '../../shared/calendar';

/** The escalation ladder from the domain, bottom to top: 网格员 → 社区 → 街道部门 → 区督办. */
export const ESCALATION_LEVELS = ['GRID_WORKER', 'COMMUNITY', 'STREET_DEPARTMENT', 'DISTRICT_SUPERVISION'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export const limitSchema = z
  .object({
    unit: z.enum(['minutes', 'hours', 'workingHours', 'workingDays']),
    amount: z.number().positive('时长必须大于 0'),
  })
  .refine((limit) => limit.unit !== 'workingDays' || Number.isInteger(limit.amount), {
    message: '工作日数必须是整数',
    path: ['amount'],
  });

const clockSchema = z.object({ limit: limitSchema });
const priorityKey = z.string().regex(/^[a-z][a-zA-Z0-9-]{0,31}$/, '时限等级键为小写字母开头的英文标识');

const ladderStepSchema = z.object({
  level: z.enum(ESCALATION_LEVELS),
  notify: z
    .array(z.enum(Role))
    .min(1, '每一级至少通知一个岗位')
    .refine((roles) => new Set(roles).size === roles.length, '通知岗位不能重复'),
  supervisionOrderLimit: limitSchema,
});

const ladderSchema = z
  .array(ladderStepSchema)
  .min(1, '升级阶梯不能为空')
  .superRefine((steps, ctx) => {
    const levels = steps.map((s) => s.level);
    if (levels.length && levels[0] !== 'GRID_WORKER')
      ctx.addIssue({ code: 'custom', path: [0, 'level'], message: '升级阶梯必须从网格员（GRID_WORKER）开始' });
    if (levels.length && levels[levels.length - 1] !== 'DISTRICT_SUPERVISION') {
      ctx.addIssue({
        code: 'custom',
        path: [levels.length - 1, 'level'],
        message: '升级阶梯必须到达区级督办（DISTRICT_SUPERVISION）',
      });
    }
    levels.forEach((level, i) => {
      if (i === 0) return;
      if (levels.indexOf(level) < i)
        ctx.addIssue({ code: 'custom', path: [i, 'level'], message: `升级层级 ${level} 重复` });
      else if (ESCALATION_LEVELS.indexOf(level) < ESCALATION_LEVELS.indexOf(levels[i - 1])) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'level'],
          message: `升级层级 ${level} 不能排在 ${levels[i - 1]} 之后（只能逐级向上）`,
        });
      }
    });
  });

const fractionsSchema = z
  .array(z.number().gt(0, '提醒点必须大于 0').lt(1, '提醒点必须小于 1'))
  .min(1, '至少设置一个提醒点')
  .refine((f) => f.every((x, i) => i === 0 || x > f[i - 1]), '提醒点必须严格递增');

export const requestLoopPolicySchema = z
  .object({
    clocks: z.object({
      accept: clockSchema,
      contactDepartment: clockSchema,
      firstResponse: clockSchema,
      /** Resolution limits by priority; categories map onto these keys. */
      resolution: z
        .record(priorityKey, clockSchema)
        .refine((r) => Object.keys(r).length > 0, '至少设置一个办结时限等级'),
    }),
    /** Category code → resolution priority; categories not listed take `defaultPriority`. */
    categoryLimits: z.record(z.string().trim().min(1).max(50), priorityKey),
    defaultPriority: priorityKey,
    reminders: z.object({ fractions: fractionsSchema }),
    escalation: z.object({ ladder: ladderSchema }),
    extension: z.object({
      maxWorkingDays: z.number().int().positive(),
      maxExtensions: z.number().int().min(0).max(10),
    }),
    duplicates: z.object({ radiusMeters: z.number().positive(), windowHours: z.number().positive() }),
    rating: z.object({ windowDays: z.number().int().positive() }),
  })
  .superRefine((policy, ctx) => {
    const priorities = Object.keys(policy.clocks.resolution);
    if (!priorities.includes(policy.defaultPriority)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultPriority'],
        message: `默认时限等级 ${policy.defaultPriority} 未在 clocks.resolution 中定义`,
      });
    }
    for (const [category, priority] of Object.entries(policy.categoryLimits)) {
      if (!priorities.includes(priority)) {
        ctx.addIssue({
          code: 'custom',
          path: ['categoryLimits', category],
          message: `类别「${category}」的时限等级 ${priority} 未在 clocks.resolution 中定义`,
        });
      }
    }
  });

export type RequestLoopPolicy = z.infer<typeof requestLoopPolicySchema>;

/** The resolution limit of a category under a policy. */
export function resolutionLimitFor(policy: RequestLoopPolicy, category: string): Limit {
  const priority = Object.hasOwn(policy.categoryLimits, category)
    ? policy.categoryLimits[category]
    : policy.defaultPriority;
  return policy.clocks.resolution[priority].limit;
}
