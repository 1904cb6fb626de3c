import type { Limit, PauseInterval } from './calendar.types';
import { CN_2026_HOLIDAYS } from './cn-holidays-2026.data';
import { extendByWorkingDays } from './deadline.calculator';
import { calendarFromFestivals } from './festival-schedule.factory';
import { deadlineWithPauses } from './pause.calculator';

const cn2026 = calendarFromFestivals(CN_2026_HOLIDAYS);
const at = (cst: string): number => Date.parse(`${cst.replace(' ', 'T')}:00+08:00`);
const show = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const pause = (from: string, to: string): PauseInterval => ({ fromMs: at(from), toMs: at(to) });

describe('deadlineWithPauses, round the clock (urgent 2 h from 2026-09-19 10:00, a Saturday)', () => {
  const urgent: Limit = { unit: 'hours', amount: 2 };
  const start = at('2026-09-19 10:00');

  it.each([
    ['no pause keeps 12:00', [], '2026-09-19 12:00'],
    [
      'two 30-min pauses add 1 h',
      [pause('2026-09-19 10:30', '2026-09-19 11:00'), pause('2026-09-19 11:15', '2026-09-19 11:45')],
      '2026-09-19 13:00',
    ],
    [
      'overlapping 10:30–11:00 and 10:45–11:15 count 45 min once',
      [pause('2026-09-19 10:30', '2026-09-19 11:00'), pause('2026-09-19 10:45', '2026-09-19 11:15')],
      '2026-09-19 12:45',
    ],
    [
      'a pause from 09:00 counts only from the 10:00 start: 30 min',
      [pause('2026-09-19 09:00', '2026-09-19 10:30')],
      '2026-09-19 12:30',
    ],
    [
      'a pause starting at the 12:00 deadline is too late',
      [pause('2026-09-19 12:00', '2026-09-19 13:00')],
      '2026-09-19 12:00',
    ],
    [
      '11:00–11:30 moves it to 12:30, so 12:15–12:45 then counts too',
      [pause('2026-09-19 12:15', '2026-09-19 12:45'), pause('2026-09-19 11:00', '2026-09-19 11:30')],
      '2026-09-19 13:00',
    ],
    [
      'a pause through the night counts in full: 11:00 → next day 09:00 adds 22 h',
      [pause('2026-09-19 11:00', '2026-09-20 09:00')],
      '2026-09-20 10:00',
    ],
  ])('%s', (_name, pauses, expected) => {
    expect(show(deadlineWithPauses(cn2026, start, urgent, pauses))).toBe(expected);
  });
});

describe('deadlineWithPauses, working days (spec example: 2026-09-18 10:00 + 7 → 09-29 17:30)', () => {
  const sevenDays: Limit = { unit: 'workingDays', amount: 7 };
  const start = at('2026-09-18 10:00');

  it.each([
    [
      'the whole of Mon 09-21 (7 working h) → one more day, 09-30 17:30',
      [pause('2026-09-21 00:00', '2026-09-22 00:00')],
      '2026-09-30 17:30',
    ],
    [
      'a pause on the uncounted acceptance day changes nothing',
      [pause('2026-09-18 11:00', '2026-09-18 16:00')],
      '2026-09-29 17:30',
    ],
    [
      'a pause over the 中秋 holiday loses no working time',
      [pause('2026-09-25 00:00', '2026-09-28 00:00')],
      '2026-09-29 17:30',
    ],
    [
      '09-22 16:30 → 09-23 09:30 loses 2 working h → 09-30 10:30',
      [pause('2026-09-22 16:30', '2026-09-23 09:30')],
      '2026-09-30 10:30',
    ],
    [
      'evening-only pause 09-22 18:00 → 09-23 08:00 loses nothing',
      [pause('2026-09-22 18:00', '2026-09-23 08:00')],
      '2026-09-29 17:30',
    ],
    [
      '09-29 17:00 → 10-09 10:00 across 国庆: 30 min were left, so 10-09 10:30',
      [pause('2026-09-29 17:00', '2026-10-09 10:00')],
      '2026-10-09 10:30',
    ],
    ['a pause after the deadline is ignored', [pause('2026-09-30 09:00', '2026-09-30 10:00')], '2026-09-29 17:30'],
  ])('%s', (_name, pauses, expected) => {
    expect(show(deadlineWithPauses(cn2026, start, sevenDays, pauses))).toBe(expected);
  });

  it('applies the 5-day extension (→ 10-12 17:30) before pauses, so a full-day pause on 10-09 still counts: 10-13 17:30', () => {
    const pauses = [pause('2026-10-09 08:30', '2026-10-09 17:30')];
    expect(show(deadlineWithPauses(cn2026, start, sevenDays, pauses, 5))).toBe('2026-10-13 17:30');
    // Extending afterwards would drop that pause, which began after the unextended deadline.
    expect(show(extendByWorkingDays(cn2026, deadlineWithPauses(cn2026, start, sevenDays, pauses), 5))).toBe(
      '2026-10-12 17:30',
    );
  });

  it('rejects a negative or fractional extension', () => {
    expect(() => deadlineWithPauses(cn2026, start, sevenDays, [], -1)).toThrow(/positive integer/);
    expect(() => deadlineWithPauses(cn2026, start, sevenDays, [], 1.5)).toThrow(/positive integer/);
  });
});

describe('deadlineWithPauses, working hours (2026-09-18 11:00 + 2 → 15:00)', () => {
  it('11:30–14:30 spans lunch, so it loses 1 working h (11:30–12:00, 14:00–14:30) → 16:00', () => {
    const limit: Limit = { unit: 'workingHours', amount: 2 };
    const pauses = [pause('2026-09-18 11:30', '2026-09-18 14:30')];
    expect(show(deadlineWithPauses(cn2026, at('2026-09-18 11:00'), limit, pauses))).toBe('2026-09-18 16:00');
  });
});

describe('deadlineWithPauses input errors', () => {
  const limit: Limit = { unit: 'minutes', amount: 30 };
  it('rejects a pause that ends before it starts', () => {
    const backwards = [pause('2026-09-18 11:00', '2026-09-18 10:00')];
    expect(() => deadlineWithPauses(cn2026, at('2026-09-18 10:00'), limit, backwards)).toThrow(/before it starts/);
  });
  it('rejects a pause with a non-finite end (an open pause has no deadline yet)', () => {
    const open = [{ fromMs: at('2026-09-18 10:10'), toMs: NaN }];
    expect(() => deadlineWithPauses(cn2026, at('2026-09-18 10:00'), limit, open)).toThrow(/pause end must be finite/);
  });
});
