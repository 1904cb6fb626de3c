import { z } from 'zod';
import { limitSchema } from './request-loop-policy.schema';

const pointsSchema = z.object({
  unit: z.number().int('积分须为整数').min(-100, '单次积分不能低于 -100').max(100, '单次积分不能超过 100'),
  person: z.number().int('积分须为整数').min(-100, '单次积分不能低于 -100').max(100, '单次积分不能超过 100'),
});

const fractionsSchema = z
  .array(z.number().gt(0, '提醒点必须大于 0').lt(1, '提醒点必须小于 1'))
  .refine((f) => f.every((x, i) => i === 0 || x > f[i - 1]), '提醒点必须严格递增');

/** Missed card deadlines climb these levels one per lapse: the street's leaders, then the district supervisors. */
export const CARD_ESCALATION_LEVELS = ['STREET', 'DISTRICT'] as const;
export type CardEscalationLevel = (typeof CARD_ESCALATION_LEVELS)[number];

/** 一事一评 points and 黄牌预警 rules; the rating window itself belongs to the request-loop policy the case started with. */
export const ratingPolicySchema = z.object({
  points: z.object({
    /** Credited to the handling unit and the handling person for a five-star rating. */
    fiveStar: pointsSchema,
    /** Charged with a one-star rating (0 for none); reversed when an appeal against its card is upheld. */
    oneStar: pointsSchema,
  }),
  yellowCard: z.object({
    holder: z.enum(['UNIT', 'PERSON', 'BOTH']),
    /** The written explanation and rectification plan are due within this limit of issue. */
    explanationLimit: limitSchema,
    /** After a supervisor sends the plan back, the new version is due within this limit. */
    resubmitLimit: limitSchema,
    /** The holder may appeal once, within this limit of issue. */
    appealWindow: limitSchema,
    reminderFractions: fractionsSchema,
    /** Levels notified one per missed deadline, bottom to top. */
    escalation: z
      .array(z.enum(CARD_ESCALATION_LEVELS))
      .min(1, '至少设置一级超时上报')
      .refine(
        (levels) =>
          levels.every(
            (l, i) => i === 0 || CARD_ESCALATION_LEVELS.indexOf(l) > CARD_ESCALATION_LEVELS.indexOf(levels[i - 1]),
          ),
        '超时上报只能逐级向上且不重复',
      ),
  }),
  repeats: z
    .object({
      /** The rolling period, in days, in which a holder's live cards are counted. */
      periodDays: z.number().int().min(1, '统计周期至少 1 天').max(731, '统计周期最多 731 天'),
      /** The n-th card within the period calls the holder to a 约谈 reminder interview with the supervisor. */
      interviewAt: z.number().int().min(2, '约谈阈值至少为第 2 张黄牌'),
      /** The interview is due within this limit of the card. */
      interviewLimit: limitSchema,
      /** The n-th card within the period flags the holder for the annual 述职评议 report. */
      annualReviewAt: z.number().int().min(2, '述职评议阈值至少为第 2 张黄牌'),
    })
    .refine((r) => r.annualReviewAt >= r.interviewAt, {
      message: '述职评议阈值不能低于约谈阈值',
      path: ['annualReviewAt'],
    }),
});

export type RatingPolicy = z.infer<typeof ratingPolicySchema>;
