import { RATING_ACTIONS, RATING_STATES, rateRefusal } from './case-rating.states';
import type { RatingState } from './case-rating.states';

const ENDS = Date.parse('2026-11-30T16:00:00Z');

describe('the rating window table', () => {
  it('only an open window can be rated or expire, and both end it for good', () => {
    for (const action of Object.values(RATING_ACTIONS)) {
      expect(action.from).toEqual(['OPEN']);
      expect(RATING_STATES[action.to].final).toBe(true);
    }
    expect(RATING_STATES.OPEN.final).toBe(false);
  });

  it('every state has a Chinese label', () => {
    for (const { label } of Object.values(RATING_STATES)) expect(label).toMatch(/^[\u4e00-\u9fa5]+$/);
  });

  it.each<[string, RatingState, number, ReturnType<typeof rateRefusal>]>([
    ['open, a minute before the end: allowed', 'OPEN', ENDS - 60_000, undefined],
    [
      'open, at the very end: closed',
      'OPEN',
      ENDS,
      { code: 'RATING_WINDOW_CLOSED', message: '评价期限已过，不能再评价' },
    ],
    [
      'open, after the end: closed',
      'OPEN',
      ENDS + 1,
      { code: 'RATING_WINDOW_CLOSED', message: '评价期限已过，不能再评价' },
    ],
    [
      'rated, within the window: once only',
      'RATED',
      ENDS - 60_000,
      { code: 'ALREADY_RATED', message: '该诉求已评价，每件诉求只能评价一次' },
    ],
    [
      'rated, after the window: still "already rated"',
      'RATED',
      ENDS + 1,
      { code: 'ALREADY_RATED', message: '该诉求已评价，每件诉求只能评价一次' },
    ],
    [
      'recorded unrated, even within the window: closed',
      'UNRATED',
      ENDS - 60_000,
      { code: 'RATING_WINDOW_CLOSED', message: '评价期限已过，不能再评价' },
    ],
  ])('%s', (_name, state, now, expected) => {
    expect(rateRefusal(state, now, ENDS)).toEqual(expected);
  });
});
