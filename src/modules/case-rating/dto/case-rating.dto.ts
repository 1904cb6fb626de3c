import { z } from 'zod';

export const rateSchema = z.object({
  stars: z.number().int('评价须为 1–5 的整数').min(1, '评价须为 1–5 星').max(5, '评价须为 1–5 星'),
  comment: z.string().trim().max(500, '评价意见最多 500 字').optional(),
});
export type RateDto = z.infer<typeof rateSchema>;

// Responses: the listed fields are promised.
export const ratingViewSchema = z.looseObject({
  caseId: z.string(),
  state: z.enum(['NOT_CLOSED', 'OPEN', 'RATED', 'UNRATED']),
  stars: z.number().int().nullable(),
  comment: z.string().nullable(),
  ratedAt: z.date().nullable(),
  windowEndsAt: z.date().nullable(),
});
