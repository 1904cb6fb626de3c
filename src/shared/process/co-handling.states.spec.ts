import {
  caseAllowsCoHandling,
  CO_HANDLER_PART_STATES,
  coHandlingActions,
  partAllows,
  partDoneMessage,
  stopOnMerge,
} from './co-handling.states';
import type { CoHandlerPartState, CoHandlingAction } from './co-handling.states';
import { CASE_STATES, illegalActionMessage } from './request-case.states';

const actions = Object.keys(coHandlingActions) as CoHandlingAction[];

describe('co-handling state table', () => {
  it('takes new co-handling units until the lead has handled the case, and the other steps until it is finished', () => {
    const allowed = Object.fromEntries(actions.map((a) => [a, CASE_STATES.filter((s) => caseAllowsCoHandling(a, s))]));
    const unfinished = ['REPORTED', 'RETURNED', 'ACCEPTED', 'HANDLING', 'WAITING_RESIDENT', 'HANDLED'];
    expect(allowed).toEqual({
      addCoHandler: unfinished.filter((s) => s !== 'HANDLED'),
      removeCoHandler: unfinished,
      coHandlerProgress: unfinished,
      coHandlerDone: unfinished,
    });
  });

  it('moves a part only from the states it may leave, and reaches every part state', () => {
    expect(CO_HANDLER_PART_STATES.filter((p) => partAllows('addCoHandler', p))).toEqual(['REMOVED', 'STOPPED']);
    expect(partAllows('addCoHandler', null)).toBe(true);
    for (const a of actions.filter((x) => x !== 'addCoHandler')) {
      expect([a, partAllows(a, null), CO_HANDLER_PART_STATES.filter((p) => partAllows(a, p))]).toEqual([
        a,
        false,
        ['OPEN'],
      ]);
    }
    const reached = new Set<CoHandlerPartState | null>([null]);
    for (let grew = true; grew;) {
      grew = false;
      const moves = [
        ...actions.map((a) => ({ from: coHandlingActions[a].partFrom, to: coHandlingActions[a].partTo })),
        { from: [stopOnMerge.from], to: stopOnMerge.to },
      ];
      for (const m of moves)
        if (!reached.has(m.to) && m.from.some((p) => reached.has(p))) {
          reached.add(m.to);
          grew = true;
        }
    }
    expect(CO_HANDLER_PART_STATES.filter((p) => !reached.has(p))).toEqual([]);
  });

  it('words refusals as the API answers them', () => {
    expect(illegalActionMessage(coHandlingActions.addCoHandler.label, 'HANDLED')).toBe(
      '诉求当前为「已处置」，不能添加协办单位',
    );
    expect(partDoneMessage('removeCoHandler')).toBe('该单位已完成协办，不能移除');
    expect(partDoneMessage('coHandlerProgress', '城管中队')).toBe('「城管中队」已完成协办，不能登记协办进展');
  });
});
