import { isLowTaskRating, taskRatingRefusal, taskRatingState } from './programme-task-rating.states';
import type { TaskRatingFacts } from './programme-task-rating.states';

const DAY = 86_400_000;
const open: TaskRatingFacts = {
  status: 'CONFIRMED',
  hasBeneficiary: true,
  rated: false,
  confirmedAtMs: 0,
  windowDays: 30,
  nowMs: 29 * DAY,
};

describe('受益方评价 of a programme task', () => {
  it('is open for a confirmed task with a beneficiary, within the window counted from the confirmation', () => {
    expect(taskRatingState(open)).toBe('OPEN');
    expect(taskRatingRefusal(open)).toBeUndefined();
    expect(taskRatingRefusal({ ...open, nowMs: 30 * DAY })).toEqual({
      code: 'RATING_WINDOW_CLOSED',
      message: '评价期限已过，不能再评价',
    });
  });

  it.each([
    [{ status: 'SUBMITTED', confirmedAtMs: null }, 'ILLEGAL_TRANSITION', '任务经社区确认完成后才能评价'],
    [{ hasBeneficiary: false }, 'VALIDATION_FAILED', '该任务的完成材料没有受益群众或企业的确认，无人可评价'],
    [{ rated: true, nowMs: 90 * DAY }, 'ALREADY_RATED', '该任务已评价，每项任务只能评价一次'],
  ] as const)('refuses %j with %s in Chinese', (change, code, message) => {
    expect(taskRatingRefusal({ ...open, ...change })).toEqual({ code, message });
  });

  it('counts stars at or below the threshold as low', () => {
    expect([1, 2, 3, 5].map((s) => isLowTaskRating(s, 2))).toEqual([true, true, false, false]);
  });
});
