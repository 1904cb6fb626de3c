import type { BusinessCalendar, Limit } from '../../shared/calendar';
import type { AgreementTerms, DisputeState, RiskGrade } from '../../shared/process/mediation.states';
import type { InvitationStatus } from '../../shared/process/mediation-panel.states';

export interface Party {
  kind: 'PERSON' | 'ENTERPRISE' | 'GROUP';
  name: string;
  headCount?: number;
  phone?: string;
  idNumber?: string;
  address?: string;
  representative?: string;
}

export interface SlotPlan {
  key: string;
  label: string;
  required: boolean;
  /** Invited in this order; a decline or silence moves to the next. */
  candidates: string[];
}

/** What the mediation workflow starts with: limits frozen from the policy version and the district's calendar. */
export interface MediationInput {
  disputeId: string;
  disputeNo: string;
  riskGrade: RiskGrade;
  slots: SlotPlan[];
  invitationLimit: Limit;
  mediationLimit: Limit;
  supervisionOrderLimit: Limit;
  sessionReminderLead: Limit;
  visitIntervalsDays: number[];
  visitReminderEveryDays: number;
  visitMaxReminders: number;
  judicialConfirmationDays: number;
  calendar: BusinessCalendar;
}

/** Who hears of a step: the panel's members, they and the parties (by phone), or the convener. */
export type Audience = 'panel' | 'panelAndParties' | 'convener' | 'none';

export interface DisputePatch {
  status?: DisputeState;
  riskGrade?: RiskGrade;
  riskAdjustReason?: string;
  reopen?: boolean;
  agreement?: AgreementTerms;
  agreedAtMs?: number;
  judicialConfirmation?: Record<string, unknown>;
  referral?: Record<string, unknown>;
  closedAtMs?: number;
}

export interface MediationStepInput {
  step: string;
  kind: string;
  actorId?: string;
  note?: string;
  data?: Record<string, unknown>;
  patch?: DisputePatch;
  notify?: Audience;
}

export interface InviteInput {
  step: string;
  slotKey: string;
  seq: number;
  personId: string;
  deadlineMs: number;
}
export interface SettleInvitationInput {
  step: string;
  slotKey: string;
  seq: number;
  status: Exclude<InvitationStatus, 'PENDING'>;
  /** A member who had accepted withdraws (回避); otherwise a pending invitation is answered or lapses. */
  memberWithdrawal?: boolean;
  actorId?: string;
  reason?: string;
}
export interface SessionInput {
  step: string;
  seq: number;
  place: string;
  startsAtMs: number;
  actorId?: string;
}
export interface SessionRecordInput {
  step: string;
  seq: number;
  attendance: string[];
  absent: string[];
  minutes: string;
  actorId?: string;
}
export interface VisitInput {
  step: string;
  round: number;
  seq: number;
  dueAtMs: number;
}
export interface VisitRecordInput {
  step: string;
  round: number;
  seq: number;
  performed: boolean;
  note: string;
  actorId?: string;
}
export interface OverdueInput {
  step: string;
  lapsedDeadlineMs: number;
  orderDeadlineMs: number;
}
