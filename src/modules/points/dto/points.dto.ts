import { z } from 'zod';
import { pageQuerySchema, pageSchemaOf } from '../../../common/http/pagination';
import { checkPeriod, periodFields } from '../../../common/http/period-query';

const uuid = z.uuid('须为 UUID');

export const pointsEntriesSchema = pageQuerySchema.extend({
  unitId: uuid.optional(),
  personId: uuid.optional(),
  from: periodFields.from.optional(),
  to: periodFields.to.optional(),
});
export type PointsEntriesQuery = z.infer<typeof pointsEntriesSchema>;

export const pointsBalancesSchema = pageQuerySchema
  .extend({ ...periodFields, groupBy: z.enum(['unit', 'person']).default('unit') })
  .superRefine(checkPeriod);
export type PointsBalancesQuery = z.infer<typeof pointsBalancesSchema>;

// Responses: the listed fields are promised.
export const pointsEntryPageSchema = pageSchemaOf(z.looseObject({ id: z.string(), points: z.number() }));
export const pointsBalancesResultSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(['unit', 'person']),
  total: z.number().int().describe('排名的对象总数（本页之外也计）'),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.looseObject({
      rank: z.number().int(),
      id: z.string(),
      name: z.string(),
      points: z.number(),
      entries: z.number(),
    }),
  ),
});
