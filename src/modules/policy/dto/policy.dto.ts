import { z } from 'zod';

/** One version of a process policy; `data` follows the process's own schema (request-loop or rating). */
export const policyVersionSchema = z.object({
  process: z.string(),
  version: z.number().int(),
  data: z.looseObject({}),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});
