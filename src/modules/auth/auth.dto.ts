import { z } from 'zod';

/** `cookie`: the refresh token goes only into an httpOnly cookie (the browser console); `body` (default): in the answer. */
const refreshTokenIn = z
  .enum(['body', 'cookie'])
  .default('body')
  .describe(
    '刷新令牌的交付方式：body（默认，在应答中返回）或 cookie（仅写入 httpOnly、SameSite=Strict 的 Cookie，应答中不含刷新令牌）',
  );
export const loginSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
  refreshTokenIn,
});
/** Without `refreshToken` the token is read from the console's cookie (and the rotated one written back to it). */
export const refreshSchema = z.object({
  refreshToken: z.string().min(20).max(200).optional().describe('省略时读取登录时写入的 httpOnly Cookie'),
});
const phone = z.string().regex(/^1[3-9]\d{9}$/, '手机号格式不正确');
export const codeRequestSchema = z.object({ phone });
export const codeVerifySchema = z.object({
  phone,
  code: z.string().regex(/^\d{6}$/, '验证码为 6 位数字'),
  refreshTokenIn,
});

export const tokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string().optional().describe('刷新令牌；以 Cookie 交付时不在应答中返回'),
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
