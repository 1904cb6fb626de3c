import type { CardStatus, HolderKind } from '../../generated/prisma/enums';
import type { BusinessCalendar, Limit } from '../../shared/calendar';
import type { CardKeys } from '../../shared/search-attributes';
import type { CardEscalationLevel } from '../policy/rating-policy.schema';

export interface YellowCardInput {
  caseId: string;
  ratingId: string;
  holderKind: HolderKind;
  unitId: string;
  personId?: string;
  policyVersion: number;
  explanationLimit: Limit;
  resubmitLimit: Limit;
  appealWindow: Limit;
  reminderFractions: number[];
  escalation: CardEscalationLevel[];
  /** When the card reaches the repeat threshold, the 约谈 interview is due within this limit of issue. */
  interviewLimit: Limit;
  calendar: BusinessCalendar;
}

export interface CardIssued {
  cardId: string;
  repeatCount: number;
  interview: boolean;
  annualReview: boolean;
  /** For the card's search attributes; absent from results recorded before them. */
  keys?: CardKeys;
}

/** Row fields a card step may set; times travel as epoch ms so workflow code never builds Dates from the wall clock. */
export interface CardPatch {
  explanation?: string;
  rectificationPlan?: string;
  submittedAtMs?: number;
  closedAtMs?: number;
  rectifiedOnTime?: boolean;
  appealedAtMs?: number;
  appealReason?: string;
  appealEvidence?: string[];
  appealDecision?: 'UPHELD' | 'REJECTED';
  appealDecisionReason?: string;
  appealDecidedBy?: string;
  appealDecidedAtMs?: number;
}

export interface CardStepInput {
  /** Stable step name; with the workflowId it is the timeline entry's dedup key. */
  step: string;
  kind: string;
  status?: CardStatus;
  actorId?: string;
  note?: string;
  data?: Record<string, unknown>;
  dueAtMs?: number;
  patch?: CardPatch;
  /** A supervisor recorded the 约谈 reminder interview as held. */
  interviewHeld?: { atMs: number; by?: string; note: string };
}

export type CardDeadlineKind = 'explanation' | 'interview';
export interface CardReminderInput {
  step: string;
  what: CardDeadlineKind;
  percent: number;
  deadlineMs: number;
}
export interface CardEscalationInput {
  step: string;
  what: CardDeadlineKind;
  level: CardEscalationLevel;
  lapsedDeadlineMs: number;
  nextDueAtMs?: number;
}
export interface CardVoidInput {
  actorId?: string;
  reason: string;
  decidedAtMs: number;
}
