import { rmSync } from 'node:fs';
import { dropDatabase } from '../../src/infra/local-stack/database';
import type { TestRun } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const run = (globalThis as { __govflowRun?: TestRun }).__govflowRun;
  if (!run) return;
  await run.temporal?.teardown();
  await dropDatabase(run.adminUrl, run.database).catch(() => undefined);
  await run.stack.stop();
  if (process.env.GOVFLOW_DATA_DIR_RUN) rmSync(process.env.GOVFLOW_DATA_DIR_RUN, { recursive: true, force: true });
}
