import { rmSync } from 'node:fs';
import { LocalStack } from '../src/infra/local-stack';
import { migrationDrift } from '../src/infra/local-stack/database';
import { dataDir } from '../src/infra/local-stack/paths';
import { freePort } from '../src/infra/local-stack/ports';

/**
 * `npm run db:drift`: do prisma/migrations produce exactly prisma/schema.prisma? Prisma needs a server to
 * replay the migrations into a shadow database: DATABASE_URL when set (its role needs CREATEDB), otherwise a
 * throwaway local PostgreSQL cluster that is removed afterwards. Exit 0 = no drift, 1 = drift, 2 = could not check.
 */
async function main(): Promise<number> {
  const throwaway = process.env.DATABASE_URL ? undefined : await startThrowawayPostgres();
  try {
    const adminUrl = process.env.DATABASE_URL ?? (throwaway?.adminUrl as string);
    const { drift, summary } = await migrationDrift(adminUrl);
    if (!drift) {
      console.log('✔ 无漂移 (no drift): prisma/migrations 与 prisma/schema.prisma 一致');
      return 0;
    }
    console.error(`✘ 检测到漂移 (drift detected): prisma/migrations 与 prisma/schema.prisma 不一致\n${summary}\n`);
    console.error(
      '请新建迁移目录 (add a migration) prisma/migrations/<timestamp>_<name>/migration.sql，SQL 可由下面的命令生成:',
    );
    console.error(
      '  npx prisma migrate diff --from-migrations prisma/migrations --to-schema prisma/schema.prisma --script',
    );
    return 1;
  } finally {
    await throwaway?.stop();
  }
}

async function startThrowawayPostgres(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  const folder = `drift-check-${process.pid}`;
  const stack = new LocalStack(folder, { postgres: await freePort(), redis: 0, temporal: 0, temporalUi: 0 });
  const remove = () => {
    const clusterDir = stack.postgresDataDir; // may live under /var/tmp when the project folder is root-only
    rmSync(dataDir(folder), { recursive: true, force: true });
    rmSync(`${dataDir(folder)}.log`, { force: true });
    if (clusterDir) rmSync(clusterDir, { recursive: true, force: true });
  };
  try {
    const { postgresAdminUrl } = await stack.start({ postgres: true, redis: false, temporal: false });
    return {
      adminUrl: postgresAdminUrl as string,
      stop: async () => {
        await stack.stop();
        remove();
      },
    };
  } catch (err) {
    remove();
    throw err;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`✘ 无法检查漂移 (drift check could not run): ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
