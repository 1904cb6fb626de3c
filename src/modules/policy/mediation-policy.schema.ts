import { z } from 'zod';
import { Role } from '../../generated/prisma/enums';
import type { Limit } from '../../shared/calendar';
import { limitSchema } from './request-loop-policy.schema';

const grade = z.enum(['LOW', 'MEDIUM', 'HIGH']);
const thresholds = z
  .object({ medium: z.number().int().min(1, '阈值至少为 1'), high: z.number().int().min(1, '阈值至少为 1') })
  .refine((t) => t.high > t.medium, { message: '高风险阈值须大于中风险阈值', path: ['high'] });

/** Where a slot's candidates come from: posts in the dispute's community or street, the department the category routes to, or people the convener names. */
const candidateSource = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('position'),
    roles: z.array(z.enum(Role)).min(1),
    level: z.enum(['COMMUNITY', 'STREET']),
  }),
  z.object({ kind: z.literal('department'), routeCategory: z.string().trim().min(1).max(50).optional() }),
  z.object({ kind: z.literal('named') }),
]);
const slotKey = z.string().regex(/^[a-z][a-zA-Z0-9-]{0,31}$/, '席位键为小写字母开头的英文标识');
const slotSchema = z.object({ key: slotKey, label: z.string().trim().min(1).max(20), source: candidateSource });
const panelSchema = z.object({ required: z.array(slotKey).min(1, '至少一个必选席位'), optional: z.array(slotKey) });

/** A mediation limit: calendar days, or working days on the business calendar. */
export const mediationLimitSchema = z.object({
  unit: z.enum(['days', 'workingDays']),
  amount: z.number().int().positive('天数必须大于 0'),
});
export type MediationLimit = z.infer<typeof mediationLimitSchema>;
export const toLimit = (l: MediationLimit): Limit =>
  l.unit === 'days' ? { unit: 'hours', amount: l.amount * 24 } : { unit: 'workingDays', amount: l.amount };

/** 联调小组: risk rules, role slots per category, invitation and mediation limits, sessions, follow-up visits. */
export const mediationPolicySchema = z
  .object({
    risk: z.object({
      headCount: thresholds,
      amountYuan: thresholds,
      gatheringThreat: grade,
      violenceThreat: grade,
      vulnerableParties: grade,
    }),
    slots: z.array(slotSchema).min(1),
    /** Category → its panel; other categories take `defaultPanel`. */
    panels: z.record(z.string().trim().min(1).max(50), panelSchema),
    defaultPanel: panelSchema,
    invitationLimit: limitSchema,
    mediationLimit: mediationLimitSchema,
    /** The 督办单 opened when the mediation limit passes is due within this limit. */
    supervisionOrderLimit: limitSchema,
    sessionReminderLead: limitSchema,
    visitIntervalsDays: z
      .array(z.number().int().min(1).max(365))
      .min(1)
      .refine((d) => d.every((x, i) => i === 0 || x > d[i - 1]), '回访间隔须严格递增'),
    visitReminderEveryDays: z.number().int().min(1).max(30),
    visitMaxReminders: z.number().int().min(0).max(30),
    judicialConfirmationDays: z.number().int().min(1).max(90),
  })
  .superRefine((p, ctx) => {
    const keys = new Set(p.slots.map((s) => s.key));
    if (keys.size !== p.slots.length) ctx.addIssue({ code: 'custom', path: ['slots'], message: '席位键不能重复' });
    const check = (panel: z.infer<typeof panelSchema>, path: (string | number)[]) =>
      [...panel.required, ...panel.optional].forEach((k, i) => {
        if (!keys.has(k))
          ctx.addIssue({ code: 'custom', path: [...path, i], message: `席位「${k}」未在 slots 中定义` });
      });
    check(p.defaultPanel, ['defaultPanel']);
    for (const [category, panel] of Object.entries(p.panels)) check(panel, ['panels', category]);
  });

export type MediationPolicy = z.infer<typeof mediationPolicySchema>;
export type MediationSlotPolicy = MediationPolicy['slots'][number];
