import { deadlineWithPauses } from '../calendar';
import type { BusinessCalendar, Limit, PauseInterval } from '../calendar';

/** The limits a policy version gives a case's clocks; a clock the case does not have takes no limit. */
export interface ClockLimits {
  acceptLimit: Limit;
  resolutionLimit: Limit;
  firstResponseLimit?: Limit;
  contactDepartmentLimit?: Limit;
}

/** What a projection needs of a live clock (the case workflow's `clocks` query answers with these fields). */
export interface ProjectableClock {
  name: string;
  startedAt: string;
  deadline: string;
  state: 'running' | 'paused' | 'met' | 'lapsed' | 'stopped';
  escalationLevel: number;
  pausedMs: number;
  /** Finished pauses; an open pause (the clock is paused now) is not in it, as in the workflow. */
  pauses?: readonly PauseInterval[];
  extensionWorkingDays: number;
  /** Why a `stopped` clock stopped early (转入矛盾调解), and the dispute it went to; absent from older workflow code. */
  stopReason?: string;
  disputeId?: string;
}

export interface ClockProjection {
  clock: string;
  state: ProjectableClock['state'];
  from: string;
  to: string;
  /** false: the clock keeps its deadline, for `reason`. */
  applies: boolean;
  reason?: string;
  /** The new deadline has already passed: the clock lapses (and escalates) as soon as the case receives the migration. */
  lapsesAtOnce?: boolean;
}

/** The limit of a clock under the new version: resolution and rework take the category's resolution limit. */
export function limitOfClock(name: string, limits: ClockLimits): Limit | undefined {
  switch (name) {
    case 'accept':
      return limits.acceptLimit;
    case 'resolution':
    case 'rework':
      return limits.resolutionLimit;
    case 'firstResponse':
      return limits.firstResponseLimit;
    case 'contactDepartment':
      return limits.contactDepartmentLimit;
    default:
      return undefined;
  }
}

/**
 * Why a clock keeps its deadline under a migration, or undefined when the new limit applies to it. A clock already met
 * or stopped is past the point a limit matters; a lapsed clock has been escalated on its old deadline, and its
 * 督办单 run on, so moving that deadline would rewrite what already happened.
 */
export function migrationExemption(
  clock: Pick<ProjectableClock, 'state' | 'escalationLevel'>,
  limit: Limit | undefined,
): string | undefined {
  if (clock.state === 'met') return '该时限已达成，新时限不再适用';
  if (clock.state === 'stopped') return '该计时已停止，新时限不再适用';
  if (clock.state === 'lapsed' || clock.escalationLevel > 0) return '该时限已超时并升级督办，原时限保持不变';
  if (!limit) return '新版策略对该计时没有时限，原时限保持不变';
  return undefined;
}

/**
 * A running or paused clock's deadline under a new limit: from its original start, with its finished pauses and its
 * approved extensions kept, exactly as the workflow re-computes it (deadlineWithPauses).
 */
export function projectedDeadlineMs(cal: BusinessCalendar, clock: ProjectableClock, limit: Limit): number {
  return deadlineWithPauses(cal, Date.parse(clock.startedAt), limit, clock.pauses ?? [], clock.extensionWorkingDays);
}

/** Every clock of a case under the new limits: which move, to what, and why the others stay. */
export function projectClocks(
  cal: BusinessCalendar,
  clocks: readonly ProjectableClock[],
  limits: ClockLimits,
  nowMs: number,
): ClockProjection[] {
  return clocks.map((clock) => {
    const limit = limitOfClock(clock.name, limits);
    const reason = migrationExemption(clock, limit);
    if (reason || !limit)
      return {
        clock: clock.name,
        state: clock.state,
        from: clock.deadline,
        to: clock.deadline,
        applies: false,
        reason,
      };
    const toMs = projectedDeadlineMs(cal, clock, limit);
    return {
      clock: clock.name,
      state: clock.state,
      from: clock.deadline,
      to: new Date(toMs).toISOString(),
      applies: true,
      ...(clock.state === 'running' && toMs <= nowMs ? { lapsesAtOnce: true } : {}),
    };
  });
}
