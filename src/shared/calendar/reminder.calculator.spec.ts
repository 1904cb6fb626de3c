import { CN_2026_HOLIDAYS } from './cn-holidays-2026.data';
import { calendarFromFestivals } from './festival-schedule.factory';
import { fractionElapsed, reminderTimes, reminderTimesFor, workingReminderTimes } from './reminder.calculator';

const cn2026 = calendarFromFestivals(CN_2026_HOLIDAYS);
const at = (cst: string): number => Date.parse(`${cst.replace(' ', 'T')}:00+08:00`);
const show = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('fractionElapsed (wall clock)', () => {
  const start = at('2026-09-18 10:00');
  const deadline = at('2026-09-18 12:00');
  it.each([
    ['2026-09-18 11:30', 0.75, '90 of 120 min'],
    ['2026-09-18 09:00', 0, 'before the start clamps to 0'],
    ['2026-09-18 13:00', 1.5, 'overdue goes above 1'],
  ])('at %s → %s (%s)', (now, expected) => {
    expect(fractionElapsed(start, deadline, at(now))).toBe(expected);
  });

  it('treats an empty budget as used up from its start', () => {
    expect(fractionElapsed(start, start, start)).toBe(1);
    expect(fractionElapsed(start, start, start - 1)).toBe(0);
  });

  it('rejects a deadline before the start', () => {
    expect(() => fractionElapsed(deadline, start, start)).toThrow(/before start/);
  });
});

describe('reminderTimes (wall clock)', () => {
  it('puts 50% and 80% of 10:00→12:00 at 11:00 and 11:36', () => {
    const points = reminderTimes(at('2026-09-18 10:00'), at('2026-09-18 12:00'), [0.5, 0.8]);
    expect(points.map(show)).toEqual(['2026-09-18 11:00', '2026-09-18 11:36']);
  });

  it('half of Fri 17:00 → Mon 10:00 (65 h) falls 32.5 h in, on Sun 01:30, at night', () => {
    expect(reminderTimes(at('2026-09-18 17:00'), at('2026-09-21 10:00'), [0.5]).map(show)).toEqual([
      '2026-09-20 01:30',
    ]);
  });

  it.each([[[1.2]], [[-0.1]], [[NaN]]])('rejects fractions %j', (fractions) => {
    expect(() => reminderTimes(0, 1000, fractions)).toThrow(/between 0 and 1/);
  });
});

describe('workingReminderTimes (share of working time)', () => {
  // Fri 17:00 → Mon 10:00 holds 540 working min: 30 Fri, 420 on make-up Sun 09-20, 90 Mon.
  it('places 50% (270 min) at Sun 14:30 and 80% (432 min) at Sun 17:12', () => {
    const points = workingReminderTimes(cn2026, at('2026-09-18 17:00'), at('2026-09-21 10:00'), [0.5, 0.8]);
    expect(points.map(show)).toEqual(['2026-09-20 14:30', '2026-09-20 17:12']);
  });

  it('puts 100% of a working-day clock on its deadline, and 0% on its start', () => {
    const start = at('2026-09-18 10:00');
    const deadline = at('2026-09-29 17:30');
    expect(workingReminderTimes(cn2026, start, deadline, [0, 1])).toEqual([start, deadline]);
  });
});

describe('reminderTimesFor', () => {
  it('reminds on the wall clock for round-the-clock limits and in working time for working-day limits', () => {
    // Friday 16:00 to the next Tuesday 17:30 (two working days): halfway in working time is Monday, not Sunday
    const start = at('2026-09-18 16:00');
    const deadline = at('2026-09-22 17:30');
    expect(reminderTimesFor(cn2026, { unit: 'hours', amount: 97.5 }, start, deadline, [0.5]).map(show)).toEqual([
      '2026-09-20 16:45',
    ]);
    expect(reminderTimesFor(cn2026, { unit: 'workingDays', amount: 2 }, start, deadline, [0.5])).toEqual(
      workingReminderTimes(cn2026, start, deadline, [0.5]),
    );
    expect(
      show(reminderTimesFor(cn2026, { unit: 'workingDays', amount: 2 }, start, deadline, [0.5])[0]) > '2026-09-21',
    ).toBe(true);
  });
});
