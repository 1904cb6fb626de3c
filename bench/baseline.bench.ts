import { DefaultLogger, Runtime } from '@temporalio/worker';
import { reportFigures, runBench, startBenchStack } from './bench-stack';
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
    reportFigures('基线 baseline (one run, this machine):', 'BENCH_BASELINE', figures);
  } finally {
    await env.stop();
  }
}

runBench(main);
