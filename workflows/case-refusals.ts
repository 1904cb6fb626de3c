import { refuse } from './refusal';

export type CaseState = 'REPORTED' | 'RETURNED' | 'ACCEPTED' | 'HANDLING' | 'WAITING_RESIDENT' | 'HANDLED' | 'CLOSED' | 'MERGED';

const stateLabel: Record<CaseState, string> = {
  REPORTED: '待受理', RETURNED: '已退回待重新派单', ACCEPTED: '已受理', HANDLING: '处置中', WAITING_RESIDENT: '待群众补充', HANDLED: '已处置',
  CLOSED: '已办结', MERGED: '已合并',
};
export const FINISHED: readonly CaseState[] = ['CLOSED', 'MERGED'];
export const OPEN: readonly CaseState[] = ['ACCEPTED', 'HANDLING'];

export function illegal(action: string, from: CaseState): never {
  refuse('ILLEGAL_TRANSITION', `诉求当前为「${stateLabel[from]}」，不能${action}`);
}

export function invalid(message: string): never {
  refuse('VALIDATION_FAILED', message);
}
