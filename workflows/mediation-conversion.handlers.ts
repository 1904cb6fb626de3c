import { defineUpdate, patched, setHandler } from '@temporalio/workflow';
import type { ClockName, TransitionInput } from '../src/modules/request-case/request-case.types';
import type { PauseInterval } from '../src/shared/calendar';
import { CONVERTED_STOP_REASON, invalid, requireState } from './request-case-refusals';
import type { CaseState } from './request-case-refusals';
import { refuse } from './refusal';

/**
 * Marks the histories in which a case was converted into a 联调小组 dispute. Code from before had no such update and
 * refused it as unknown, so a history without the marker takes that path: the step fails and records nothing. (A case
 * started before it that receives the update now runs live and gets the marker.)
 */
export const CONVERT_TO_MEDIATION_PATCH = 'request-case-convert-to-mediation';

export interface ConvertInput {
  actorId?: string;
  /** The 联调小组 dispute taking the case over; the same one sent again changes nothing. */
  disputeId: string;
  disputeNo: string;
}

export const convertToMediationUpdate = defineUpdate<CaseState, [ConvertInput]>('convertToMediation');

interface StoppableClock {
  view: { name: ClockName; state: string; stopReason?: string; disputeId?: string };
  pauses: PauseInterval[];
  pausedSinceMs?: number;
}

/** The parts of the case workflow a conversion ends: its clocks, its co-handling parts and its state. */
export interface ConvertibleCase<C extends StoppableClock> {
  clocks: C[];
  /** Re-computes a clock's view and wakes its waiting loop (which then sees the case finished and ends). */
  touch(clock: C): void;
  state: () => CaseState;
  stopCoHandling(): void;
  /** Moves the case to 已转矛盾调解 and records it (the state table's `convert` step). */
  convert(
    actorId: string | undefined,
    note: string,
    extra: Pick<TransitionInput, 'convertedDisputeId' | 'clocksStopReason' | 'data'>,
  ): Promise<CaseState>;
}

/**
 * `convertToMediation` (转入矛盾调解): every clock still running, paused or lapsed stops, recorded with the reason and
 * the dispute, and the case finishes as 已转矛盾调解. The dispute's intake sending it again changes nothing.
 */
export function installMediationConversion<C extends StoppableClock>(c: ConvertibleCase<C>): void {
  let convertedTo: string | undefined;
  setHandler(
    convertToMediationUpdate,
    async (a) => {
      if (convertedTo === a.disputeId) return c.state();
      if (!patched(CONVERT_TO_MEDIATION_PATCH)) refuse('ILLEGAL_TRANSITION', '本诉求的流程版本不支持转入矛盾调解');
      convertedTo = a.disputeId;
      c.stopCoHandling();
      const stopped: ClockName[] = [];
      for (const clock of c.clocks) {
        if (clock.view.state === 'met' || clock.view.state === 'stopped') continue;
        if (clock.pausedSinceMs !== undefined) {
          clock.pauses.push({ fromMs: clock.pausedSinceMs, toMs: Date.now() });
          clock.pausedSinceMs = undefined;
        }
        Object.assign(clock.view, { state: 'stopped', stopReason: CONVERTED_STOP_REASON, disputeId: a.disputeId });
        c.touch(clock);
        stopped.push(clock.view.name);
      }
      return c.convert(a.actorId, `${CONVERTED_STOP_REASON}（纠纷编号 ${a.disputeNo}），诉求各项时限停止计时`, {
        convertedDisputeId: a.disputeId,
        clocksStopReason: CONVERTED_STOP_REASON,
        data: { disputeId: a.disputeId, disputeNo: a.disputeNo, reason: CONVERTED_STOP_REASON, stoppedClocks: stopped },
      });
    },
    {
      validator: (a: ConvertInput) => {
        if (convertedTo !== undefined && convertedTo === a?.disputeId) return;
        requireState('convert', c.state());
        if (!a?.disputeId || !a.disputeNo) invalid('请指定转入的矛盾纠纷');
      },
    },
  );
}
