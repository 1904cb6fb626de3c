import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { createDatabaseIfMissing, databaseUrl, migrateDeploy } from '../src/infra/local-stack/database';
import { loadConfig } from '../src/config/load-config';
import { WorkerModule } from '../src/worker.module';
import type { BenchEnv } from './bench-stack';

/** A fresh, migrated database on the bench stack. */
export async function prepareBenchDatabase(env: BenchEnv): Promise<string> {
  const name = `govflow_bench_${process.pid}`;
  await createDatabaseIfMissing(env.databaseAdminUrl, name);
  const url = databaseUrl(env.databaseAdminUrl, name);
  await migrateDeploy(url);
  return url;
}

/** A fresh, migrated database on the bench stack and the real worker process module pointed at it. */
export async function startBenchWorker(
  env: BenchEnv,
  overrides: Record<string, string>,
): Promise<{ worker: INestApplicationContext; databaseUrl: string }> {
  const url = await prepareBenchDatabase(env);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    REDIS_URL: env.redisUrl,
    TEMPORAL_ADDRESS: env.temporalAddress,
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    QUEUE_PREFIX: `bench-${process.pid}`,
    TEMPORAL_TASK_QUEUE: `bench-${process.pid}`,
    LOG_LEVEL: 'warn',
    ...overrides,
  });
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  await worker.init();
  return { worker, databaseUrl: url };
}
