import { allHandlersFinished, ApplicationFailure, condition, defineQuery, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { RequestCaseActivities } from '../activities/request-case.activities';
import type { ClockName, LadderStep } from '../src/modules/request/request-case.types';
import { computeDeadline, isRoundTheClock, reminderTimes, workingReminderTimes } from '../src/shared/calendar';
import type { BusinessCalendar, Limit } from '../src/shared/calendar';

export type CaseState = 'REPORTED' | 'ACCEPTED' | 'HANDLING' | 'HANDLED' | 'CLOSED';

/** Everything the case needs from its policy version and calendar, frozen at intake so replays never re-read them. */
export interface RequestCaseInput {
  caseId: string;
  category: string;
  urgency: string;
  acceptLimit: Limit;
  resolutionLimit: Limit;
  reminderFractions: number[];
  ladder: LadderStep[];
  calendar: BusinessCalendar;
}

export interface ClockView {
  name: ClockName;
  startedAt: string;
  deadline: string;
  state: 'running' | 'met' | 'lapsed';
  escalationLevel: number;
}

export interface ActorInput { actorId?: string; note?: string }
export interface HandledInput { actorId?: string; reply: string }

export const acceptUpdate = defineUpdate<CaseState, [ActorInput]>('accept');
export const markHandledUpdate = defineUpdate<CaseState, [HandledInput]>('markHandled');
export const closeUpdate = defineUpdate<CaseState, [ActorInput]>('close');
export const clocksQuery = defineQuery<ClockView[]>('clocks');

const { recordCaseTransition, sendCaseReminder, escalateCase } = proxyActivities<RequestCaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const stateLabel: Record<CaseState, string> = { REPORTED: '待受理', ACCEPTED: '已受理', HANDLING: '处置中', HANDLED: '已处置', CLOSED: '已办结' };

function illegal(action: string, from: CaseState): never {
  throw ApplicationFailure.create({ type: 'ILLEGAL_TRANSITION', nonRetryable: true, message: `诉求当前为「${stateLabel[from]}」，不能${action}` });
}

/** Waits until `done` or `untilMs` (workflow time); true when done. */
async function waitUntil(done: () => boolean, untilMs: number): Promise<boolean> {
  const remaining = untilMs - Date.now();
  if (done() || remaining <= 0) return done();
  return condition(done, remaining);
}

/**
 * 群众诉求闭环, first slice: the accept clock, then (after 受理) the resolution clock; each reminds at the policy's
 * fractions and, when it lapses, climbs the escalation ladder one rung per lapsed 督办单 deadline, never past the top.
 */
export async function requestCaseWorkflow(input: RequestCaseInput): Promise<CaseState> {
  let state: CaseState = 'REPORTED';
  const clocks: ClockView[] = [];
  setHandler(clocksQuery, () => clocks);

  let acceptedAtMs = 0;
  // The state moves before the write so a second update's validator already sees it.
  const transition = async (step: string, to: CaseState, actorId?: string, note?: string, resolveDeadlineMs?: number) => {
    state = to;
    await recordCaseTransition({ caseId: input.caseId, step, status: to, actorId, note, resolveDeadlineMs });
    return to;
  };
  setHandler(acceptUpdate, (a) => {
    acceptedAtMs = Date.now();
    return transition('accept', 'ACCEPTED', a.actorId, a.note, computeDeadline(input.calendar, acceptedAtMs, input.resolutionLimit));
  }, {
    validator: (_: ActorInput) => { if (state !== 'REPORTED') illegal('受理', state); },
  });
  setHandler(markHandledUpdate, (a) => transition('handled', 'HANDLED', a.actorId, a.reply), {
    validator: (a: HandledInput) => {
      if (state !== 'ACCEPTED' && state !== 'HANDLING') illegal('标记为已处置', state);
      if (!a?.reply?.trim()) throw ApplicationFailure.create({ type: 'VALIDATION_FAILED', nonRetryable: true, message: '处置答复不能为空' });
    },
  });
  setHandler(closeUpdate, (a) => transition('close', 'CLOSED', a.actorId, a.note), {
    validator: (_: ActorInput) => { if (state !== 'HANDLED') illegal('办结', state); },
  });

  const runClock = async (name: ClockName, limit: Limit, startMs: number, done: () => boolean): Promise<void> => {
    const deadlineMs = computeDeadline(input.calendar, startMs, limit);
    const clock: ClockView = { name, startedAt: new Date(startMs).toISOString(), deadline: new Date(deadlineMs).toISOString(), state: 'running', escalationLevel: 0 };
    clocks.push(clock);
    const reminders = isRoundTheClock(limit)
      ? reminderTimes(startMs, deadlineMs, input.reminderFractions)
      : workingReminderTimes(input.calendar, startMs, deadlineMs, input.reminderFractions);
    for (const [index, at] of reminders.entries()) {
      if (await waitUntil(done, at)) break;
      await sendCaseReminder({ caseId: input.caseId, clock: name, index, percent: Math.round(input.reminderFractions[index] * 100), deadlineMs });
    }
    let lapseAt = deadlineMs;
    while (!(await waitUntil(done, lapseAt))) {
      clock.state = 'lapsed';
      const level = clock.escalationLevel + 1;
      if (level >= input.ladder.length) {
        await condition(done);
        break;
      }
      const orderDeadlineMs = computeDeadline(input.calendar, Date.now(), input.ladder[level].supervisionOrderLimit);
      await escalateCase({
        caseId: input.caseId, clock: name, level, step: input.ladder[level], missed: input.ladder[level - 1],
        lapsedDeadlineMs: lapseAt, orderDeadlineMs,
      });
      clock.escalationLevel = level;
      lapseAt = orderDeadlineMs;
    }
    if (clock.state === 'running') clock.state = 'met';
  };

  await runClock('accept', input.acceptLimit, Date.now(), () => state !== 'REPORTED');
  await runClock('resolution', input.resolutionLimit, acceptedAtMs, () => state === 'HANDLED' || state === 'CLOSED');
  await condition(() => state === 'CLOSED' && allHandlersFinished());
  return state;
}
