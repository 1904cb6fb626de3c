/**
 * 黄牌预警: the card's states and the steps people may take from each, written once for the card's workflow (update
 * validators, authoritative) and the API (quick refusals from the read model). Pure: bundled into workflows.
 */
export type CardState = 'ISSUED' | 'SUBMITTED' | 'SENT_BACK' | 'APPEALED' | 'RECTIFIED' | 'VOID';
export type InterviewState = 'NONE' | 'SCHEDULED' | 'HELD' | 'CANCELLED';
export type CardAction = 'submit' | 'review' | 'appeal' | 'decideAppeal';

export const CARD_STATES: Readonly<Record<CardState, { label: string; final: boolean }>> = {
  ISSUED: { label: '待说明整改', final: false },
  SUBMITTED: { label: '待审核', final: false },
  SENT_BACK: { label: '退回修改', final: false },
  APPEALED: { label: '申诉中', final: false },
  RECTIFIED: { label: '已整改', final: true },
  VOID: { label: '已撤销', final: true },
};

/** `to` lists every state the step can end in; which one depends on the step's input (accept, uphold) or on the state before an appeal. */
export const CARD_ACTIONS: Readonly<
  Record<CardAction, { label: string; from: readonly CardState[]; to: readonly CardState[] }>
> = {
  submit: { label: '提交说明和整改方案', from: ['ISSUED', 'SENT_BACK'], to: ['SUBMITTED'] },
  review: { label: '审核', from: ['SUBMITTED'], to: ['RECTIFIED', 'SENT_BACK'] },
  appeal: { label: '申诉', from: ['ISSUED', 'SUBMITTED', 'SENT_BACK'], to: ['APPEALED'] },
  decideAppeal: { label: '裁决申诉', from: ['APPEALED'], to: ['VOID', 'ISSUED', 'SUBMITTED', 'SENT_BACK'] },
};

/** The 约谈 that runs beside a repeat card: recorded once while scheduled. */
export const INTERVIEW_ACTION: Readonly<{ label: string; from: readonly InterviewState[]; to: InterviewState }> = {
  label: '记录约谈',
  from: ['SCHEDULED'],
  to: 'HELD',
};

export interface StepRefusal {
  code: 'ILLEGAL_TRANSITION';
  message: string;
}

/** Why `action` may not be taken from `state` (the workflow's wording), or undefined when the table allows it. */
export function cardActionRefusal(action: CardAction, state: CardState): StepRefusal | undefined {
  if (CARD_ACTIONS[action].from.includes(state)) return undefined;
  return {
    code: 'ILLEGAL_TRANSITION',
    message: `黄牌当前为「${CARD_STATES[state].label}」，不能${CARD_ACTIONS[action].label}`,
  };
}

/** Why the interview may not be recorded; `undefined` (no interview row) counts as none scheduled. */
export function interviewRefusal(interview: InterviewState | undefined): StepRefusal | undefined {
  if (interview !== undefined && INTERVIEW_ACTION.from.includes(interview)) return undefined;
  return { code: 'ILLEGAL_TRANSITION', message: '这张黄牌没有待进行的约谈' };
}

export const isCardFinal = (state: CardState): boolean => CARD_STATES[state].final;
/** The holder owes an explanation (first one, or again after a send-back or a missed deadline). */
export const isWaitingOnHolder = (state: CardState): boolean => CARD_ACTIONS.submit.from.includes(state);
