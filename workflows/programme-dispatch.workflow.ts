import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { ProgrammeDispatchActivities } from '../activities/programme-dispatch.activities';
import type {
  ProgrammeDispatchInput,
  StoredDispatch,
} from '../src/modules/programme-dispatch/programme-dispatch.types';
import { dispatchMonthOf, programmeMonthRefusal } from '../src/shared/process/programme-rhythm';

const { storeDispatchReport, notifyDispatchReport } = proxyActivities<ProgrammeDispatchActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * 每月调度: stores the month's progress report (each agency, each community, the district ranking) once per month,
 * then tells the agencies, communities and supervisors. Started by the `programme-dispatch` Schedule without a month
 * (it reports the month before the run, China time), or directly for a given month.
 */
export async function programmeDispatchWorkflow(input: ProgrammeDispatchInput = {}): Promise<StoredDispatch> {
  const period =
    input.year !== undefined && input.month !== undefined
      ? { year: input.year, month: input.month }
      : dispatchMonthOf(Date.now());
  const refusal = programmeMonthRefusal(period);
  if (refusal) throw ApplicationFailure.nonRetryable(refusal, 'VALIDATION_FAILED');
  const stored = await storeDispatchReport(period);
  await notifyDispatchReport(stored.reportId);
  return stored;
}
