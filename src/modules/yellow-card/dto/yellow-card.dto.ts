import { z } from 'zod';
import { CardStatus, HolderKind } from '../../../generated/prisma/enums';
import { fileRef } from '../../../common/http/file-ref';
import { pageQuerySchema, pageSchemaOf } from '../../../common/http/pagination';
import { checkPeriod, periodFields } from '../../../common/http/period-query';
import { ROLL_UP_LEVELS } from '../../org/unit-scope-sql';

const uuid = z.uuid('须为 UUID');

export const listCardsSchema = pageQuerySchema.extend({
  status: z.enum(CardStatus).optional(),
  holderKind: z.enum(HolderKind).optional(),
  unitId: uuid.optional(),
  personId: uuid.optional(),
  /** Only cards flagged for the annual 述职评议 report. */
  annualReview: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  from: periodFields.from.optional(),
  to: periodFields.to.optional(),
});
export type ListCardsQuery = z.infer<typeof listCardsSchema>;

export const submitCardSchema = z.object({
  explanation: z.string().trim().min(1, '请填写书面说明').max(2000, '书面说明最多 2000 字'),
  rectificationPlan: z.string().trim().min(1, '请填写整改方案').max(2000, '整改方案最多 2000 字'),
});
export type SubmitCardDto = z.infer<typeof submitCardSchema>;

export const reviewCardSchema = z
  .object({
    accept: z.boolean({ message: '请选择通过或退回' }),
    comment: z.string().trim().max(1000, '审核意见最多 1000 字').optional(),
  })
  .refine((r) => r.accept || !!r.comment, { message: '退回修改须写明审核意见', path: ['comment'] });
export type ReviewCardDto = z.infer<typeof reviewCardSchema>;

export const appealCardSchema = z.object({
  reason: z.string().trim().min(1, '请写明申诉理由').max(2000, '申诉理由最多 2000 字'),
  evidence: z.array(fileRef('证据')).max(9, '证据最多 9 项').default([]),
});
export type AppealCardDto = z.infer<typeof appealCardSchema>;

export const appealDecisionSchema = z.object({
  uphold: z.boolean({ message: '请选择申诉成立（true）或驳回（false）' }),
  reason: z.string().trim().min(1, '请写明裁决理由').max(1000, '裁决理由最多 1000 字'),
});
export type AppealDecisionDto = z.infer<typeof appealDecisionSchema>;

export const interviewSchema = z.object({
  note: z.string().trim().min(1, '请记录约谈情况').max(2000, '约谈记录最多 2000 字'),
});
export type InterviewDto = z.infer<typeof interviewSchema>;

export const cardSummarySchema = z
  .object({ ...periodFields, level: z.enum(ROLL_UP_LEVELS).default('community') })
  .superRefine(checkPeriod);
export type CardSummaryQuery = z.infer<typeof cardSummarySchema>;

// Responses: the listed fields are promised; card details carry the live workflow state too.
const cardSchema = z.looseObject({
  id: z.string(),
  caseId: z.string(),
  holderKind: z.enum(HolderKind),
  unitId: z.string(),
  status: z.enum(CardStatus),
});
export const cardPageSchema = pageSchemaOf(cardSchema);
export const cardDetailSchema = cardSchema.extend({
  workflowId: z.string().describe('黄牌流程的 Temporal workflow id（card-<诉求 id>-unit|person）'),
  timeline: z.array(z.looseObject({ kind: z.string() })),
});
export const cardSummaryResultSchema = z.looseObject({ items: z.array(z.looseObject({})) });
