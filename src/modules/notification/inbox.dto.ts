import { z } from 'zod';
import { pageQuerySchema } from '../../common/http/pagination';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式为 HH:MM');

export const inboxListSchema = pageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() });
export type InboxListQuery = z.infer<typeof inboxListSchema>;

export const settingsSchema = z.object({
  quietStart: hhmm.default('22:00'),
  quietEnd: hhmm.default('07:00'),
  disabledChannels: z.array(z.enum(['sms', 'robot', 'webhook'])).max(3).default([]),
});
export type SettingsDto = z.infer<typeof settingsSchema>;

export const templateVersionSchema = z.object({ title: z.string().trim().min(1).max(100), body: z.string().trim().min(1).max(2_000) });
