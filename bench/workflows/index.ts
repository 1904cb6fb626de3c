import { sleep } from '@temporalio/workflow';

/** Does nothing: measures the cost of a workflow's start, one task and completion. */
export async function noopWorkflow(): Promise<void> {
  return;
}

/** Sleeps until an absolute due time and returns when its code resumed (workflow time). */
export async function timerWorkflow(dueAtMs: number): Promise<number> {
  await sleep(Math.max(1, dueAtMs - Date.now()));
  return Date.now();
}
