import { createCalendar, mergeCalendars } from './business-calendar.factory';
import { CN_2026_HOLIDAYS } from './cn-holidays-2026.data';
import { computeDeadline } from './deadline.calculator';
import { calendarFromFestivals } from './festival-schedule.factory';
import {
  computeDeadlineWithStatus,
  isProvisional,
  isProvisionalFor,
  lastYearOfRun,
  publishedThroughYearOf,
  scheduleReminderDue,
  withPublishedThroughYear,
} from './published-schedule';

const cn2026 = calendarFromFestivals(CN_2026_HOLIDAYS);
const newYear2027 = { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'] };
const with2027 = mergeCalendars(cn2026, newYear2027);
const at = (cst: string): number => Date.parse(`${cst.replace(' ', 'T')}:00+08:00`);
const show = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const fifteenDays = { unit: 'workingDays', amount: 15 } as const;

describe('the last year with a published holiday schedule', () => {
  it('is 2026 for the State Council 2026 schedule and moves to 2027 once 2027 is entered', () => {
    expect(publishedThroughYearOf(cn2026)).toBe(2026);
    expect(publishedThroughYearOf(with2027)).toBe(2027);
  });

  it('stops at the first gap: a schedule for 2099 does not make 2027 known', () => {
    expect(lastYearOfRun([2026, 2099])).toBe(2026);
    expect(lastYearOfRun([2027, 2026, 2028, 2030])).toBe(2028);
    expect(lastYearOfRun([])).toBeUndefined();
    expect(publishedThroughYearOf(mergeCalendars(cn2026, { holidays: ['2099-05-06'] }))).toBe(2026);
  });

  it('prefers the year stated on the calendar, and states it with the years a district imported', () => {
    expect(publishedThroughYearOf(createCalendar({ holidays: ['2026-10-01'], publishedThroughYear: 2030 }))).toBe(2030);
    expect(withPublishedThroughYear(cn2026, [2026, 2027])).toMatchObject({ publishedThroughYear: 2027 });
    expect(withPublishedThroughYear(cn2026, [2026, 2028]).publishedThroughYear).toBe(2026);
    expect(withPublishedThroughYear({ ...cn2026, publishedThroughYear: 2026 }, [])).not.toHaveProperty(
      'publishedThroughYear',
    );
    expect(() => createCalendar({ publishedThroughYear: 2026.5 })).toThrow(/year 2026.5/);
  });
});

describe('provisional (暂定) deadlines', () => {
  it('marks a December case whose 15 working days run into 2027 provisional, counting 2027-01-01 as a working day', () => {
    const filed = at('2026-12-10 10:00');
    const result = computeDeadlineWithStatus(cn2026, filed, fifteenDays);
    expect(show(result.deadlineMs)).toBe('2026-12-31 17:30');
    const later = computeDeadlineWithStatus(cn2026, at('2026-12-11 10:00'), fifteenDays);
    // 12-14 … 12-31 are 14 working days; the 15th is Friday 2027-01-01, a holiday the 2026 calendar cannot know about
    expect(later).toEqual({ deadlineMs: at('2027-01-01 17:30'), provisional: true });
    expect(result.provisional).toBe(false);
  });

  it('is no longer provisional once 2027 is entered, and the deadline moves past the New Year holiday', () => {
    expect(computeDeadlineWithStatus(with2027, at('2026-12-11 10:00'), fifteenDays)).toEqual({
      deadlineMs: at('2027-01-04 17:30'),
      provisional: false,
    });
  });

  it('decides by the deadline’s year in China time, not UTC', () => {
    // 2027-01-01 07:00 CST is still 2026 in UTC
    expect(isProvisional(cn2026, at('2027-01-01 07:00'))).toBe(true);
    expect(isProvisional(cn2026, at('2026-12-31 23:59'))).toBe(false);
  });

  it('leaves round-the-clock limits alone unless a working-day extension moved them, and bare calendars unknown', () => {
    const nearMidnight = at('2026-12-31 20:00');
    const deadline = computeDeadline(cn2026, nearMidnight, { unit: 'hours', amount: 24 });
    expect(isProvisionalFor(cn2026, { unit: 'hours', amount: 24 }, deadline)).toBe(false);
    expect(isProvisionalFor(cn2026, { unit: 'hours', amount: 24 }, deadline, 2)).toBe(true);
    expect(
      isProvisionalFor(
        cn2026,
        { unit: 'workingHours', amount: 8 },
        computeDeadline(cn2026, nearMidnight, { unit: 'workingHours', amount: 8 }),
      ),
    ).toBe(true);
    expect(isProvisional(createCalendar(), at('2030-06-01 12:00'))).toBe(false);
  });
});

describe('the reminder to enter next year’s schedule', () => {
  it('is not due before 1 November', () => {
    expect(scheduleReminderDue(2026, at('2026-10-31 23:59'))).toBeNull();
  });

  it('counts weeks from 1 November (China time), so it goes out on Nov 1, Nov 8, … once each', () => {
    expect(scheduleReminderDue(2026, at('2026-11-01 00:00'))).toEqual({ year: 2027, week: 1 });
    expect(scheduleReminderDue(2026, Date.parse('2026-10-31T17:00:00Z'))).toEqual({ year: 2027, week: 1 }); // still October in UTC
    expect(scheduleReminderDue(2026, at('2026-11-07 23:59'))).toEqual({ year: 2027, week: 1 });
    expect(scheduleReminderDue(2026, at('2026-11-08 08:00'))).toEqual({ year: 2027, week: 2 });
  });

  it('keeps going into the new year while that year is still missing, and stops once it is entered or unknown', () => {
    expect(scheduleReminderDue(2026, at('2027-01-05 09:00'))).toEqual({ year: 2027, week: 10 });
    expect(scheduleReminderDue(2027, at('2026-11-20 09:00'))).toBeNull();
    expect(scheduleReminderDue(2027, at('2027-06-01 09:00'))).toBeNull();
    expect(scheduleReminderDue(undefined, at('2026-11-20 09:00'))).toBeNull();
  });
});
