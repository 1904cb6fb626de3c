import {
  allHandlersFinished,
  condition,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { ProgrammeTaskActivities } from '../activities/programme-task.activities';
import type { ProgrammeTaskInput } from '../src/modules/programme-task/programme-task.types';
import { computeDeadline, workingReminderTimes } from '../src/shared/calendar';
import { missingEvidence, missingEvidenceMessage } from '../src/shared/process/programme-kinds';
import type { TaskEvidence } from '../src/shared/process/programme-kinds';
import { isClockRunning, isTaskFinal, taskActionRefusal } from '../src/shared/process/programme-task.states';
import type { TaskAction, TaskState } from '../src/shared/process/programme-task.states';
import { refuse } from './refusal';
import { keepSearchAttributes } from './search-attributes';

export type { TaskState } from '../src/shared/process/programme-task.states';

export interface AssignInput {
  actorId?: string;
  partyOrgId: string;
  /** true when the agency claimed it itself, false when the community or a supervisor assigned it. */
  claimed: boolean;
}
export interface NameMembersInput {
  actorId?: string;
  memberIds: string[];
}
export interface SubmitEvidenceInput {
  actorId?: string;
  evidence: TaskEvidence;
}
export interface ReviewTaskInput {
  actorId?: string;
  accept: boolean;
  comment?: string;
}
export interface TaskView {
  state: TaskState;
  partyOrgId: string | null;
  memberIds: string[];
  deadline: string | null;
  overdue: boolean;
  escalationLevel: number;
}

export const assignTaskUpdate = defineUpdate<TaskState, [AssignInput]>('assignTask');
export const nameMembersUpdate = defineUpdate<TaskState, [NameMembersInput]>('nameMembers');
export const submitEvidenceUpdate = defineUpdate<TaskState, [SubmitEvidenceInput]>('submitEvidence');
export const reviewTaskUpdate = defineUpdate<TaskState, [ReviewTaskInput]>('reviewTask');
export const programmeTaskQuery = defineQuery<TaskView>('programmeTask');

const { recordTaskStep, remindTask, escalateTask } = proxyActivities<ProgrammeTaskActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const allowed = (action: TaskAction, from: TaskState) => {
  const refusal = taskActionRefusal(action, from);
  if (refusal) refuse(refusal.code, refusal.message);
};
const blank = (s: unknown) => typeof s !== 'string' || !s.trim();

/**
 * 双进双联 quota task: open → an agency claims it or is assigned it and names its members → they submit the evidence
 * the policy asks for → the community confirms (counts towards the quota) or sends it back. Reminders before the due
 * date; a lapse marks it overdue and escalates, with a follow-up deadline for each further level.
 */
export async function programmeTaskWorkflow(input: ProgrammeTaskInput): Promise<TaskState> {
  const startMs = Date.now();
  let state: TaskState = input.partyOrgId ? 'ASSIGNED' : 'OPEN';
  let partyOrgId = input.partyOrgId ?? null;
  let memberIds: string[] = [];
  let dueMs = input.dueAtMs;
  let overdue = false;
  let escalationLevel = 0;
  let steps = 0;
  const step = (name: string) => `${name}-${++steps}`;

  setHandler(programmeTaskQuery, () => ({
    state,
    partyOrgId,
    memberIds,
    deadline: isClockRunning(state) ? new Date(dueMs).toISOString() : null,
    overdue,
    escalationLevel,
  }));
  keepSearchAttributes('programme-task', () => ({ state, escalationLevel }));

  setHandler(
    assignTaskUpdate,
    async (a) => {
      state = 'ASSIGNED';
      partyOrgId = a.partyOrgId;
      await recordTaskStep({
        step: step(a.claimed ? 'claimed' : 'assigned'),
        kind: a.claimed ? 'CLAIMED' : 'ASSIGNED',
        status: state,
        actorId: a.actorId,
        patch: { partyOrgId: a.partyOrgId },
      });
      return state;
    },
    {
      validator: (a: AssignInput) => {
        allowed('assign', state);
        if (blank(a?.partyOrgId)) refuse('VALIDATION_FAILED', '请指定承办的机关党组织');
      },
    },
  );

  setHandler(
    nameMembersUpdate,
    async (m) => {
      memberIds = [...new Set(m.memberIds)];
      await recordTaskStep({
        step: step('members'),
        kind: 'MEMBERS_NAMED',
        actorId: m.actorId,
        data: { memberIds },
        patch: { memberIds },
      });
      return state;
    },
    {
      validator: (m: NameMembersInput) => {
        allowed('nameMembers', state);
        if (!Array.isArray(m?.memberIds) || !m.memberIds.length) refuse('VALIDATION_FAILED', '请至少指定一名承办党员');
      },
    },
  );

  setHandler(
    submitEvidenceUpdate,
    async (s) => {
      const now = Date.now();
      state = 'SUBMITTED';
      await recordTaskStep({
        step: step('submitted'),
        kind: 'SUBMITTED',
        status: state,
        actorId: s.actorId,
        data: { onTime: now <= dueMs },
        patch: { evidence: s.evidence, submittedAtMs: now },
      });
      return state;
    },
    {
      validator: (s: SubmitEvidenceInput) => {
        allowed('submit', state);
        if (!memberIds.length) refuse('VALIDATION_FAILED', '请先指定承办党员');
        const message = missingEvidenceMessage(missingEvidence(input.requiredEvidence, s?.evidence));
        if (message) refuse('EVIDENCE_MISSING', message);
      },
    },
  );

  setHandler(
    reviewTaskUpdate,
    async (r) => {
      if (r.accept) {
        state = 'CONFIRMED';
        await recordTaskStep({
          step: step('confirmed'),
          kind: 'CONFIRMED',
          status: state,
          actorId: r.actorId,
          note: r.comment,
          patch: { confirmedAtMs: Date.now() },
        });
      } else {
        state = 'SENT_BACK';
        await recordTaskStep({
          step: step('sent-back'),
          kind: 'SENT_BACK',
          status: state,
          actorId: r.actorId,
          note: r.comment,
        });
      }
      return state;
    },
    {
      validator: (r: ReviewTaskInput) => {
        allowed('review', state);
        if (typeof r?.accept !== 'boolean') refuse('VALIDATION_FAILED', '请选择确认完成或退回补充');
        if (!r.accept && blank(r.comment)) refuse('VALIDATION_FAILED', '退回补充须写明意见');
      },
    },
  );

  // reminders fall in working time between the start and the due date; none when the due date is already here
  const reminders =
    dueMs > startMs ? workingReminderTimes(input.calendar, startMs, dueMs, input.reminderFractions) : [];
  let reminded = 0;
  while (!isTaskFinal(state)) {
    if (!isClockRunning(state)) {
      await condition(() => isTaskFinal(state) || isClockRunning(state));
      continue;
    }
    const next = !overdue && reminded < reminders.length ? reminders[reminded] : undefined;
    const wakeAt = next !== undefined && next < dueMs ? next : dueMs;
    if (escalationLevel >= input.maxEscalations) {
      await condition(() => isTaskFinal(state) || !isClockRunning(state)); // the top level already knows
      continue;
    }
    if (wakeAt > Date.now()) {
      await condition(() => isTaskFinal(state) || !isClockRunning(state), wakeAt - Date.now());
      continue;
    }
    if (wakeAt !== dueMs) {
      await remindTask({
        step: `reminder-${reminded}`,
        percent: Math.round(input.reminderFractions[reminded] * 100),
        deadlineMs: dueMs,
      });
      reminded += 1;
      continue;
    }
    overdue = true;
    escalationLevel += 1;
    const lapsedMs = dueMs;
    const more = escalationLevel < input.maxEscalations;
    if (more) dueMs = computeDeadline(input.calendar, Date.now(), input.followUpLimit);
    await escalateTask({
      step: `escalation-${escalationLevel}`,
      level: escalationLevel,
      lapsedDeadlineMs: lapsedMs,
      nextDueAtMs: more ? dueMs : undefined,
    });
  }
  await condition(allHandlersFinished);
  return state;
}
