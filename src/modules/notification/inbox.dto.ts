import { z } from 'zod';
import { pageQuerySchema, pageSchemaOf } from '../../common/http/pagination';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式为 HH:MM');

export const inboxListSchema = pageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() });
export type InboxListQuery = z.infer<typeof inboxListSchema>;

export const settingsSchema = z.object({
  quietStart: hhmm.default('22:00'),
  quietEnd: hhmm.default('07:00'),
  disabledChannels: z
    .array(z.enum(['sms', 'robot', 'webhook']))
    .max(3)
    .default([]),
});
export type SettingsDto = z.infer<typeof settingsSchema>;

export const templateVersionSchema = z.object({
  title: z.string().trim().min(1).max(100),
  body: z.string().trim().min(1).max(2_000),
});

export const inboxMessageSchema = z.looseObject({
  id: z.string(),
  recipientId: z.string().nullable(),
  template: z.string(),
  title: z.string(),
  body: z.string(),
  urgency: z.enum(['NORMAL', 'URGENT', 'CRITICAL']),
  ackRequired: z.boolean(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
  acknowledgedAt: z.date().nullable(),
});
export const inboxPageSchema = pageSchemaOf(inboxMessageSchema);
export const unreadCountSchema = z.object({ unread: z.number().int() });
export const notificationSettingSchema = z.looseObject({
  personId: z.string(),
  quietStart: z.string(),
  quietEnd: z.string(),
  disabledChannels: z.array(z.string()),
});
export const templateVersionsSchema = z.array(z.looseObject({ key: z.string() }));
export const templateCatalogSchema = z.array(
  z.object({
    key: z.string(),
    version: z.number().int().describe('0：系统默认措辞'),
    title: z.string(),
    body: z.string(),
    variables: z.array(z.string()).describe('该模板可用的变量（发送方提供）'),
  }),
);
export const savedTemplateSchema = z.object({
  key: z.string(),
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  variables: z.array(z.string()),
});
export const deadLettersSchema = z.array(
  z.looseObject({ id: z.string(), channel: z.string(), status: z.string(), lastError: z.string().nullable() }),
);
export const retriedSchema = z.object({ deliveryId: z.string(), status: z.literal('QUEUED') });
