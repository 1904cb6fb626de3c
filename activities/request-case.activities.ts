import type { RequestCaseProgressService } from '../src/modules/request-case/request-case-progress.service';
import type {
  EscalationInput,
  NoteInput,
  ReminderInput,
  TransitionInput,
} from '../src/modules/request-case/request-case.types';
import { callingWorkflowId } from './activity-context';

export function requestCaseActivities(service: RequestCaseProgressService) {
  return {
    recordCaseTransition: (input: TransitionInput) => service.recordTransition(callingWorkflowId(), input),
    recordCaseNote: (input: NoteInput) => service.recordNote(callingWorkflowId(), input),
    sendCaseReminder: (input: ReminderInput) => service.sendReminder(callingWorkflowId(), input),
    escalateCase: (input: EscalationInput) => service.escalate(callingWorkflowId(), input),
  };
}

export type RequestCaseActivities = ReturnType<typeof requestCaseActivities>;
