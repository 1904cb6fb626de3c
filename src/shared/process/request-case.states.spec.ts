import {
  actionOfStep,
  CASE_START,
  CASE_STATES,
  caseActions,
  FINISHED,
  illegalActionMessage,
  mayTake,
  statusesBefore,
} from './request-case.states';
import type { CaseAction, CaseActionRule, CaseState } from './request-case.states';

const actions = Object.keys(caseActions) as CaseAction[];
const rule = (a: CaseAction): CaseActionRule => caseActions[a];

describe('request case state table', () => {
  it('names only known states, and every step that moves the case has a step name of its own', () => {
    for (const a of actions) {
      for (const s of [...rule(a).from, ...(rule(a).movesFrom ?? []), ...(rule(a).to ? [rule(a).to as CaseState] : [])])
        expect(CASE_STATES).toContain(s);
      for (const s of rule(a).movesFrom ?? []) expect(rule(a).from).toContain(s);
      expect(!!rule(a).to).toBe(!!rule(a).step);
    }
    const steps = actions.map((a) => rule(a).step).filter(Boolean);
    expect(new Set(steps).size).toBe(steps.length);
  });

  it('allows each step from the states the request loop defines', () => {
    const allowed = Object.fromEntries(actions.map((a) => [a, CASE_STATES.filter((s) => mayTake(a, s))]));
    expect(allowed).toEqual({
      accept: ['REPORTED'],
      progress: ['ACCEPTED', 'HANDLING', 'WAITING_RESIDENT'],
      requestInfo: ['ACCEPTED', 'HANDLING'],
      provideInfo: ['WAITING_RESIDENT'],
      requestExtension: ['ACCEPTED', 'HANDLING'],
      decideExtension: ['ACCEPTED', 'HANDLING', 'WAITING_RESIDENT'],
      markHandled: ['ACCEPTED', 'HANDLING'],
      dispute: ['HANDLED'],
      close: ['HANDLED'],
      returnCase: ['REPORTED'],
      reassign: ['RETURNED'],
      merge: ['REPORTED', 'RETURNED', 'ACCEPTED', 'HANDLING', 'WAITING_RESIDENT'],
      departmentContacted: ['REPORTED', 'RETURNED', 'ACCEPTED', 'HANDLING', 'WAITING_RESIDENT', 'HANDLED'],
      convert: ['REPORTED', 'RETURNED', 'ACCEPTED', 'HANDLING', 'WAITING_RESIDENT', 'HANDLED'],
    });
  });

  it('reaches every state from 待受理, leaves every unfinished state somehow, and nothing leaves a finished one', () => {
    const reached = new Set<CaseState>([CASE_START]);
    for (let grew = true; grew;) {
      grew = false;
      for (const a of actions) {
        const to = rule(a).to;
        if (to && !reached.has(to) && statusesBefore(a).some((s) => reached.has(s))) {
          reached.add(to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...CASE_STATES].sort());
    for (const s of CASE_STATES) {
      const leaves = actions.some((a) => rule(a).to && rule(a).to !== s && statusesBefore(a).includes(s));
      expect([s, leaves]).toEqual([s, !FINISHED.includes(s)]);
    }
    for (const s of FINISHED) expect(actions.filter((a) => mayTake(a, s))).toEqual([]);
  });

  it('maps the workflow step names (with their counters) back to the step and the states the read model may move from', () => {
    expect(actionOfStep('accept')).toBe('accept');
    expect(actionOfStep('handled-0')).toBe('markHandled');
    expect(actionOfStep('dispute-2')).toBe('dispute');
    expect(actionOfStep('wait-1')).toBe('requestInfo');
    expect(actionOfStep('resume-1')).toBe('provideInfo');
    expect(actionOfStep('return-3')).toBe('returnCase');
    expect(actionOfStep('extension_requested-1')).toBeUndefined();
    // a progress note moves only an accepted case; later notes must not pull a handled case back to 处置中
    expect(statusesBefore('progress')).toEqual(['ACCEPTED']);
    expect(statusesBefore('markHandled')).toEqual(['ACCEPTED', 'HANDLING']);
  });

  it('words refusals as the API answers them', () => {
    expect(illegalActionMessage(caseActions.close.label, 'REPORTED')).toBe('诉求当前为「待受理」，不能办结');
    expect(illegalActionMessage(caseActions.merge.label, 'HANDLED')).toBe('诉求当前为「已处置」，不能合并');
    expect(illegalActionMessage(caseActions.accept.label, 'HANDLING')).toBe('诉求当前为「处置中」，不能受理');
    expect(illegalActionMessage(caseActions.convert.label, 'CLOSED')).toBe('诉求当前为「已办结」，不能转入矛盾调解');
  });
});
