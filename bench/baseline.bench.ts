import { rmSync } from 'node:fs';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { dataDir } from '../src/infra/local-stack/paths';
import { startBenchStack } from './bench-stack';
import { bullmqFigures, temporalFigures } from './baseline-figures';

/**
 * npm run bench:baseline — the foundation's reference figures, from one run on the local stack:
 * bare Temporal throughput, timer lateness, bare BullMQ throughput. Later benchmarks divide by these.
 */
async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const env = await startBenchStack();
  try {
    const figures = {
      ...(await temporalFigures(env.temporalAddress)),
      ...(await bullmqFigures(env.redisUrl)),
    };
    console.log('\n基线 baseline (one run, this machine):');
    console.table(figures);
    console.log(`BENCH_BASELINE ${JSON.stringify(figures)}`);
  } finally {
    await env.stop();
    rmSync(dataDir(`bench-${process.pid}`), { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
