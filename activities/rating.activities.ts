import type { RatingProgressService } from '../src/modules/rating/rating-progress.service';
import type { YellowCardProgressService } from '../src/modules/rating/yellow-card-progress.service';
import type {
  CardEscalationInput, CardReminderInput, CardStepInput, CardVoidInput, RatingInput, YellowCardInput,
} from '../src/modules/rating/rating.types';
import { callingWorkflowId } from './activity-context';

export function ratingActivities(ratings: RatingProgressService, cards: YellowCardProgressService) {
  return {
    recordCaseRating: (input: RatingInput) => ratings.recordRating(input),
    recordCaseUnrated: (input: { caseId: string }) => ratings.recordUnrated(input.caseId),
    issueYellowCard: (input: YellowCardInput & { dueAtMs: number; appealEndsMs: number }) => cards.issue(callingWorkflowId(), input),
    recordCardStep: (input: CardStepInput) => cards.recordStep(callingWorkflowId(), input),
    remindCard: (input: CardReminderInput) => cards.remind(callingWorkflowId(), input),
    escalateCard: (input: CardEscalationInput) => cards.escalate(callingWorkflowId(), input),
    scheduleCardInterview: (input: { dueAtMs: number; repeatCount: number }) => cards.scheduleInterview(callingWorkflowId(), input),
    voidYellowCard: (input: CardVoidInput) => cards.voidCard(callingWorkflowId(), input),
  };
}

export type RatingActivities = ReturnType<typeof ratingActivities>;
