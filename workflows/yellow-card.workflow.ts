import {
  allHandlersFinished,
  condition,
  defineQuery,
  defineSignal,
  defineUpdate,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { YellowCardActivities } from '../activities/yellow-card.activities';
import type { CardDeadlineKind, YellowCardInput } from '../src/modules/yellow-card/yellow-card.types';
import { computeDeadline, deadlineWithPauses, reminderTimesFor, toCstMinute } from '../src/shared/calendar';
import type { Limit, PauseInterval } from '../src/shared/calendar';
import {
  cardActionRefusal,
  interviewRefusal,
  isCardFinal,
  isWaitingOnHolder,
} from '../src/shared/process/yellow-card.states';
import type { CardAction, CardState, InterviewState, StepRefusal } from '../src/shared/process/yellow-card.states';
import { cardKeyPairs } from '../src/shared/search-attributes';
import { refuse } from './refusal';
import { keepSearchAttributes } from './search-attributes';

export type { CardState } from '../src/shared/process/yellow-card.states';

export interface SubmitInput {
  actorId?: string;
  explanation: string;
  rectificationPlan: string;
}
export interface ReviewInput {
  actorId?: string;
  accept: boolean;
  comment?: string;
}
export interface AppealInput {
  actorId?: string;
  reason: string;
  evidence?: string[];
}
export interface AppealDecisionInput {
  actorId?: string;
  uphold: boolean;
  reason: string;
}
export interface InterviewInput {
  actorId?: string;
  note: string;
}
export interface CardView {
  state: CardState;
  deadline: string | null;
  paused: boolean;
  escalationLevel: number;
  appealed: boolean;
  appealEndsAt: string;
  interview: InterviewState;
}

export const submitUpdate = defineUpdate<CardState, [SubmitInput]>('submit');
export const reviewUpdate = defineUpdate<CardState, [ReviewInput]>('review');
export const appealUpdate = defineUpdate<CardState, [AppealInput]>('appeal');
export const decideAppealUpdate = defineUpdate<CardState, [AppealDecisionInput]>('decideAppeal');
export const recordInterviewUpdate = defineUpdate<CardState, [InterviewInput]>('recordInterview');
export const cardQuery = defineQuery<CardView>('card');
/** Another card of the same rating had its appeal upheld: the rating is struck out, so this card falls too. */
export const ratingStruckOutSignal = defineSignal<[string]>('ratingStruckOut');

const { issueYellowCard, recordCardStep, remindCard, escalateCard, scheduleCardInterview, voidYellowCard } =
  proxyActivities<YellowCardActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });

const refuseIf = (refusal: StepRefusal | undefined) => {
  if (refusal) refuse(refusal.code, refusal.message);
};
const allowed = (action: CardAction, from: CardState) => refuseIf(cardActionRefusal(action, from));
const blank = (s: unknown) => typeof s !== 'string' || !s.trim();

/** One deadline the holder works against: the explanation, or a resubmission after a send-back or a missed deadline. */
interface Deadline {
  attempt: number;
  startMs: number;
  limit: Limit;
  pauses: PauseInterval[];
  pausedSinceMs?: number;
  reminded: number;
}

/**
 * 黄牌预警: issued → the holder writes an explanation and a rectification plan by a working-day deadline → a supervisor
 * accepts (rectified) or sends it back with a new deadline. Each missed deadline escalates one level (street, then
 * district) with a follow-up deadline. One appeal, within its window, pauses the deadline; upheld voids the card.
 * A repeat card also schedules a 约谈 reminder interview, which runs beside the card until a supervisor records it.
 */
