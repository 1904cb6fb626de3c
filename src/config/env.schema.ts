import { z } from 'zod';

/** Local-development value only; production boot refuses it (see production-secrets.ts). */
export const LOCAL_WEBHOOK_SECRET = 'govflow-local-webhook-secret';

/** Debian's fonts-noto-cjk; the bold face is found beside it (`…-Bold.ttc`). */
export const DEFAULT_MEDIATION_PDF_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  TEMPORAL_ADDRESS: z.string().regex(/^[\w.-]+:\d+$/, 'host:port'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('govflow'),
  TEMPORAL_UI_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:8233'),
  // Sized together: each activity slot may hold a database connection for a transaction, so the pool ≥ activity slots.
  TEMPORAL_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().positive().default(20),
  TEMPORAL_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().positive().default(20),
  TEMPORAL_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(1_000),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(20),
  QUEUE_PREFIX: z.string().min(1).default('govflow'),
  AUTH_TOKEN_SECRET: z.string().min(32, '至少 32 个字符'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().positive().default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  OTP_TTL_SECONDS: z.coerce.number().int().positive().default(300),
  OTP_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  OTP_RESEND_SECONDS: z.coerce.number().int().nonnegative().default(60),
  OTP_MAX_PER_HOUR: z.coerce.number().int().positive().default(10),
  NOTIFY_WEBHOOK_URL: z.url().optional(),
  NOTIFY_WEBHOOK_SECRET: z.string().min(16).default(LOCAL_WEBHOOK_SECRET),
  NOTIFY_SMS_URL: z.url().optional(),
  NOTIFY_ROBOT_URL: z.url().optional(),
  NOTIFY_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(6),
  NOTIFY_BACKOFF_MS: z.coerce.number().int().positive().default(2_000),
  NOTIFY_WEBHOOK_RATE_PER_SECOND: z.coerce.number().int().positive().default(200),
  NOTIFY_SMS_RATE_PER_SECOND: z.coerce.number().int().positive().default(20),
  NOTIFY_BREAKER_THRESHOLD: z.coerce.number().int().positive().default(5),
  NOTIFY_BREAKER_COOLDOWN_MS: z.coerce.number().int().positive().default(30_000),
  NOTIFY_DEFAULT_ACK_MINUTES: z.coerce.number().int().positive().default(30),
  NOTIFY_DIGEST_DAILY_CRON: z.string().default('0 8 * * *'),
  NOTIFY_DIGEST_WEEKLY_CRON: z.string().default('0 8 * * 1'),
  MEDIATION_PDF_FONT_PATH: z.string().min(1).default(DEFAULT_MEDIATION_PDF_FONT_PATH),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = z.infer<typeof envSchema>;
