import { z } from 'zod';

export const createWiringCheckSchema = z.object({
  note: z.string().trim().min(1, '备注不能为空').max(200, '备注最多 200 字'),
  /** Optional wait before recording, e.g. "30 days": proves long timers on the time-skipping server. */
  delay: z
    .string()
    .regex(/^\d+\s*(ms|s|m|h|d|days?|hours?|minutes?|seconds?)$/, '时长格式如 "30s"、"2 hours"、"30 days"')
    .optional(),
});

export type CreateWiringCheckDto = z.infer<typeof createWiringCheckSchema>;

export const wiringCheckStartedSchema = z.object({ workflowId: z.string() });
export const wiringCheckSchema = z.object({
  workflowId: z.string(),
  checkId: z.string(),
  note: z.string(),
  recordedAt: z.date(),
  echoedAt: z.date().nullable(),
});
