import { createCalendar } from './business-calendar.factory';
import type { BusinessCalendar } from './calendar.types';
import { CN_2026_HOLIDAYS } from './cn-holidays-2026.data';
import { calendarFromFestivals } from './festival-schedule.factory';
import { addWorkingMinutes, workingMinutesBetween } from './working-time.calculator';

const cn2026 = calendarFromFestivals(CN_2026_HOLIDAYS);
const at = (cst: string): number => Date.parse(`${cst.replace(' ', 'T')}:00+08:00`);
const show = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('addWorkingMinutes', () => {
  it.each([
    ['2026-09-18 12:30', 30, '2026-09-18 14:30', 'starting in the lunch break waits for 14:00'],
    ['2026-09-18 11:59', 1, '2026-09-18 12:00', 'the last minute of the morning'],
    ['2026-09-18 11:59', 2, '2026-09-18 14:01', 'one minute on each side of lunch'],
    ['2026-09-18 17:00', 60, '2026-09-20 09:00', '30 min Fri, Sat rests, 30 min on make-up Sun'],
    ['2026-02-13 17:00', 450, '2026-02-14 17:30', '30 min Fri + the whole make-up Sat (420) ends at its close'],
    ['2026-02-13 17:00', 451, '2026-02-24 08:31', 'one more minute jumps the whole 春节 break'],
  ])('from %s + %i min → %s (%s)', (from, minutes, expected) => {
    expect(show(addWorkingMinutes(cn2026, at(from), minutes))).toBe(expected);
  });

  it('returns the start unchanged for 0 minutes, even outside working hours', () => {
    expect(show(addWorkingMinutes(cn2026, at('2026-10-02 03:00'), 0))).toBe('2026-10-02 03:00');
  });

  it('rejects negative or non-finite minutes', () => {
    expect(() => addWorkingMinutes(cn2026, at('2026-09-18 10:00'), -1)).toThrow(/>= 0/);
    expect(() => addWorkingMinutes(cn2026, at('2026-09-18 10:00'), NaN)).toThrow(/>= 0/);
  });

  it('fails instead of hanging on a calendar that bypassed createCalendar', () => {
    const noHours: BusinessCalendar = { ...createCalendar(), workingHours: [] };
    const zeroLength: BusinessCalendar = { ...createCalendar(), workingHours: [{ start: '09:00', end: '09:00' }] };
    const noWeekdays: BusinessCalendar = { ...createCalendar(), weekendDays: [0, 1, 2, 3, 4, 5, 6] };
    expect(() => addWorkingMinutes(noHours, 0, 5)).toThrow(/at least one period/);
    expect(() => addWorkingMinutes(zeroLength, 0, 5)).toThrow(/must end after it starts/);
    expect(() => addWorkingMinutes(noWeekdays, 0, 5)).toThrow(/no working day within/);
  });
});

describe('workingMinutesBetween', () => {
  it.each([
    ['2026-09-18 10:00', '2026-09-21 10:00', 840, 'Fri 120+210, Sat 0, make-up Sun 420, Mon 90'],
    ['2026-09-24 17:30', '2026-09-28 08:30', 0, 'over 中秋, from closing time to opening time'],
    ['2026-09-18 12:10', '2026-09-18 13:50', 0, 'inside the lunch break'],
    ['2026-09-18 10:00', '2026-09-18 10:00', 0, 'an empty interval'],
    ['2026-09-30 00:00', '2026-10-09 00:00', 840, '09-30 and 10-08 are the only working days'],
  ])('%s → %s is %i min (%s)', (from, to, expected) => {
    expect(workingMinutesBetween(cn2026, at(from), at(to))).toBe(expected);
  });

  it('rejects an interval that ends before it starts', () => {
    expect(() => workingMinutesBetween(cn2026, at('2026-09-18 10:00'), at('2026-09-18 09:00'))).toThrow(
      /before it starts/,
    );
  });
});