export async function yellowCardWorkflow(input: YellowCardInput): Promise<CardState> {
  const issuedMs = Date.now();
  const appealEndsMs = computeDeadline(input.calendar, issuedMs, input.appealWindow);
  let state: CardState = 'ISSUED';
  let beforeAppeal: CardState = 'ISSUED';
  let appealed = false;
  let missedAny = false;
  let escalationLevel = 0;
  let interview: InterviewState = 'NONE';
  let steps = 0;
  let issuedRow = false;
  /** An update that arrives while the card is still being issued writes only once the row exists. */
  const afterIssue = () => condition(() => issuedRow);
  const step = (name: string) => `${name}-${++steps}`;
  let current: Deadline = { attempt: 0, startMs: issuedMs, limit: input.explanationLimit, pauses: [], reminded: 0 };
  const dueOf = (d: Deadline) => deadlineWithPauses(input.calendar, d.startMs, d.limit, d.pauses, 0);
  const restart = (limit: Limit) => {
    current = { attempt: current.attempt + 1, startMs: Date.now(), limit, pauses: [], reminded: 0 };
  };
  const waitingOnHolder = () => isWaitingOnHolder(state);
  const finished = () => isCardFinal(state);

  setHandler(cardQuery, () => ({
    state,
    deadline: waitingOnHolder() || state === 'APPEALED' ? new Date(dueOf(current)).toISOString() : null,
    paused: state === 'APPEALED',
    escalationLevel,
    appealed,
    appealEndsAt: new Date(appealEndsMs).toISOString(),
    interview,
  }));

  setHandler(
    submitUpdate,
    async (s) => {
      const now = Date.now();
      state = 'SUBMITTED';
      await afterIssue();
      await recordCardStep({
        step: step('submitted'),
        kind: 'SUBMITTED',
        status: 'SUBMITTED',
        actorId: s.actorId,
        data: { onTime: now <= dueOf(current) },
        patch: { explanation: s.explanation.trim(), rectificationPlan: s.rectificationPlan.trim(), submittedAtMs: now },
      });
      return state;
    },
    {
      validator: (s: SubmitInput) => {
        allowed('submit', state);
        if (blank(s?.explanation)) refuse('VALIDATION_FAILED', '请填写书面说明');
        if (blank(s?.rectificationPlan)) refuse('VALIDATION_FAILED', '请填写整改方案');
      },
    },
  );

  setHandler(
    reviewUpdate,
    async (r) => {
      await afterIssue();
      if (r.accept) {
        state = 'RECTIFIED';
        await recordCardStep({
          step: step('rectified'),
          kind: 'RECTIFIED',
          status: 'RECTIFIED',
          actorId: r.actorId,
          note: r.comment,
          patch: { closedAtMs: Date.now(), rectifiedOnTime: !missedAny },
        });
      } else {
        state = 'SENT_BACK';
        restart(input.resubmitLimit);
        await recordCardStep({
          step: step('sent-back'),
          kind: 'SENT_BACK',
          status: 'SENT_BACK',
          actorId: r.actorId,
          note: r.comment,
          dueAtMs: dueOf(current),
        });
      }
      return state;
    },
    {
      validator: (r: ReviewInput) => {
        allowed('review', state);
        if (!r?.accept && blank(r?.comment)) refuse('VALIDATION_FAILED', '退回修改须写明审核意见');
      },
    },
  );

  setHandler(
    appealUpdate,
    async (a) => {
      const now = Date.now();
      appealed = true;
      beforeAppeal = state;
      state = 'APPEALED';
      current.pausedSinceMs = now;
      await afterIssue();
      await recordCardStep({
        step: step('appealed'),
        kind: 'APPEALED',
        status: 'APPEALED',
        actorId: a.actorId,
        note: a.reason,
        patch: { appealedAtMs: now, appealReason: a.reason.trim(), appealEvidence: a.evidence ?? [] },
      });
      return state;
    },
    {
      validator: (a: AppealInput) => {
        allowed('appeal', state);
        if (appealed) refuse('APPEAL_ALREADY_USED', '每张黄牌只能申诉一次');
        if (Date.now() > appealEndsMs) refuse('APPEAL_WINDOW_CLOSED', `申诉期限已于 ${toCstMinute(appealEndsMs)} 截止`);
        if (blank(a?.reason)) refuse('VALIDATION_FAILED', '请写明申诉理由');
      },
    },
  );

  setHandler(
    decideAppealUpdate,
    async (d) => {
      await afterIssue();
      const now = Date.now();
      const decision = {
        appealDecision: d.uphold ? 'UPHELD' : 'REJECTED',
        appealDecisionReason: d.reason.trim(),
        appealDecidedBy: d.actorId,
        appealDecidedAtMs: now,
      } as const;
      if (d.uphold) {
        state = 'VOID';
        if (interview === 'SCHEDULED') interview = 'CANCELLED';
        const { siblingWorkflowIds } = await voidYellowCard({
          actorId: d.actorId,
          reason: d.reason.trim(),
          decidedAtMs: now,
        });
        await recordCardStep({
          step: step('appeal-upheld'),
          kind: 'APPEAL_UPHELD',
          status: 'VOID',
          actorId: d.actorId,
          note: d.reason,
          patch: { ...decision, closedAtMs: now },
        });
        for (const id of siblingWorkflowIds)
          await getExternalWorkflowHandle(id).signal(ratingStruckOutSignal, d.reason.trim());
      } else {
        state = beforeAppeal;
        if (current.pausedSinceMs !== undefined) current.pauses.push({ fromMs: current.pausedSinceMs, toMs: now });
        current.pausedSinceMs = undefined;
        await recordCardStep({
          step: step('appeal-rejected'),
          kind: 'APPEAL_REJECTED',
          status: beforeAppeal,
          actorId: d.actorId,
          note: d.reason,
          dueAtMs: waitingOnHolder() ? dueOf(current) : undefined,
          patch: decision,
        });
      }
      return state;
    },
    {
      validator: (d: AppealDecisionInput) => {
        allowed('decideAppeal', state);
        if (typeof d?.uphold !== 'boolean') refuse('VALIDATION_FAILED', '请选择维持申诉或驳回申诉');
        if (blank(d?.reason)) refuse('VALIDATION_FAILED', '请写明裁决理由');
      },
    },
  );

  setHandler(
    recordInterviewUpdate,
    async (i) => {
      interview = 'HELD';
      await afterIssue();
      await recordCardStep({
        step: step('interview-held'),
        kind: 'INTERVIEW_HELD',
        actorId: i.actorId,
        note: i.note,
        interviewHeld: { atMs: Date.now(), by: i.actorId, note: i.note.trim() },
      });
      return state;
    },
    {
      validator: (i: InterviewInput) => {
        refuseIf(interviewRefusal(interview));
        if (blank(i?.note)) refuse('VALIDATION_FAILED', '请记录约谈情况');
      },
    },
  );

  setHandler(ratingStruckOutSignal, async (reason) => {
    await afterIssue();
    if (finished()) return;
    const now = Date.now();
    state = 'VOID';
    if (interview === 'SCHEDULED') interview = 'CANCELLED';
    await voidYellowCard({ reason, decidedAtMs: now });
    await recordCardStep({
      step: step('voided-with-rating'),
      kind: 'VOIDED_WITH_RATING',
      status: 'VOID',
      note: reason,
      patch: { closedAtMs: now },
    });
  });

  const remindersOf = (startMs: number, dueMs: number, limit: Limit) =>
    reminderTimesFor(input.calendar, limit, startMs, dueMs, input.reminderFractions);
  const percentAt = (i: number) => Math.round(input.reminderFractions[i] * 100);

  const issued = await issueYellowCard({ ...input, dueAtMs: dueOf(current), appealEndsMs });
  issuedRow = true;
  keepSearchAttributes('yellow-card', () => ({
    state,
    escalationLevel,
    pairs: cardKeyPairs(input.holderKind, issued.keys),
  }));

  /** The 约谈 interview: reminders before it is due; overdue once, escalated to the top level; done when recorded or the card is voided. */
  const runInterview = async () => {
    const what: CardDeadlineKind = 'interview';
    interview = 'SCHEDULED';
    const dueMs = computeDeadline(input.calendar, issuedMs, input.interviewLimit);
    await scheduleCardInterview({ dueAtMs: dueMs, repeatCount: issued.repeatCount });
    const times = remindersOf(issuedMs, dueMs, input.interviewLimit);
    let sent = 0;
    while (interview === 'SCHEDULED') {
      const wakeAt = sent < times.length ? times[sent] : dueMs;
      if (wakeAt > Date.now()) {
        await condition(() => interview !== 'SCHEDULED', wakeAt - Date.now());
        continue;
      }
      if (sent < times.length) {
        await remindCard({ step: `interview-reminder-${sent}`, what, percent: percentAt(sent), deadlineMs: dueMs });
        sent += 1;
        continue;
      }
      await escalateCard({
        step: 'interview-overdue',
        what,
        level: input.escalation[input.escalation.length - 1],
        lapsedDeadlineMs: dueMs,
      });
      await condition(() => interview !== 'SCHEDULED');
    }
  };
  const interviewDone = issued.interview ? runInterview() : Promise.resolve();

  while (!finished()) {
    if (!waitingOnHolder()) {
      await condition(() => finished() || waitingOnHolder());
      continue;
    }
    const deadline = current;
    const dueMs = dueOf(deadline);
    // reminders fall at the policy's fractions of the unpaused budget, later by whatever was paused (an appeal) before them
    const reminders = remindersOf(
      deadline.startMs,
      deadlineWithPauses(input.calendar, deadline.startMs, deadline.limit, [], 0),
      deadline.limit,
    ).map((t) => t + deadline.pauses.filter((p) => p.fromMs <= t).reduce((sum, p) => sum + (p.toMs - p.fromMs), 0));
    const nextReminder = deadline.reminded < reminders.length ? reminders[deadline.reminded] : undefined;
    const wakeAt = nextReminder !== undefined && nextReminder < dueMs ? nextReminder : dueMs;
    if (wakeAt > Date.now()) {
      await condition(() => finished() || !waitingOnHolder() || current !== deadline, wakeAt - Date.now());
      continue;
    }
    if (wakeAt !== dueMs) {
      await remindCard({
        step: `reminder-${deadline.attempt}-${deadline.reminded}`,
        what: 'explanation',
        percent: percentAt(deadline.reminded),
        deadlineMs: dueMs,
      });
      deadline.reminded += 1;
      continue;
    }
    missedAny = true;
    if (escalationLevel >= input.escalation.length) {
      await condition(() => finished() || !waitingOnHolder() || current !== deadline); // the top level already knows: wait for the holder
      continue;
    }
    escalationLevel += 1;
    restart(input.resubmitLimit);
    await escalateCard({
      step: `escalation-${escalationLevel}`,
      what: 'explanation',
      level: input.escalation[escalationLevel - 1],
      lapsedDeadlineMs: dueMs,
      nextDueAtMs: dueOf(current),
    });
  }
  await interviewDone;
  await condition(allHandlersFinished);
  return state;
}
