import type { YellowCardProgressService } from '../src/modules/yellow-card/yellow-card-progress.service';
import type {
  CardEscalationInput,
  CardReminderInput,
  CardStepInput,
  CardVoidInput,
  YellowCardInput,
} from '../src/modules/yellow-card/yellow-card.types';
import { callingWorkflowId } from './activity-context';

export function yellowCardActivities(cards: YellowCardProgressService) {
  return {
    issueYellowCard: (input: YellowCardInput & { dueAtMs: number; appealEndsMs: number }) =>
      cards.issue(callingWorkflowId(), input),
    recordCardStep: (input: CardStepInput) => cards.recordStep(callingWorkflowId(), input),
    remindCard: (input: CardReminderInput) => cards.remind(callingWorkflowId(), input),
    escalateCard: (input: CardEscalationInput) => cards.escalate(callingWorkflowId(), input),
    scheduleCardInterview: (input: { dueAtMs: number; repeatCount: number }) =>
      cards.scheduleInterview(callingWorkflowId(), input),
    voidYellowCard: (input: CardVoidInput) => cards.voidCard(callingWorkflowId(), input),
  };
}

export type YellowCardActivities = ReturnType<typeof yellowCardActivities>;
