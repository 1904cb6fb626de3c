import { z } from 'zod';
import { DutyMarking } from '../../../generated/prisma/enums';

export const setMarkingSchema = z.object({ marking: z.enum(DutyMarking) });
export const dutyListSchema = z.array(
  z.object({
    code: z.string(),
    name: z.string(),
    defaultMarking: z.enum(DutyMarking),
    marking: z.enum(DutyMarking),
    overridden: z.boolean(),
  }),
);
export const assignabilitySchema = z.object({
  allowed: z.boolean(),
  marking: z.enum(DutyMarking).nullable(),
  rule: z.enum(['COMMUNITY_OVERRIDE', 'DISTRICT_DEFAULT', 'NOT_ON_LIST']),
  reason: z.string(),
});
export const communityDutySchema = z.object({
  communityId: z.string(),
  dutyCode: z.string(),
  marking: z.enum(DutyMarking),
});
