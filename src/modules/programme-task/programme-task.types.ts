import type { BusinessCalendar, Limit } from '../../shared/calendar';
import type { EvidenceItem, ProgrammeTaskKind, TaskEvidence } from '../../shared/process/programme-kinds';
import type { TaskState } from '../../shared/process/programme-task.states';

/** What a task's workflow starts with: the row is written first, the policy version's settings travel along. */
export interface ProgrammeTaskInput {
  taskId: string;
  kind: ProgrammeTaskKind;
  policyVersion: number;
  /** An agency already named at creation (assigned by the community or a supervisor). */
  partyOrgId?: string;
  dueAtMs: number;
  requiredEvidence: EvidenceItem[];
  reminderFractions: number[];
  followUpLimit: Limit;
  maxEscalations: number;
  calendar: BusinessCalendar;
}

/** Row fields a task step may set; times as epoch ms so workflow code never builds Dates from the wall clock. */
export interface TaskPatch {
  partyOrgId?: string;
  memberIds?: string[];
  evidence?: TaskEvidence;
  submittedAtMs?: number;
  confirmedAtMs?: number;
}

export interface TaskStepInput {
  /** Stable step name; with the workflowId it is the timeline entry's dedup key. */
  step: string;
  kind: string;
  status?: TaskState;
  actorId?: string;
  note?: string;
  data?: Record<string, unknown>;
  dueAtMs?: number;
  patch?: TaskPatch;
}

export interface TaskReminderInput {
  step: string;
  percent: number;
  deadlineMs: number;
}

export interface TaskEscalationInput {
  step: string;
  level: number;
  lapsedDeadlineMs: number;
  nextDueAtMs?: number;
}
