import { z } from 'zod';

export const queueDashboardTicketSchema = z.object({
  ticket: z.string().describe('一次性凭证，60 秒内有效，只能使用一次'),
  url: z
    .string()
    .describe('在浏览器中打开的地址（/admin/queues?ticket=…），打开后换成仅限该路径的 httpOnly 会话 Cookie'),
  expiresInSeconds: z.number().int(),
});
