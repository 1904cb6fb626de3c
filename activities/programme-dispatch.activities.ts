import type { ProgrammeDispatchProgressService } from '../src/modules/programme-dispatch/programme-dispatch-progress.service';
import type { ProgrammeMonth } from '../src/shared/process/programme-rhythm';
import { callingWorkflowId } from './activity-context';

export function programmeDispatchActivities(dispatch: ProgrammeDispatchProgressService) {
  return {
    storeDispatchReport: (period: ProgrammeMonth) => dispatch.store(callingWorkflowId(), period),
    notifyDispatchReport: (reportId: string) => dispatch.notify(callingWorkflowId(), reportId),
  };
}

export type ProgrammeDispatchActivities = ReturnType<typeof programmeDispatchActivities>;
