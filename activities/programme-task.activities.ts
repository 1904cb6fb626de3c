import type { ProgrammeTaskProgressService } from '../src/modules/programme-task/programme-task-progress.service';
import type {
  TaskEscalationInput,
  TaskReminderInput,
  TaskStepInput,
} from '../src/modules/programme-task/programme-task.types';
import { callingWorkflowId } from './activity-context';

export function programmeTaskActivities(tasks: ProgrammeTaskProgressService) {
  return {
    recordTaskStep: (input: TaskStepInput) => tasks.recordStep(callingWorkflowId(), input),
    remindTask: (input: TaskReminderInput) => tasks.remind(callingWorkflowId(), input),
    escalateTask: (input: TaskEscalationInput) => tasks.escalate(callingWorkflowId(), input),
  };
}

export type ProgrammeTaskActivities = ReturnType<typeof programmeTaskActivities>;
