import { CN_2026_HOLIDAYS } from './cn-holidays-2026.data';
import { computeDeadline } from './deadline.calculator';
import { calendarFromFestivals } from './festival-schedule.factory';
import type { Limit } from './calendar.types';

const cn2026 = calendarFromFestivals(CN_2026_HOLIDAYS);
const at = (cst: string): number => Date.parse(`${cst.replace(' ', 'T')}:00+08:00`);
const show = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('computeDeadline round the clock (minutes and hours ignore the calendar)', () => {
  it.each<[string, Limit, string, string]>([
    ['2026-02-16 03:00', { unit: 'minutes', amount: 5 }, '2026-02-16 03:05', 'accept within 5 min, night of a holiday'],
    ['2026-09-19 11:50', { unit: 'minutes', amount: 30 }, '2026-09-19 12:20', 'contact within 30 min on a Saturday'],
    ['2026-12-31 23:30', { unit: 'hours', amount: 2 }, '2027-01-01 01:30', 'urgent 2 h across the year end'],
    ['2026-09-18 10:00', { unit: 'hours', amount: 1.5 }, '2026-09-18 11:30', 'fractional hours'],
    ['2026-09-18 10:00', { unit: 'hours', amount: 24 }, '2026-09-19 10:00', 'utilities 24 h into the weekend'],
    ['2026-09-18 10:00', { unit: 'minutes', amount: 0 }, '2026-09-18 10:00', 'zero adds nothing'],
  ])('%s + %j → %s (%s)', (start, limit, expected) => {
    expect(show(computeDeadline(cn2026, at(start), limit))).toBe(expected);
  });

  it.each<Limit>([
    { unit: 'minutes', amount: -5 },
    { unit: 'hours', amount: -0.5 },
    { unit: 'hours', amount: NaN },
    { unit: 'minutes', amount: Infinity },
    { unit: 'workingHours', amount: -1 },
  ])('rejects %j', (limit) => {
    expect(() => computeDeadline(cn2026, at('2026-09-18 10:00'), limit)).toThrow(/>= 0/);
  });

  it('rejects an unknown unit and a non-finite start', () => {
    expect(() => computeDeadline(cn2026, 0, { unit: 'weeks', amount: 1 } as unknown as Limit)).toThrow(
      /unknown limit unit "weeks"/,
    );
    expect(() => computeDeadline(cn2026, NaN, { unit: 'minutes', amount: 5 })).toThrow(/start must be finite/);
  });
});

describe('computeDeadline in working hours', () => {
  it.each([
    ['2026-09-18 11:00', 2, '2026-09-18 15:00', '11:00–12:00, lunch skipped, 14:00–15:00'],
    ['2026-09-18 08:30', 3.5, '2026-09-18 12:00', 'ends exactly at the morning’s end, not at 14:00'],
    ['2026-09-18 16:00', 4, '2026-09-20 11:00', '1.5 h Fri, Sat rests, 2.5 h on make-up Sun'],
    ['2026-10-01 10:00', 1, '2026-10-08 09:30', 'starting on a holiday waits for 10-08 08:30'],
    ['2026-09-18 20:00', 0.5, '2026-09-20 09:00', 'after hours on Fri → make-up Sun 08:30 + 30 min'],
  ])('from %s, %s working hour(s) → %s (%s)', (start, amount, expected) => {
    expect(show(computeDeadline(cn2026, at(start), { unit: 'workingHours', amount }))).toBe(expected);
  });
});
