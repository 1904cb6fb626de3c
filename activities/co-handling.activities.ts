import type { CoHandlingProgressService } from '../src/modules/request-case/co-handling-progress.service';
import type { CoHandlingInput } from '../src/modules/request-case/co-handling.types';
import { callingWorkflowId } from './activity-context';

export function coHandlingActivities(service: CoHandlingProgressService) {
  return {
    recordCoHandling: (input: CoHandlingInput) => service.record(callingWorkflowId(), input),
  };
}

export type CoHandlingActivities = ReturnType<typeof coHandlingActivities>;
