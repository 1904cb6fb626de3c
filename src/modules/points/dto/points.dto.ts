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

export const pointsBalancesSchema = z
  .object({ ...periodFields, groupBy: z.enum(['unit', 'person']).default('unit') })
  .superRefine(checkPeriod);
export type PointsBalancesQuery = z.infer<typeof pointsBalancesSchema>;

// Responses: the listed fields are promised.
export const pointsEntryPageSchema = pageSchemaOf(z.looseObject({ id: z.string(), points: z.number() }));
export const pointsBalancesResultSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(['unit', 'person']),
  total: z.number().int(),
  items: z.array(z.looseObject({ rank: z.number().int() })),
});
