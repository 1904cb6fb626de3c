import type { CaseStatus, Role } from '../../generated/prisma/enums';
import type { EscalationLevel } from '../policy/request-loop-policy.schema';
import type { Limit } from '../../shared/calendar';

export type ClockName = 'accept' | 'resolution' | 'rework' | 'firstResponse' | 'contactDepartment';
export interface LadderStep {
  level: EscalationLevel;
  notify: Role[];
  supervisionOrderLimit: Limit;
}

export interface TransitionInput {
  caseId: string;
  /** Stable step name; with the workflowId it is the event's dedup key. */
  step: string;
  status: CaseStatus;
  /** The timeline entry's kind when it is not simply the new status (INFO_REQUESTED, DISPUTED …). */
  kind?: string;
  /** A re-dispatch: the grid that takes the case over (it becomes accountable once it accepts). */
  assignGridId?: string;
  mergedIntoId?: string;
  /** 转入矛盾调解: the dispute the case became; its clocks stopped for this reason. */
  convertedDisputeId?: string;
  clocksStopReason?: string;
  /** More for the timeline entry's data than the new status (the clocks a conversion stopped …). */
  data?: Record<string, unknown>;
  actorId?: string;
  note?: string;
  resolveDeadlineMs?: number;
  /** 暂定: that deadline was counted into a year without a published holiday schedule (absent from older workflow code). */
  resolveDeadlineProvisional?: boolean;
}

export interface NoteInput {
  caseId: string;
  /** Stable step name; with the workflowId it is the event's dedup key. */
  step: string;
  kind: string;
  actorId?: string;
  note?: string;
  data: Record<string, unknown>;
  /** The resolution deadline after this step, when it may have moved (an approved extension, a pause). */
  resolveDeadlineMs?: number;
  /** 暂定: that deadline was counted into a year without a published holiday schedule (absent from older workflow code). */
  resolveDeadlineProvisional?: boolean;
  /** A policy migration: the version the case is on from now, and its accept deadline when that moved. */
  policyVersion?: number;
  acceptDeadlineMs?: number;
}

/** Which run of a clock: absent for the first (and for every run in histories from before runs were told apart). */
export interface ClockRun {
  run?: number;
}

/** The key a clock run's reminders, escalations and 督办单 are deduplicated under: `rework`, then `rework-2`, `rework-3` … */
export const clockKey = (clock: ClockName, run?: number): string => (run && run > 1 ? `${clock}-${run}` : clock);

export interface ReminderInput extends ClockRun {
  caseId: string;
  clock: ClockName;
  index: number;
  percent: number;
  deadlineMs: number;
}

export interface EscalationInput extends ClockRun {
  caseId: string;
  clock: ClockName;
  /** Index into the ladder of the rung the case climbs to (1 = the rung above the grid). */
  level: number;
  step: LadderStep;
  /** The rung that missed the deadline. */
  missed: LadderStep;
  lapsedDeadlineMs: number;
  orderDeadlineMs: number;
}
