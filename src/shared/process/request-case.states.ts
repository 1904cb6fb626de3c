/**
 * 群众诉求's states and the human steps between them, written once: the case workflow's update validators, the API's
 * quick refusals from the read model and the read model's conditional status writes all read this table.
 * Pure data and functions, so the workflow bundle can include it.
 */

export const CASE_STATES = [
  'REPORTED',
  'RETURNED',
  'ACCEPTED',
  'HANDLING',
  'WAITING_RESIDENT',
  'HANDLED',
  'CLOSED',
  'MERGED',
  'CONVERTED',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const caseStateLabel: Record<CaseState, string> = {
  REPORTED: '待受理',
  RETURNED: '已退回待重新派单',
  ACCEPTED: '已受理',
  HANDLING: '处置中',
  WAITING_RESIDENT: '待群众补充',
  HANDLED: '已处置',
  CLOSED: '已办结',
  MERGED: '已合并',
  CONVERTED: '已转矛盾调解',
};

export const CASE_START: CaseState = 'REPORTED';
/** Nothing more happens to the case. */
export const FINISHED: readonly CaseState[] = ['CLOSED', 'MERGED', 'CONVERTED'];
/** The lead unit is working on it (the resolution clock runs). */
export const OPEN: readonly CaseState[] = ['ACCEPTED', 'HANDLING'];
/** Nobody has taken the case on yet (a returned case waits for re-dispatch): the accept clock keeps running. */
export const UNACCEPTED: readonly CaseState[] = ['REPORTED', 'RETURNED'];
const ACTIVE: readonly CaseState[] = ['REPORTED', 'RETURNED', 'ACCEPTED', 'HANDLING', 'WAITING_RESIDENT'];

export interface CaseActionRule {
  /** The verb in refusals: 诉求当前为「…」，不能{label}. */
  label: string;
  /** The states the step may be taken in. */
  from: readonly CaseState[];
  /** The state it moves the case to; absent when it only adds to the timeline. */
  to?: CaseState;
  /** When only some of `from` move to `to` (a progress note moves an accepted case to 处置中; later notes change nothing). */
  movesFrom?: readonly CaseState[];
  /** The workflow's step name for the move (the read model's dedup key is workflowId:step[-n]). */
  step?: string;
}

export const caseActions = {
  accept: { label: '受理', from: ['REPORTED'], to: 'ACCEPTED', step: 'accept' },
  progress: {
    label: '添加进展',
    from: [...OPEN, 'WAITING_RESIDENT'],
    to: 'HANDLING',
    movesFrom: ['ACCEPTED'],
    step: 'progress',
  },
  requestInfo: { label: '请群众补充信息', from: OPEN, to: 'WAITING_RESIDENT', step: 'wait' },
  provideInfo: { label: '补充信息', from: ['WAITING_RESIDENT'], to: 'HANDLING', step: 'resume' },
  requestExtension: { label: '申请延期', from: OPEN },
  decideExtension: { label: '审批延期', from: [...OPEN, 'WAITING_RESIDENT'] },
  markHandled: { label: '标记为已处置', from: OPEN, to: 'HANDLED', step: 'handled' },
  dispute: { label: '提出异议', from: ['HANDLED'], to: 'HANDLING', step: 'dispute' },
  close: { label: '办结', from: ['HANDLED'], to: 'CLOSED', step: 'close' },
  returnCase: { label: '退回', from: ['REPORTED'], to: 'RETURNED', step: 'return' },
  reassign: { label: '重新派单', from: ['RETURNED'], to: 'REPORTED', step: 'reassign' },
  merge: { label: '合并', from: ACTIVE, to: 'MERGED', step: 'merge' },
  departmentContacted: { label: '登记联系街道部门', from: [...ACTIVE, 'HANDLED'] },
  // a closed case has had its answer (and its rating window): a dispute about it is taken in as a new one
  convert: { label: '转入矛盾调解', from: [...ACTIVE, 'HANDLED'], to: 'CONVERTED', step: 'convert' },
} as const satisfies Record<string, CaseActionRule>;
export type CaseAction = keyof typeof caseActions;

/** Why every clock of a converted case stopped (the clocks' view and the read model's clocksStopReason). */
export const CONVERTED_STOP_REASON = '转入矛盾调解';

export const mayTake = (action: CaseAction, state: CaseState): boolean =>
  (caseActions[action].from as readonly CaseState[]).includes(state);

/** The refusal the workflow's validators and the API's quick checks from the read model both answer with. */
export const illegalActionMessage = (label: string, state: CaseState): string =>
  `诉求当前为「${caseStateLabel[state]}」，不能${label}`;

/** The move a recorded workflow step makes: `handled-2` → markHandled; undefined for steps that move nothing. */
export function actionOfStep(step: string): CaseAction | undefined {
  const name = step.replace(/-\d+$/, '');
  return (Object.keys(caseActions) as CaseAction[]).find((a) => (caseActions[a] as CaseActionRule).step === name);
}

/** The states the read model may move from for this step; a status that is not among them means the write is stale. */
export function statusesBefore(action: CaseAction): readonly CaseState[] {
  const rule: CaseActionRule = caseActions[action];
  return rule.movesFrom ?? rule.from;
}
