import {
  CARD_ACTIONS,
  CARD_STATES,
  cardActionRefusal,
  interviewRefusal,
  isCardFinal,
  isWaitingOnHolder,
} from './yellow-card.states';
import type { CardAction, CardState, InterviewState } from './yellow-card.states';

const states = Object.keys(CARD_STATES) as CardState[];
const actions = Object.keys(CARD_ACTIONS) as CardAction[];

describe('the yellow card table', () => {
  it('allows exactly these steps (and nothing from a finished card)', () => {
    const allowed = Object.fromEntries(
      actions.map((a) => [a, states.filter((s) => cardActionRefusal(a, s) === undefined)]),
    );
    expect(allowed).toEqual({
      submit: ['ISSUED', 'SENT_BACK'],
      review: ['SUBMITTED'],
      appeal: ['ISSUED', 'SUBMITTED', 'SENT_BACK'],
      decideAppeal: ['APPEALED'],
    });
    expect(states.filter(isCardFinal)).toEqual(['RECTIFIED', 'VOID']);
  });

  it('every state is reachable by some step (ISSUED again when an appeal is rejected)', () => {
    expect(new Set(actions.flatMap((a) => CARD_ACTIONS[a].to))).toEqual(new Set(states));
  });

  it('refuses with the state and the step in Chinese', () => {
    expect(cardActionRefusal('review', 'ISSUED')).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: '黄牌当前为「待说明整改」，不能审核',
    });
    expect(cardActionRefusal('submit', 'SUBMITTED')).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: '黄牌当前为「待审核」，不能提交说明和整改方案',
    });
    expect(cardActionRefusal('appeal', 'RECTIFIED')).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: '黄牌当前为「已整改」，不能申诉',
    });
    expect(cardActionRefusal('appeal', 'APPEALED')).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: '黄牌当前为「申诉中」，不能申诉',
    });
    expect(cardActionRefusal('decideAppeal', 'VOID')).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: '黄牌当前为「已撤销」，不能裁决申诉',
    });
    for (const { label } of Object.values(CARD_STATES)) expect(label).toMatch(/^[\u4e00-\u9fa5]+$/);
  });

  it('the holder owes an explanation only while issued or sent back', () => {
    expect(states.filter(isWaitingOnHolder)).toEqual(['ISSUED', 'SENT_BACK']);
  });

  it.each<[InterviewState | undefined, boolean]>([
    ['SCHEDULED', true],
    ['HELD', false],
    ['CANCELLED', false],
    ['NONE', false],
    [undefined, false],
  ])('an interview %s may be recorded: %s', (interview, allowed) => {
    expect(interviewRefusal(interview)).toEqual(
      allowed ? undefined : { code: 'ILLEGAL_TRANSITION', message: '这张黄牌没有待进行的约谈' },
    );
  });
});
