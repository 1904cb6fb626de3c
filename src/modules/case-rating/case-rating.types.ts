import type { YellowCardInput } from '../yellow-card/yellow-card.types';

export interface RatingInput {
  caseId: string;
  stars: number;
  comment?: string;
  raterPersonId?: string;
}

/** What the rating workflow needs to start a card: its id and everything frozen from the policy and calendar. */
export interface CardStart {
  workflowId: string;
  input: YellowCardInput;
}
export interface RatingRecorded {
  ratingId: string;
  cards: CardStart[];
}
