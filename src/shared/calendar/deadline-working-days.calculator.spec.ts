import { createCalendar } from './business-calendar.factory';
import { CN_2026_HOLIDAYS } from './cn-holidays-2026.data';
import { addWorkingDays, computeDeadline, extendByWorkingDays } from './deadline.calculator';
import { calendarFromFestivals } from './festival-schedule.factory';
import type { Limit } from './calendar.types';

const cn2026 = calendarFromFestivals(CN_2026_HOLIDAYS);
const at = (cst: string): number => Date.parse(`${cst.replace(' ', 'T')}:00+08:00`);
const show = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const days = (amount: number): Limit => ({ unit: 'workingDays', amount });

describe('computeDeadline in working days (the start day is not counted)', () => {
  it.each([
    ['2026-09-18 10:00', 7, '2026-09-29 17:30', 'spec example: 09-20 make-up Sun,21,22,23,24, 中秋 25-27 off, 28,29'],
    ['2026-09-18 10:00', 1, '2026-09-20 17:30', 'Fri → Sat rests, Sun 09-20 is a make-up day'],
    ['2026-02-13 16:00', 1, '2026-02-14 17:30', 'eve of 春节: Fri → make-up Sat 02-14'],
    ['2026-02-13 16:00', 2, '2026-02-24 17:30', 'eve of 春节: 02-14, then 02-15..23 off, 02-24'],
    ['2026-02-14 10:00', 1, '2026-02-24 17:30', 'accepted on make-up Sat: that day is still not counted'],
    ['2026-02-18 09:00', 1, '2026-02-24 17:30', 'accepted on a 春节 holiday: first counted day is 02-24'],
    ['2026-02-18 09:00', 3, '2026-02-26 17:30', 'accepted on a holiday: 02-24, 25, 26'],
    ['2026-02-27 15:00', 1, '2026-02-28 17:30', 'Fri → make-up Sat 02-28'],
    ['2026-02-27 15:00', 2, '2026-03-02 17:30', '02-28 make-up, Sun 03-01 rests, Mon 03-02'],
    ['2026-09-17 20:00', 1, '2026-09-18 17:30', 'accepted after hours on Thu: Fri is the first counted day'],
    ['2026-09-17 23:59', 1, '2026-09-18 17:30', 'one minute before CST midnight still belongs to Thu'],
    ['2026-09-18 00:00', 1, '2026-09-20 17:30', 'CST midnight already belongs to Fri'],
    ['2026-09-30 11:00', 1, '2026-10-08 17:30', '国庆 10-01..07 off'],
    ['2026-09-30 11:00', 3, '2026-10-10 17:30', '10-08, 10-09, make-up Sat 10-10'],
    ['2026-09-30 11:00', 4, '2026-10-12 17:30', 'then Sun 10-11 rests, Mon 10-12'],
    ['2025-12-31 10:00', 1, '2026-01-04 17:30', '元旦 01-01..03 off, make-up Sun 01-04'],
    ['2026-04-03 10:00', 1, '2026-04-07 17:30', '清明 Sat 04-04..Mon 04-06 off'],
    ['2026-04-30 10:00', 1, '2026-05-06 17:30', '劳动节 05-01..05 off'],
    ['2026-04-30 10:00', 4, '2026-05-09 17:30', '05-06, 07, 08, make-up Sat 05-09'],
    ['2026-06-18 10:00', 1, '2026-06-22 17:30', '端午 Fri 06-19..Sun 06-21 off'],
    ['2026-12-31 10:00', 3, '2027-01-05 17:30', 'year end, 2027 weekends only: Fri 01-01, Mon 01-04, Tue 01-05'],
    [
      '2026-12-25 10:00',
      15,
      '2027-01-15 17:30',
      '12-28..12-31 and Fri 01-01 are 1–5, two full weeks make 15 on Fri 01-15',
    ],
  ])('from %s, %i working day(s) → %s (%s)', (start, amount, expected) => {
    expect(show(computeDeadline(cn2026, at(start), days(amount)))).toBe(expected);
  });

  it('2026-05-08T17:00Z is CST make-up Sat 05-09 01:00, not Fri 05-08: 1 working day → Mon 05-11', () => {
    const deadline = computeDeadline(cn2026, Date.parse('2026-05-08T17:00:00Z'), days(1));
    expect(show(deadline)).toBe('2026-05-11 17:30');
    expect(new Date(deadline).toISOString()).toBe('2026-05-11T09:30:00.000Z');
  });

  it('ends at the end of the calendar’s own working hours (district closing at 18:00)', () => {
    const cal = createCalendar({
      workingHours: [
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '18:00' },
      ],
    });
    expect(show(addWorkingDays(cal, at('2026-09-18 10:00'), 1))).toBe('2026-09-21 18:00');
  });

  it.each([0, -1, 1.5, NaN])('rejects %s working days', (amount) => {
    expect(() => computeDeadline(cn2026, at('2026-09-18 10:00'), days(amount))).toThrow(/positive integer/);
  });
});

describe('extendByWorkingDays counts after the current deadline’s day', () => {
  it.each([
    ['2026-09-24 17:30', 1, '2026-09-28 17:30', 'extension after 中秋: 25-27 skipped'],
    ['2026-09-30 17:30', 2, '2026-10-09 17:30', 'extension over 国庆: 10-08, 10-09'],
    ['2026-09-29 17:30', 5, '2026-10-12 17:30', 'spec example + 5: 09-30, 10-08, 10-09, make-up 10-10, 10-12'],
    ['2026-02-13 17:30', 1, '2026-02-14 17:30', 'onto the make-up Sat before 春节'],
    ['2026-09-18 11:00', 1, '2026-09-20 17:30', 'a mid-day (pause-shifted) deadline still extends to day’s end'],
  ])('%s + %i → %s (%s)', (deadline, amount, expected) => {
    expect(show(extendByWorkingDays(cn2026, at(deadline), amount))).toBe(expected);
  });

  it.each([0, -2, 0.5])('rejects an extension of %s days', (amount) => {
    expect(() => extendByWorkingDays(cn2026, at('2026-09-24 17:30'), amount)).toThrow(/positive integer/);
  });
});
