import { defineQuery, defineUpdate, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CoHandlingActivities } from '../activities/co-handling.activities';
import type { CoHandlingAction as RecordedAction } from '../src/modules/request-case/co-handling.types';
import {
  caseAllowsCoHandling,
  coHandlingActions,
  partAllows,
  partDoneMessage,
  stopOnMerge,
} from '../src/shared/process/co-handling.states';
import type { CoHandlerPartState, CoHandlingAction } from '../src/shared/process/co-handling.states';
import { illegal, invalid } from './request-case-refusals';
import { refuse } from './refusal';
import type { CaseState } from './request-case-refusals';

/**
 * Marks the histories that carry co-handling commands; each co-handling step asks it before it records anything.
 * Code from before co-handling had no such updates and refused them as unknown, so a history without the marker takes
 * that path: the step fails and records nothing. (Every history that accepted one holds the marker before its first
 * co-handling activity, and a case started before co-handling that receives one now runs live and gets the marker.)
 */
export const CO_HANDLING_PATCH = 'request-case-co-handling-units';

export type { CoHandlerPartState } from '../src/shared/process/co-handling.states';
export interface AddCoHandlerInput {
  actorId?: string;
  unitId: string;
  reason: string;
  /** The lead units (grid, and the accountable unit during a re-dispatch) from the read model this workflow writes. */
  leadUnitIds?: string[];
}
export interface RemoveCoHandlerInput {
  actorId?: string;
  unitId: string;
  reason: string;
}
export interface CoHandlerNoteInput {
  actorId?: string;
  unitId: string;
  note: string;
}

export const addCoHandlerUpdate = defineUpdate<CaseState, [AddCoHandlerInput]>('addCoHandler');
export const removeCoHandlerUpdate = defineUpdate<CaseState, [RemoveCoHandlerInput]>('removeCoHandler');
export const coHandlerProgressUpdate = defineUpdate<CaseState, [CoHandlerNoteInput]>('coHandlerProgress');
export const coHandlerDoneUpdate = defineUpdate<CaseState, [CoHandlerNoteInput]>('coHandlerDone');
export const coHandlersQuery = defineQuery<Record<string, CoHandlerPartState>>('coHandlers');

const { recordCoHandling } = proxyActivities<CoHandlingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** 主办 + 协办: registers the co-handling updates on the case's workflow and returns the lead's gate. */
export function installCoHandling(caseId: string, caseState: () => CaseState) {
  const parts = new Map<string, CoHandlerPartState>();
  let steps = 0;
  /** The pre-co-handling path: refuse (in the handler, since validators may not ask patched()). */
  const requireCoHandling = () => {
    if (!patched(CO_HANDLING_PATCH)) refuse('ILLEGAL_TRANSITION', '本诉求的流程版本不支持协办单位');
  };
  const record = async (action: RecordedAction, unitId: string, actorId: string | undefined, note: string) => {
    steps += 1;
    await recordCoHandling({ caseId, step: `co-handler-${steps}`, action, unitId, actorId, note });
    return caseState();
  };
  const requireCaseState = (action: CoHandlingAction) => {
    if (!caseAllowsCoHandling(action, caseState())) illegal(coHandlingActions[action].label, caseState());
  };
  const requirePart = (action: CoHandlingAction, unitId: string | undefined) => {
    requireCaseState(action);
    const part = unitId ? (parts.get(unitId) ?? null) : null;
    if (partAllows(action, part)) return;
    if (part === 'DONE') refuse('ILLEGAL_TRANSITION', partDoneMessage(action));
    refuse('CO_HANDLER_NOT_FOUND', '该单位不是本诉求的协办单位（或已被移除）');
  };

  setHandler(coHandlersQuery, () => Object.fromEntries(parts));
  setHandler(
    addCoHandlerUpdate,
    async (a) => {
      requireCoHandling();
      const before = parts.get(a.unitId);
      parts.set(a.unitId, coHandlingActions.addCoHandler.partTo);
      try {
        return await record('ADDED', a.unitId, a.actorId, a.reason);
      } catch (err) {
        // the unit turned out not to exist: the update fails and the case is as it was
        if (before) parts.set(a.unitId, before);
        else parts.delete(a.unitId);
        throw err;
      }
    },
    {
      validator: (a: AddCoHandlerInput) => {
        requireCaseState('addCoHandler');
        if (!a?.unitId) invalid('请指定协办单位');
        if (!a.reason?.trim()) invalid('请写明需要协办的事项');
        if (a.leadUnitIds?.includes(a.unitId)) refuse('CO_HANDLER_IS_LEAD', '主办单位不能同时作为协办单位');
        if (!partAllows('addCoHandler', parts.get(a.unitId) ?? null))
          refuse('CO_HANDLER_DUPLICATE', '该单位已是本诉求的协办单位');
      },
    },
  );
  setHandler(
    removeCoHandlerUpdate,
    (a) => {
      requireCoHandling();
      parts.set(a.unitId, coHandlingActions.removeCoHandler.partTo);
      return record('REMOVED', a.unitId, a.actorId, a.reason);
    },
    {
      validator: (a: RemoveCoHandlerInput) => {
        requirePart('removeCoHandler', a?.unitId);
        if (!a.reason?.trim()) invalid('请写明移除协办单位的理由');
      },
    },
  );
  setHandler(
    coHandlerProgressUpdate,
    (a) => {
      requireCoHandling();
      return record('PROGRESS', a.unitId, a.actorId, a.note);
    },
    {
      validator: (a: CoHandlerNoteInput) => {
        requirePart('coHandlerProgress', a?.unitId);
        if (!a.note?.trim()) invalid('协办进展不能为空');
      },
    },
  );
  setHandler(
    coHandlerDoneUpdate,
    (a) => {
      requireCoHandling();
      parts.set(a.unitId, coHandlingActions.coHandlerDone.partTo);
      return record('DONE', a.unitId, a.actorId, a.note);
    },
    {
      validator: (a: CoHandlerNoteInput) => {
        requirePart('coHandlerDone', a?.unitId);
        if (!a.note?.trim()) invalid('请写明协办结果');
      },
    },
  );

  return {
    /** The lead may answer the resident only when every co-handling part is done or was removed. */
    assertNoOpenParts(): void {
      const open = [...parts.values()].filter((p) => p === 'OPEN').length;
      if (open)
        refuse(
          'CO_HANDLING_OPEN',
          `尚有 ${open} 个协办单位未完成协办，主办单位暂不能标记为已处置；不再需要的协办单位请由派单人员移除`,
        );
    },
    /** A merged case carries on elsewhere: open parts stop (the activity that records the merge stops them in the read model). */
    stopOpenParts(): void {
      for (const [unitId, part] of parts) if (part === stopOnMerge.from) parts.set(unitId, stopOnMerge.to);
    },
  };
}
