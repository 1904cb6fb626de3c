import { writeFile } from 'node:fs/promises';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowsIndexPath } from './workflow-source';

const noop = () => undefined;
const quietBundlerLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: console.error, log: noop };

/**
 * Bundles the workflows once into `file` for GOVFLOW_WORKFLOW_BUNDLE: each worker process then loads the bundle
 * instead of running webpack at start-up, which costs every worker time and a few hundred MB of RSS it never gives back.
 */
export async function writeWorkflowBundle(file: string): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsIndexPath(), logger: quietBundlerLogger });
  await writeFile(file, code);
  return file;
}
