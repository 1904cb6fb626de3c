import { LOCAL_WEBHOOK_SECRET } from './env.schema';

/** Values that ship in this repository or its docs: anyone can read them, so production must not use them. */
const KNOWN_SECRETS = new Set([LOCAL_WEBHOOK_SECRET]);
/** Fewer distinct characters than this is a placeholder ('x' × 32, '0123…'), not a secret. */
const MIN_DISTINCT_CHARACTERS = 8;

const SECRET_VARIABLES = ['AUTH_TOKEN_SECRET', 'NOTIFY_WEBHOOK_SECRET'] as const;

/**
 * In production every secret must be set explicitly to something that is not a known local default.
 * Returns one `VARIABLE: message` line per offending variable (empty outside production).
 */
export function productionSecretProblems(env: NodeJS.ProcessEnv): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  for (const name of SECRET_VARIABLES) {
    const value = env[name];
    if (value === undefined || value.trim() === '') {
      problems.push(`${name}: 生产环境必须显式设置 ${name}（不能使用本地默认值）`);
    } else if (KNOWN_SECRETS.has(value)) {
      problems.push(`${name}: 生产环境不能使用本地开发默认值作为 ${name}`);
    } else if (new Set(value).size < MIN_DISTINCT_CHARACTERS) {
      problems.push(
        `${name}: 生产环境的 ${name} 过于简单（至少 ${MIN_DISTINCT_CHARACTERS} 种不同字符），请使用随机生成的密钥`,
      );
    }
  }
  return problems;
}
