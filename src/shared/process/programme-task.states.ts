/**
 * 双进双联 quota task: its states and the steps people may take from each, written once for the task's workflow (update
 * validators, authoritative) and the API (quick refusals from the read model). Pure: bundled into workflows.
 */
export type TaskState = 'OPEN' | 'ASSIGNED' | 'SUBMITTED' | 'SENT_BACK' | 'CONFIRMED';
export type TaskAction = 'assign' | 'nameMembers' | 'submit' | 'review';

export const TASK_STATES: Readonly<Record<TaskState, { label: string; final: boolean }>> = {
  OPEN: { label: '待认领', final: false },
  ASSIGNED: { label: '承办中', final: false },
  SUBMITTED: { label: '待社区确认', final: false },
  SENT_BACK: { label: '退回补充', final: false },
  CONFIRMED: { label: '已确认完成', final: true },
};

/** `to` lists every state the step can end in; review ends in either, by its input. */
export const TASK_ACTIONS: Readonly<
  Record<TaskAction, { label: string; from: readonly TaskState[]; to: readonly TaskState[] }>
> = {
  assign: { label: '认领或分派', from: ['OPEN'], to: ['ASSIGNED'] },
  nameMembers: { label: '指定承办党员', from: ['ASSIGNED', 'SENT_BACK'], to: ['ASSIGNED', 'SENT_BACK'] },
  submit: { label: '提交完成材料', from: ['ASSIGNED', 'SENT_BACK'], to: ['SUBMITTED'] },
  review: { label: '确认或退回', from: ['SUBMITTED'], to: ['CONFIRMED', 'SENT_BACK'] },
};

export interface StepRefusal {
  code: 'ILLEGAL_TRANSITION';
  message: string;
}

/** Why `action` may not be taken from `state` (the workflow's wording), or undefined when the table allows it. */
export function taskActionRefusal(action: TaskAction, state: TaskState): StepRefusal | undefined {
  if (TASK_ACTIONS[action].from.includes(state)) return undefined;
  return {
    code: 'ILLEGAL_TRANSITION',
    message: `任务当前为「${TASK_STATES[state].label}」，不能${TASK_ACTIONS[action].label}`,
  };
}

export const isTaskFinal = (state: TaskState): boolean => TASK_STATES[state].final;
/** The task's clock runs until its completion report is in (and again after a send-back). */
export const isClockRunning = (state: TaskState): boolean => ['OPEN', 'ASSIGNED', 'SENT_BACK'].includes(state);
