import { z } from 'zod';

export const loginSchema = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) });
export const refreshSchema = z.object({ refreshToken: z.string().min(20).max(200) });
const phone = z.string().regex(/^1[3-9]\d{9}$/, '手机号格式不正确');
export const codeRequestSchema = z.object({ phone });
export const codeVerifySchema = z.object({ phone, code: z.string().regex(/^\d{6}$/, '验证码为 6 位数字') });
