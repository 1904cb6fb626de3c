import { z } from 'zod';

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const refreshSchema = z.object({ refreshToken: z.string().min(20).max(200) });
const phone = z.string().regex(/^1[3-9]\d{9}$/, '手机号格式不正确');
export const codeRequestSchema = z.object({ phone });
export const codeVerifySchema = z.object({ phone, code: z.string().regex(/^\d{6}$/, '验证码为 6 位数字') });

export const tokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  tokenType: z.literal('Bearer'),
});
export const codeSentSchema = z.object({ expiresIn: z.number().int() });
export const principalSchema = z.object({
  personId: z.string(),
  kind: z.enum(['STAFF', 'RESIDENT']),
  name: z.string(),
  phone: z.string(),
  positions: z.array(
    z.object({
      positionId: z.string(),
      role: z.string(),
      unitId: z.string(),
      unitKind: z.string(),
      scopeUnitId: z.string(),
    }),
  ),
});
