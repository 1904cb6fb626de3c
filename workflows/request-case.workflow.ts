import {
  allHandlersFinished,
  condition,
  defineQuery,
  defineSignal,
  defineUpdate,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { RequestCaseActivities } from '../activities/request-case.activities';
import type { ClockName, LadderStep, TransitionInput } from '../src/modules/request-case/request-case.types';
import { computeDeadline, deadlineWithPauses, isProvisionalFor, reminderTimesFor } from '../src/shared/calendar';
import type { BusinessCalendar, Limit, PauseInterval } from '../src/shared/calendar';
import { CASE_START, caseActions, FINISHED, invalid, OPEN, requireState, UNACCEPTED } from './request-case-refusals';
import type { CaseState } from './request-case-refusals';
import { installCoHandling } from './co-handling.handlers';
import { keepSearchAttributes } from './search-attributes';
import { installPolicyMigration } from './policy-migration.handlers';
import { installMediationConversion } from './mediation-conversion.handlers';

export type { CaseState } from './request-case-refusals';

/**
 * A clock that runs again (a second dispute starts a second `rework` clock) sends its run number, so its reminders,
 * escalations and 督办单 get keys of their own. Histories from before kept one identity per clock name.
 */
export const CLOCK_RUN_PATCH = 'request-case-clock-run-identity';

/** A calendar change that only clears (or sets) a deadline's 暂定 flag writes a DEADLINE_RECOMPUTED entry. */
export const PROVISIONAL_DEADLINE_PATCH = 'request-case-provisional-deadline';

/**
 * The case's own steps (transitions, notes, reminders, escalations) run as local activities: each is a few statements
 * the worker runs inside the workflow task that decided it, so a lapse costs the server one workflow task instead of
 * two plus an activity task. Histories from before scheduled them as ordinary activities.
 */
export const LOCAL_STEPS_PATCH = 'request-case-local-steps';

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
  extension?: { maxWorkingDays: number; maxExtensions: number };
  /** After acceptance, the first feedback (a progress note or the reply) is due within this limit. */
  firstResponseLimit?: Limit;
  /** Beyond the community's authority: the street department must be contacted within this limit of intake. */
  contactDepartmentLimit?: Limit;
}

export interface ClockView {
  name: ClockName;
  startedAt: string;
  deadline: string;
  /** `stopped`: the case ended before what the clock waited for happened (closed or merged without it). */
  state: 'running' | 'paused' | 'met' | 'lapsed' | 'stopped';
  escalationLevel: number;
  pausedMs: number;
  extensionWorkingDays: number;
  /** 暂定: the deadline was counted into a year whose holiday schedule the calendar does not have yet. */
  provisional: boolean;
  /** Why a clock stopped before what it waited for happened (转入矛盾调解), and the dispute the case went to. */
  stopReason?: string;
  disputeId?: string;
}

export interface ActorInput {
  actorId?: string;
  note?: string;
}
export interface HandledInput {
  actorId?: string;
  reply: string;
}
export interface ExtensionInput {
  actorId?: string;
  workingDays: number;
  reason: string;
}
export interface DecisionInput {
  actorId?: string;
  approve: boolean;
  comment?: string;
}
export interface ReassignInput {
  actorId?: string;
  gridId: string;
  note?: string;
}
export interface MergeInput {
  actorId?: string;
  intoCaseId: string;
  note?: string;
}

export const acceptUpdate = defineUpdate<CaseState, [ActorInput]>('accept');
export const progressUpdate = defineUpdate<CaseState, [ActorInput]>('progress');
export const requestInfoUpdate = defineUpdate<CaseState, [ActorInput]>('requestInfo');
export const provideInfoUpdate = defineUpdate<CaseState, [ActorInput]>('provideInfo');
export const requestExtensionUpdate = defineUpdate<CaseState, [ExtensionInput]>('requestExtension');
export const decideExtensionUpdate = defineUpdate<CaseState, [DecisionInput]>('decideExtension');
export const markHandledUpdate = defineUpdate<CaseState, [HandledInput]>('markHandled');
export const disputeUpdate = defineUpdate<CaseState, [ActorInput]>('dispute');
export const closeUpdate = defineUpdate<CaseState, [ActorInput]>('close');
export const returnUpdate = defineUpdate<CaseState, [ActorInput]>('returnCase');
export const reassignUpdate = defineUpdate<CaseState, [ReassignInput]>('reassign');
export const mergeUpdate = defineUpdate<CaseState, [MergeInput]>('merge');
export const departmentContactedUpdate = defineUpdate<CaseState, [ActorInput]>('departmentContacted');
export const clocksQuery = defineQuery<ClockView[]>('clocks');
/** A supervisor changed the business calendar: running clocks re-compute their deadlines with it. */
export const calendarChangedSignal = defineSignal<[BusinessCalendar]>('calendarChanged');

const stepOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;
const remoteSteps = proxyActivities<RequestCaseActivities>(stepOptions);
const localSteps = proxyLocalActivities<RequestCaseActivities>(stepOptions);

/** One SLA clock: its deadline follows pauses (waiting on the resident) and approved extensions. */
interface Clock {
  view: ClockView;
  startMs: number;
  limit: Limit;
  pauses: PauseInterval[];
  pausedSinceMs?: number;
  extensionWorkingDays: number;
  /** Bumped whenever the deadline may have moved, to wake the waiting loop. */
  revision: number;
}

/**
 * 群众诉求闭环: the accept clock, then the resolution clock (a fresh one after a dispute reopens the case). Each clock
 * reminds at the policy's fractions and, on lapse, climbs the escalation ladder one rung per lapsed 督办单 deadline,
 * never past the top. Human steps are updates whose validators refuse illegal transitions.
 */
export async function requestCaseWorkflow(input: RequestCaseInput): Promise<CaseState> {
  // asked once, before any command: a replayed history without the marker keeps ordinary activities to its end
  const { recordCaseTransition, recordCaseNote, sendCaseReminder, escalateCase } = patched(LOCAL_STEPS_PATCH)
    ? localSteps
    : remoteSteps;
  let state: CaseState = CASE_START;
  let pendingExtension: ExtensionInput | undefined;
  let extensionsGranted = 0;
  let reopenings = 0;
  const clocks: Clock[] = [];
  let current: Clock | undefined;
  let calendar = input.calendar;
  setHandler(clocksQuery, () => clocks.map((c) => c.view));
  const coHandling = installCoHandling(input.caseId, () => state);
  keepSearchAttributes('request-case', () => ({
    state,
    escalationLevel: Math.max(0, ...clocks.map((c) => c.view.escalationLevel)),
  }));

  const deadlineOf = (c: Clock) => deadlineWithPauses(calendar, c.startMs, c.limit, c.pauses, c.extensionWorkingDays);
  const touch = (c: Clock) => {
    c.revision += 1;
    c.view.deadline = new Date(deadlineOf(c)).toISOString();
    c.view.provisional = isProvisionalFor(calendar, c.limit, Date.parse(c.view.deadline), c.extensionWorkingDays);
    c.view.pausedMs = c.pauses.reduce((sum, p) => sum + (p.toMs - p.fromMs), 0);
    c.view.extensionWorkingDays = c.extensionWorkingDays;
  };
  // the read model's 暂定 flag travels with the deadline it describes, computed from the same calendar
  const resolveDeadlineOf = (explicitMs?: number) => {
    const clock = current && current.view.name !== 'accept' ? current : undefined;
    const ms = explicitMs ?? (clock ? deadlineOf(clock) : undefined);
    if (ms === undefined) return {};
    return {
      resolveDeadlineMs: ms,
      resolveDeadlineProvisional:
        explicitMs === undefined && clock
          ? clock.view.provisional
          : isProvisionalFor(calendar, input.resolutionLimit, ms),
    };
  };
  // The state moves before the write so a second update's validator already sees it.
  const transition = async (
    step: string,
    to: CaseState,
    actorId?: string,
    note?: string,
    resolveDeadlineMs?: number,
    kind?: string,
    extra: Pick<
      TransitionInput,
      'assignGridId' | 'mergedIntoId' | 'convertedDisputeId' | 'clocksStopReason' | 'data'
    > = {},
  ) => {
    state = to;
    await recordCaseTransition({
      caseId: input.caseId,
      step,
      status: to,
      actorId,
      note,
      kind,
      ...extra,
      ...resolveDeadlineOf(resolveDeadlineMs),
    });
    return to;
  };
  let noteSeq = 0;
  const note = async (
    kind: string,
    actorId: string | undefined,
    text: string | undefined,
    data: Record<string, unknown> = {},
  ) => {
    noteSeq += 1;
    await recordCaseNote({
      caseId: input.caseId,
      step: `${kind.toLowerCase()}-${noteSeq}`,
      kind,
      actorId,
      note: text,
      data,
      ...resolveDeadlineOf(),
    });
  };

  setHandler(calendarChangedSignal, async (changed) => {
    const before = current?.view.deadline;
    const wasProvisional = current?.view.provisional;
    calendar = changed;
    for (const clock of clocks) if (clock.view.state !== 'met') touch(clock);
    // next year's schedule can clear 暂定 without moving the deadline; histories from before wrote nothing then
    const onlyFlag =
      current !== undefined && current.view.deadline === before && current.view.provisional !== wasProvisional;
    if (
      current &&
      current.view.state !== 'met' &&
      (current.view.deadline !== before || (onlyFlag && patched(PROVISIONAL_DEADLINE_PATCH)))
    ) {
      await note('DEADLINE_RECOMPUTED', undefined, '工作日历已调整，时限按新日历重算', {
        clock: current.view.name,
        from: before,
        to: current.view.deadline,
        provisional: current.view.provisional,
      });
    }
  });
  installPolicyMigration({ input, clocks, touch, state: () => state });

  setHandler(
    acceptUpdate,
    (a) =>
      transition(
        caseActions.accept.step,
        caseActions.accept.to,
        a.actorId,
        a.note,
        computeDeadline(calendar, Date.now(), input.resolutionLimit),
      ),
    {
      validator: (_: ActorInput) => requireState('accept', state),
    },
  );
  setHandler(
    progressUpdate,
    async (a) => {
      await note('PROGRESS', a.actorId, a.note);
      const { movesFrom, step, to } = caseActions.progress;
      return (movesFrom as readonly CaseState[]).includes(state) ? transition(step, to, a.actorId) : state;
    },
    {
      validator: (a: ActorInput) => {
        requireState('progress', state);
        if (!a?.note?.trim()) invalid('进展说明不能为空');
      },
    },
  );
  let waits = 0;
  setHandler(
    requestInfoUpdate,
    (a) => {
      waits += 1;
      if (current) {
        current.pausedSinceMs = Date.now();
        current.view.state = 'paused';
        current.revision += 1;
      }
      return transition(
        `${caseActions.requestInfo.step}-${waits}`,
        caseActions.requestInfo.to,
        a.actorId,
        a.note,
        undefined,
        'INFO_REQUESTED',
      );
    },
    {
      validator: (a: ActorInput) => {
        requireState('requestInfo', state);
        if (!a?.note?.trim()) invalid('请写明需要群众补充的内容');
      },
    },
  );
  setHandler(
    provideInfoUpdate,
    async (a) => {
      if (current?.pausedSinceMs !== undefined) {
        current.pauses.push({ fromMs: current.pausedSinceMs, toMs: Date.now() });
        current.pausedSinceMs = undefined;
        current.view.state = current.view.escalationLevel > 0 ? 'lapsed' : 'running';
        touch(current);
      }
      return transition(
        `${caseActions.provideInfo.step}-${waits}`,
        caseActions.provideInfo.to,
        a.actorId,
        a.note,
        undefined,
        'INFO_PROVIDED',
      );
    },
    {
      validator: (a: ActorInput) => {
        requireState('provideInfo', state);
        if (!a?.note?.trim()) invalid('补充内容不能为空');
      },
    },
  );
  setHandler(
    requestExtensionUpdate,
    async (a) => {
      pendingExtension = a;
      await note('EXTENSION_REQUESTED', a.actorId, a.reason, { workingDays: a.workingDays });
      return state;
    },
    {
      validator: (a: ExtensionInput) => {
        requireState('requestExtension', state);
        if (pendingExtension) invalid('已有待审批的延期申请');
        const rules = input.extension ?? { maxWorkingDays: 10, maxExtensions: 2 };
        if (extensionsGranted >= rules.maxExtensions) invalid(`延期次数已达上限（${rules.maxExtensions} 次）`);
        if (!Number.isInteger(a?.workingDays) || a.workingDays < 1 || a.workingDays > rules.maxWorkingDays)
          invalid(`延期天数须为 1–${rules.maxWorkingDays} 个工作日`);
        if (!a.reason?.trim()) invalid('请写明延期理由');
      },
    },
  );
  setHandler(
    decideExtensionUpdate,
    async (a) => {
      const requested = pendingExtension as ExtensionInput;
      pendingExtension = undefined;
      if (a.approve && current) {
        extensionsGranted += 1;
        current.extensionWorkingDays += requested.workingDays;
        touch(current);
      }
      await note(a.approve ? 'EXTENSION_APPROVED' : 'EXTENSION_REJECTED', a.actorId, a.comment, {
        workingDays: requested.workingDays,
      });
      return state;
    },
    {
      validator: (_: DecisionInput) => {
        if (!pendingExtension) invalid('没有待审批的延期申请');
        requireState('decideExtension', state);
      },
    },
  );
  setHandler(
    markHandledUpdate,
    (a) => transition(`${caseActions.markHandled.step}-${reopenings}`, caseActions.markHandled.to, a.actorId, a.reply),
    {
      validator: (a: HandledInput) => {
        requireState('markHandled', state);
        if (!a?.reply?.trim()) invalid('处置答复不能为空');
        coHandling.assertNoOpenParts();
      },
    },
  );
  setHandler(
    disputeUpdate,
    (a) => {
      reopenings += 1;
      return transition(
        `${caseActions.dispute.step}-${reopenings}`,
        caseActions.dispute.to,
        a.actorId,
        a.note,
        undefined,
        'DISPUTED',
      );
    },
    {
      validator: (a: ActorInput) => {
        requireState('dispute', state);
        if (!a?.note?.trim()) invalid('请写明异议理由');
      },
    },
  );
  setHandler(closeUpdate, (a) => transition(caseActions.close.step, caseActions.close.to, a.actorId, a.note), {
    validator: (_: ActorInput) => requireState('close', state),
  });
  let departmentContacted = false;
  setHandler(
    departmentContactedUpdate,
    async (a) => {
      departmentContacted = true;
      await note('DEPARTMENT_CONTACTED', a.actorId, a.note);
      return state;
    },
    {
      validator: (a: ActorInput) => {
        if (!input.contactDepartmentLimit) invalid('本诉求属社区职责，无需联系街道部门');
        if (departmentContacted) invalid('已登记联系街道部门');
        requireState('departmentContacted', state);
        if (!a?.note?.trim()) invalid('请写明联系的部门与结果');
      },
    },
  );
  let returns = 0;
  setHandler(
    returnUpdate,
    (a) => {
      returns += 1;
      return transition(`${caseActions.returnCase.step}-${returns}`, caseActions.returnCase.to, a.actorId, a.note);
    },
    {
      validator: (a: ActorInput) => {
        requireState('returnCase', state); // after acceptance the unit has taken the case on
        if (!a?.note?.trim()) invalid('退回须写明理由（为何不属于本单位职责）');
      },
    },
  );
  setHandler(
    reassignUpdate,
    (a) =>
      transition(
        `${caseActions.reassign.step}-${returns}`,
        caseActions.reassign.to,
        a.actorId,
        a.note,
        undefined,
        'REASSIGNED',
        { assignGridId: a.gridId },
      ),
    {
      validator: (a: ReassignInput) => {
        requireState('reassign', state);
        if (!a?.gridId) invalid('请指定承接的网格');
      },
    },
  );
  setHandler(
    mergeUpdate,
    (a) => {
      coHandling.stopOpenParts();
      return transition(caseActions.merge.step, caseActions.merge.to, a.actorId, a.note, undefined, 'MERGED', {
        mergedIntoId: a.intoCaseId,
      });
    },
    {
      validator: (a: MergeInput) => {
        requireState('merge', state);
        if (!a?.intoCaseId || a.intoCaseId === input.caseId) invalid('请指定要并入的另一件诉求');
      },
    },
  );
  installMediationConversion({
    clocks,
    touch,
    state: () => state,
    stopCoHandling: () => coHandling.stopOpenParts(),
    convert: (actorId, text, extra) =>
      transition(caseActions.convert.step, caseActions.convert.to, actorId, text, undefined, 'CONVERTED', extra),
  });

  /** `primary` clocks (accept, resolution, rework) are the ones pauses and extensions apply to. */
  const runClock = async (
    name: ClockName,
    limit: Limit,
    startMs: number,
    done: () => boolean,
    primary = true,
    stopped: () => boolean = () => false,
  ): Promise<void> => {
    const clock: Clock = {
      startMs,
      limit,
      pauses: [],
      extensionWorkingDays: 0,
      revision: 0,
      view: {
        name,
        startedAt: new Date(startMs).toISOString(),
        deadline: '',
        state: 'running',
        escalationLevel: 0,
        pausedMs: 0,
        extensionWorkingDays: 0,
        provisional: false,
      },
    };
    touch(clock);
    clocks.push(clock);
    if (primary) current = clock;
    const run = clocks.filter((c) => c.view.name === name).length;
    // decided once per clock, when it starts: the first run keeps the keys it always had
    const identity: { run?: number } = run > 1 && patched(CLOCK_RUN_PATCH) ? { run } : {};
    let remindersSent = 0;
    let orderDeadlineMs: number | undefined;
    while (!done()) {
      if (clock.pausedSinceMs !== undefined) {
        await condition(() => done() || clock.pausedSinceMs === undefined);
        continue;
      }
      const deadlineMs = deadlineOf(clock);
      const reminders = reminderTimesFor(calendar, clock.limit, startMs, deadlineMs, input.reminderFractions);
      const lapseAt = orderDeadlineMs ?? deadlineMs;
      const nextReminder = orderDeadlineMs === undefined ? reminders[remindersSent] : undefined;
      const wakeAt = nextReminder !== undefined && nextReminder < lapseAt ? nextReminder : lapseAt;
      if (wakeAt > Date.now()) {
        const revision = clock.revision;
        await condition(() => done() || clock.revision !== revision, wakeAt - Date.now());
        continue;
      }
      if (wakeAt !== lapseAt) {
        await sendCaseReminder({
          caseId: input.caseId,
          clock: name,
          index: remindersSent,
          percent: Math.round(input.reminderFractions[remindersSent] * 100),
          deadlineMs,
          ...identity,
        });
        remindersSent += 1;
        continue;
      }
      clock.view.state = 'lapsed';
      const level = clock.view.escalationLevel + 1;
      if (level >= input.ladder.length) {
        await condition(done);
        break;
      }
      orderDeadlineMs = computeDeadline(calendar, Date.now(), input.ladder[level].supervisionOrderLimit);
      await escalateCase({
        caseId: input.caseId,
        clock: name,
        level,
        step: input.ladder[level],
        missed: input.ladder[level - 1],
        lapsedDeadlineMs: lapseAt,
        orderDeadlineMs,
        ...identity,
      });
      clock.view.escalationLevel = level;
    }
    if (clock.view.state === 'running') clock.view.state = stopped() ? 'stopped' : 'met';
  };

  const side: Promise<void>[] = [];
  if (input.contactDepartmentLimit) {
    side.push(
      runClock(
        'contactDepartment',
        input.contactDepartmentLimit,
        Date.now(),
        () => departmentContacted || FINISHED.includes(state),
        false,
        () => !departmentContacted,
      ),
    );
  }
  // a returned case is still waiting to be accepted by someone: the accept clock keeps running through a re-dispatch
  await runClock('accept', input.acceptLimit, Date.now(), () => !UNACCEPTED.includes(state));
  if (input.firstResponseLimit && state !== 'CONVERTED') {
    side.push(
      runClock(
        'firstResponse',
        input.firstResponseLimit,
        Date.now(),
        () => ![...UNACCEPTED, 'ACCEPTED'].includes(state),
        false,
      ),
    ); // any progress, question or reply is a first response
  }
  let resolution: ClockName = 'resolution';
  while (!FINISHED.includes(state)) {
    await runClock(
      resolution,
      input.resolutionLimit,
      Date.now(),
      () => state === 'HANDLED' || FINISHED.includes(state),
    );
    await condition(() => FINISHED.includes(state) || OPEN.includes(state));
    resolution = 'rework'; // a dispute reopened the case: a fresh resolution clock
  }
  await Promise.all(side);
  await condition(allHandlersFinished);
  return state;
}
