import { proxyActivities, sleep } from '@temporalio/workflow';
import type { WiringCheckActivities } from '../activities/wiring-check.activities';

export interface WiringCheckInput {
  note: string;
  delay?: string;
}

const { recordWiringCheck } = proxyActivities<WiringCheckActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export async function wiringCheckWorkflow(input: WiringCheckInput): Promise<{ checkId: string }> {
  if (input.delay) await sleep(input.delay as Parameters<typeof sleep>[0]);
  return recordWiringCheck(input.note);
}
