import type { ProgrammeInspectionProgressService } from '../src/modules/programme-dispatch/programme-inspection-progress.service';
import type { ProgrammeMonth } from '../src/shared/process/programme-rhythm';
import { callingWorkflowId } from './activity-context';

export function programmeInspectionActivities(inspection: ProgrammeInspectionProgressService) {
  return {
    openInspectionRound: (period: ProgrammeMonth, nowMs: number) => inspection.open(callingWorkflowId(), period, nowMs),
    remindInspectors: (roundId: string) => inspection.remindInspectors(callingWorkflowId(), roundId),
    closeInspectionRound: (roundId: string, nowMs: number) => inspection.close(callingWorkflowId(), roundId, nowMs),
    remindInterviews: (roundId: string) => inspection.remindInterviews(callingWorkflowId(), roundId),
  };
}

export type ProgrammeInspectionActivities = ReturnType<typeof programmeInspectionActivities>;
