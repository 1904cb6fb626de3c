import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { projectRoot } from './paths';

const run = promisify(execFile);

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  });
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  await withAdmin(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '')}" WITH (FORCE)`),
  );
}

/** Applies prisma/migrations with the Prisma CLI, exactly as a deployment would. */
export async function migrateDeploy(url: string): Promise<void> {
  const prisma = `${projectRoot}/node_modules/.bin/prisma`;
  await run(prisma, ['migrate', 'deploy'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1' },
  });
}

export interface MigrationDrift {
  drift: boolean;
  summary: string;
}

/**
 * Compares prisma/migrations with prisma/schema.prisma (`prisma migrate diff --exit-code`). Prisma replays the
 * migrations into a temporary shadow database created through `adminUrl`, so its role needs CREATEDB.
 */
export async function migrationDrift(adminUrl: string): Promise<MigrationDrift> {
  const prisma = `${projectRoot}/node_modules/.bin/prisma`;
  const args = [
    'migrate',
    'diff',
    '--from-migrations',
    'prisma/migrations',
    '--to-schema',
    'prisma/schema.prisma',
    '--exit-code',
  ];
  const env = { ...process.env, DATABASE_URL: adminUrl, CHECKPOINT_DISABLE: '1' };
  try {
    const { stdout } = await run(prisma, args, { cwd: projectRoot, env });
    return { drift: false, summary: stdout.trim() };
  } catch (err) {
    const failed = err as { code?: number; stdout?: string; stderr?: string };
    if (failed.code === 2) return { drift: true, summary: (failed.stdout ?? '').trim() }; // 2 = a difference, per --exit-code
    throw new Error(
      `prisma migrate diff failed (exit ${failed.code}): ${(failed.stderr || failed.stdout || String(err)).trim()}`,
      { cause: err },
    );
  }
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
