import { z } from 'zod';
import { checkPeriod, periodFields } from '../../../common/http/period-query';
import { ROLL_UP_LEVELS } from '../../org/unit-scope-sql';

export const caseMeasuresSchema = z
  .object({
    ...periodFields,
    groupBy: z.enum(['unit', 'person']).default('unit'),
    /** For groupBy=unit: the tree level cases are rolled up to. */
    level: z.enum(ROLL_UP_LEVELS).default('grid'),
  })
  .superRefine(checkPeriod);
export type CaseMeasuresQuery = z.infer<typeof caseMeasuresSchema>;

export const caseMeasuresResultSchema = z.looseObject({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  groupBy: z.enum(['unit', 'person']),
  level: z.string().nullable(),
  total: z.number().int(),
  items: z.array(z.looseObject({ rank: z.number().int(), counts: z.looseObject({ total: z.number().int() }) })),
});
