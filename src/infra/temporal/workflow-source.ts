import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';

/**
 * Where the worker gets its workflow code: a prebuilt bundle when GOVFLOW_WORKFLOW_BUNDLE names one
 * (tests and benchmarks bundle once), otherwise the workflows folder, bundled at start-up.
 */
export function workflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> {
  const bundlePath = process.env.GOVFLOW_WORKFLOW_BUNDLE;
  if (bundlePath && existsSync(bundlePath)) {
    return { workflowBundle: { code: readFileSync(bundlePath, 'utf8') } };
  }
  return { workflowsPath: workflowsIndexPath() };
}

export function workflowsIndexPath(): string {
  const dir = join(__dirname, '..', '..', '..', 'workflows');
  return require.resolve(dir);
}
