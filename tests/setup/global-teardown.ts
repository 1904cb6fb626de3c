import { rmSync } from 'node:fs';
import { dropDatabase } from '../../src/infra/local-stack/database';
import type { TestRun } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const run = (globalThis as { __govflowRun?: TestRun }).__govflowRun;
  if (!run) return;
  await run.temporal?.teardown();
  await dropDatabase(run.adminUrl, run.database).catch(() => undefined);
  const clusterDir = run.stack.postgresDataDir;
  await run.stack.stop();
  if (process.env.GOVFLOW_DATA_DIR_RUN) rmSync(process.env.GOVFLOW_DATA_DIR_RUN, { recursive: true, force: true });
  if (clusterDir) rmSync(clusterDir, { recursive: true, force: true }); // a per-run cluster, possibly under /var/tmp
}
