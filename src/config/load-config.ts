import { AppConfig, envSchema } from './env.schema';

export class ConfigError extends Error {}

/** Validates the environment once; the message names every offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`配置无效 (invalid configuration) — ${problems.join('; ')}`);
}
