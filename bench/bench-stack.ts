import { rmSync } from 'node:fs';
import { LocalStack } from '../src/infra/local-stack';
import { dataDir } from '../src/infra/local-stack/paths';
import { freePort } from '../src/infra/local-stack/ports';

export interface BenchEnv {
  redisUrl: string;
  temporalAddress: string;
  databaseAdminUrl: string;
  stop: () => Promise<void>;
}

/**
 * The same local stack `npm start` runs, on free ports and its own data folder; URLs in the environment win.
 * `stop()` also removes that folder (and the PostgreSQL cluster, which may live outside it).
 */
export async function startBenchStack(): Promise<BenchEnv> {
  const folder = `bench-${process.pid}`;
  const stack = new LocalStack(folder, {
    postgres: await freePort(),
    redis: await freePort(),
    temporal: await freePort(),
    temporalUi: await freePort(),
  });
  const urls = await stack.start({
    postgres: !process.env.DATABASE_URL,
    redis: !process.env.REDIS_URL,
    temporal: !process.env.TEMPORAL_ADDRESS,
  });
  return {
    redisUrl: process.env.REDIS_URL ?? (urls.redisUrl as string),
    temporalAddress: process.env.TEMPORAL_ADDRESS ?? (urls.temporalAddress as string),
    databaseAdminUrl: process.env.DATABASE_URL ?? (urls.postgresAdminUrl as string),
    stop: async () => {
      const clusterDir = stack.postgresDataDir;
      await stack.stop();
      rmSync(dataDir(folder), { recursive: true, force: true });
      if (clusterDir) rmSync(clusterDir, { recursive: true, force: true });
    },
  };
}

/** Prints one run's figures as a table and as a tagged JSON line that scripts can grep. */
export function reportFigures(title: string, tag: string, figures: Record<string, unknown>): void {
  console.log(`\n${title}`);
  console.table(figures);
  console.log(`${tag} ${JSON.stringify(figures)}`);
}

/** Runs a benchmark's main function, exiting non-zero when it fails. */
export function runBench(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inParallel<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]);
      }
    }),
  );
  return results;
}
