import { z } from 'zod';

const dependencySchema = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number(),
  error: z.string().optional(),
});
export const healthReportSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.object({ database: dependencySchema, redis: dependencySchema, temporal: dependencySchema }),
});
