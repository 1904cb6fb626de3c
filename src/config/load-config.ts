import { AppConfig, envSchema } from './env.schema';
import { productionSecretProblems } from './production-secrets';

export class ConfigError extends Error {}

/** Validates the environment once; the message names every offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    ...productionSecretProblems(env),
  ];
  if (parsed.success && problems.length === 0) return parsed.data;
  throw new ConfigError(`配置无效 (invalid configuration) — ${problems.join('; ')}`);
}
