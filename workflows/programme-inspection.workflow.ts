import { ApplicationFailure, proxyActivities, sleep } from '@temporalio/workflow';
import type { ProgrammeInspectionActivities } from '../activities/programme-inspection.activities';
import type { ProgrammeMonth } from '../src/shared/process/programme-rhythm';
import {
  currentMonthOf,
  INSPECTION_REMINDER_LEAD_MS,
  INTERVIEW_REMINDER_LEAD_MS,
  programmeMonthRefusal,
} from '../src/shared/process/programme-rhythm';

const { openInspectionRound, remindInspectors, closeInspectionRound, remindInterviews } =
  proxyActivities<ProgrammeInspectionActivities>({
    startToCloseTimeout: '2 minutes',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });

const sleepUntil = async (ms: number) => {
  if (ms > Date.now()) await sleep(ms - Date.now());
};

export interface InspectionResult {
  roundId: string;
  interviews: number;
}

/**
 * 半年督查 → 约谈提醒: opens the month's round for every paired agency (a checklist each, a deadline), reminds the
 * inspectors while findings are missing, closes it at the deadline, schedules interviews for the agencies behind their
 * quota or with too many overdue tasks, and reminds them the day before. About three weeks long: no continue-as-new.
 */
export async function programmeInspectionWorkflow(input: Partial<ProgrammeMonth> = {}): Promise<InspectionResult> {
  const period =
    input.year !== undefined && input.month !== undefined
      ? { year: input.year, month: input.month }
      : currentMonthOf(Date.now());
  const refusal = programmeMonthRefusal(period);
  if (refusal) throw ApplicationFailure.nonRetryable(refusal, 'VALIDATION_FAILED');
  const round = await openInspectionRound(period, Date.now());
  // histories recorded before the timings were settings carry no times of their own: the old constants
  await sleepUntil(round.remindAtMs ?? round.deadlineMs - INSPECTION_REMINDER_LEAD_MS);
  await remindInspectors(round.roundId);
  await sleepUntil(round.deadlineMs);
  const closed = await closeInspectionRound(round.roundId, Date.now());
  const first = Math.min(...closed.interviews.map((i) => i.scheduledAtMs));
  if (closed.interviews.length) {
    await sleepUntil(first - (closed.interviewReminderLeadMs ?? INTERVIEW_REMINDER_LEAD_MS));
    await remindInterviews(round.roundId);
  }
  return { roundId: round.roundId, interviews: closed.interviews.length };
}
