import { CASE_STATES, FINISHED } from './request-case.states';
import type { CaseState } from './request-case.states';

/**
 * 主办 + 协办: a co-handling unit's part and the steps on it, written once for the workflow's validators and the API's
 * quick refusals. Pure, so the workflow bundle can include it.
 */

export const CO_HANDLER_PART_STATES = ['OPEN', 'DONE', 'REMOVED', 'STOPPED'] as const;
export type CoHandlerPartState = (typeof CO_HANDLER_PART_STATES)[number];

export interface CoHandlingActionRule {
  /** The verb when the case's state refuses it: 诉求当前为「…」，不能{label}. */
  label: string;
  /** The verb when the part refuses it: 该单位已完成协办，不能{partLabel}. */
  partLabel: string;
  /** Case states it may be taken in. */
  caseFrom: readonly CaseState[];
  /** Part states it may be taken from; `null` stands for a unit that has no part yet. */
  partFrom: readonly (CoHandlerPartState | null)[];
  /** The part's state afterwards. */
  partTo: CoHandlerPartState;
}

const notFinished = CASE_STATES.filter((s) => !FINISHED.includes(s));

export const coHandlingActions = {
  // once the lead has handled the case, a new helper could no longer change the answer the resident got
  addCoHandler: {
    label: '添加协办单位',
    partLabel: '添加协办单位',
    caseFrom: notFinished.filter((s) => s !== 'HANDLED'),
    partFrom: [null, 'REMOVED', 'STOPPED'],
    partTo: 'OPEN',
  },
  removeCoHandler: {
    label: '移除协办单位',
    partLabel: '移除',
    caseFrom: notFinished,
    partFrom: ['OPEN'],
    partTo: 'REMOVED',
  },
  coHandlerProgress: {
    label: '登记协办进展',
    partLabel: '登记协办进展',
    caseFrom: notFinished,
    partFrom: ['OPEN'],
    partTo: 'OPEN',
  },
  coHandlerDone: {
    label: '标记协办完成',
    partLabel: '标记协办完成',
    caseFrom: notFinished,
    partFrom: ['OPEN'],
    partTo: 'DONE',
  },
} as const satisfies Record<string, CoHandlingActionRule>;
export type CoHandlingAction = keyof typeof coHandlingActions;

/** Not a step anyone takes: merging the case into another stops its open parts (the work carries on there). */
export const stopOnMerge = { from: 'OPEN', to: 'STOPPED' } as const satisfies {
  from: CoHandlerPartState;
  to: CoHandlerPartState;
};

export const caseAllowsCoHandling = (action: CoHandlingAction, state: CaseState): boolean =>
  (coHandlingActions[action].caseFrom as readonly CaseState[]).includes(state);

export const partAllows = (action: CoHandlingAction, part: CoHandlerPartState | null): boolean =>
  (coHandlingActions[action].partFrom as readonly (CoHandlerPartState | null)[]).includes(part);

export const partDoneMessage = (action: CoHandlingAction, unitName?: string): string =>
  `${unitName ? `「${unitName}」` : '该单位'}已完成协办，不能${coHandlingActions[action].partLabel}`;
