import type { WiringCheckService } from '../src/modules/wiring-check/wiring-check.service';
import { callingWorkflowId } from './activity-context';

export function wiringCheckActivities(service: WiringCheckService) {
  return {
    recordWiringCheck: (note: string) => service.record(callingWorkflowId(), note),
  };
}

export type WiringCheckActivities = ReturnType<typeof wiringCheckActivities>;
