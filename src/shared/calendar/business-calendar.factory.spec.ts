import { DEFAULT_WORKING_HOURS, createCalendar, mergeCalendars } from './business-calendar.factory';
import { CN_2026_HOLIDAYS } from './cn-holidays-2026.data';
import { computeDeadline } from './deadline.calculator';
import { calendarFromFestivals } from './festival-schedule.factory';
import { isWorkingDay } from './working-day.calculator';

const cn2026 = calendarFromFestivals(CN_2026_HOLIDAYS);
const at = (cst: string): number => Date.parse(`${cst.replace(' ', 'T')}:00+08:00`);
const show = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('createCalendar', () => {
  it('defaults to Sat/Sun weekends, 08:30–12:00 and 14:00–17:30, no holidays', () => {
    expect(createCalendar()).toEqual({
      weekendDays: [0, 6],
      holidays: [],
      makeUpWorkdays: [],
      workingHours: [
        { start: '08:30', end: '12:00' },
        { start: '14:00', end: '17:30' },
      ],
    });
  });

  it('deduplicates and sorts dates and weekend days', () => {
    const cal = createCalendar({ weekendDays: [6, 0, 6], holidays: ['2026-10-02', '2026-10-01', '2026-10-02'] });
    expect(cal.weekendDays).toEqual([0, 6]);
    expect(cal.holidays).toEqual(['2026-10-01', '2026-10-02']);
  });

  it('supports a six-day week: with only Sunday off, Sat 2026-03-07 is a working day', () => {
    expect(isWorkingDay(createCalendar({ weekendDays: [0] }), '2026-03-07')).toBe(true);
  });

  it.each([
    [{ holidays: ['2026-02-30'] }, /malformed date "2026-02-30"/],
    [{ makeUpWorkdays: ['26-10-10'] }, /malformed date/],
    [{ holidays: ['2026-10-10'], makeUpWorkdays: ['2026-10-10'] }, /both a holiday and a make-up workday/],
    [{ workingHours: [] }, /at least one period/],
    [{ workingHours: [{ start: '8:30', end: '12:00' }] }, /malformed time "8:30"/],
    [{ workingHours: [{ start: '09:00', end: '24:00' }] }, /malformed time "24:00"/],
    [{ workingHours: [{ start: '12:00', end: '08:30' }] }, /must end after it starts/],
    [
      {
        workingHours: [
          { start: '08:30', end: '12:00' },
          { start: '11:00', end: '17:30' },
        ],
      },
      /overlaps or precedes/,
    ],
    [
      {
        workingHours: [
          { start: '14:00', end: '17:30' },
          { start: '08:30', end: '12:00' },
        ],
      },
      /overlaps or precedes/,
    ],
    [{ weekendDays: [7] }, /weekend day 7/],
    [{ weekendDays: [0, 1, 2, 3, 4, 5, 6] }, /whole week/],
  ])('rejects %j', (input, message) => {
    expect(() => createCalendar(input)).toThrow(message);
  });
});

describe('mergeCalendars (district override over the national calendar)', () => {
  it('adds a local holiday: Thu 2026-03-05 becomes a rest day', () => {
    const district = mergeCalendars(cn2026, { holidays: ['2026-03-05'] });
    expect(isWorkingDay(district, '2026-03-05')).toBe(false);
    expect(isWorkingDay(cn2026, '2026-03-05')).toBe(true);
  });

  it('removes a national holiday: Wed 2026-10-07 becomes a working day, 10-06 stays off', () => {
    const district = mergeCalendars(cn2026, { removedHolidays: ['2026-10-07'] });
    expect(isWorkingDay(district, '2026-10-07')).toBe(true);
    expect(isWorkingDay(district, '2026-10-06')).toBe(false);
  });

  it('removes a make-up day: Sun 2026-09-20 rests again', () => {
    expect(isWorkingDay(mergeCalendars(cn2026, { removedMakeUpWorkdays: ['2026-09-20'] }), '2026-09-20')).toBe(false);
  });

  it('lets the override win over the base: a holiday on make-up 09-20, a make-up on holiday Sat 10-03', () => {
    const district = mergeCalendars(cn2026, { holidays: ['2026-09-20'], makeUpWorkdays: ['2026-10-03'] });
    expect(isWorkingDay(district, '2026-09-20')).toBe(false);
    expect(isWorkingDay(district, '2026-10-03')).toBe(true);
    expect(district.makeUpWorkdays).not.toContain('2026-09-20');
    expect(district.holidays).not.toContain('2026-10-03');
  });

  it('replaces working hours: a 7-day limit from 09-18 then ends 09-29 at 18:00', () => {
    const hours = [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ];
    const district = mergeCalendars(cn2026, { workingHours: hours });
    expect(show(computeDeadline(district, at('2026-09-18 10:00'), { unit: 'workingDays', amount: 7 }))).toBe(
      '2026-09-29 18:00',
    );
    expect(cn2026.workingHours).toEqual(DEFAULT_WORKING_HOURS);
  });

  it('rejects malformed dates in removal lists', () => {
    expect(() => mergeCalendars(cn2026, { removedHolidays: ['2026/10/07'] })).toThrow(/malformed date/);
  });
});
