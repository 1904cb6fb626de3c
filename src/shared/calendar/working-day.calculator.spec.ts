import { createCalendar } from './business-calendar.factory';
import { CN_2026_HOLIDAYS } from './cn-holidays-2026.data';
import { calendarFromFestivals } from './festival-schedule.factory';
import { isWorkingDay, nextWorkingDay } from './working-day.calculator';

const cn2026 = calendarFromFestivals(CN_2026_HOLIDAYS);

describe('isWorkingDay on the 2026 national calendar', () => {
  it.each([
    ['2026-01-01', false, 'Thu, 元旦 holiday on a weekday'],
    ['2026-01-04', true, 'Sun, 元旦 make-up day'],
    ['2026-02-13', true, 'Fri, last ordinary weekday before 春节'],
    ['2026-02-14', true, 'Sat, 春节 make-up day on the eve of the break'],
    ['2026-02-15', false, 'Sun, first day of 春节'],
    ['2026-02-23', false, 'Mon, last day of 春节 although a weekday'],
    ['2026-02-24', true, 'Tue, first day back after 春节'],
    ['2026-02-28', true, 'Sat, second 春节 make-up day'],
    ['2026-03-01', false, 'Sun, an ordinary weekend day'],
    ['2026-04-06', false, 'Mon, 清明节'],
    ['2026-05-05', false, 'Tue, last day of 劳动节'],
    ['2026-05-09', true, 'Sat, 劳动节 make-up day'],
    ['2026-06-19', false, 'Fri, 端午节'],
    ['2026-09-20', true, 'Sun, 国庆 make-up day before 中秋'],
    ['2026-09-25', false, 'Fri, 中秋节'],
    ['2026-10-07', false, 'Wed, last day of 国庆'],
    ['2026-10-10', true, 'Sat, 国庆 make-up day'],
    ['2026-10-11', false, 'Sun, ordinary weekend right after a make-up Saturday'],
    ['2027-01-01', true, 'Fri, 2027 not published yet so only weekends rest'],
    ['2027-01-02', false, 'Sat, 2027 weekend'],
  ])('%s is %s (%s)', (date, expected) => {
    expect(isWorkingDay(cn2026, date)).toBe(expected);
  });

  it('without the schedule, 国庆 2026-10-01 (Thu) is an ordinary working day', () => {
    expect(isWorkingDay(createCalendar(), '2026-10-01')).toBe(true);
  });
});

describe('isWorkingDay on an instant uses the CST day, not the UTC day', () => {
  it.each([
    ['2026-05-08T17:00:00Z', true, 'CST 05-09 01:00, make-up Sat (UTC day is Fri 05-08)'],
    ['2026-05-09T16:00:00Z', false, 'CST 05-10 00:00, Sun (UTC day is make-up Sat 05-09)'],
    ['2026-04-30T16:30:00Z', false, 'CST 05-01 00:30, 劳动节 (UTC day is Thu 04-30)'],
    ['2026-02-23T15:59:59.999Z', false, 'CST 02-23 23:59:59.999, still 春节'],
    ['2026-02-23T16:00:00Z', true, 'CST 02-24 00:00, first day back'],
  ])('%s → %s (%s)', (iso, expected) => {
    expect(isWorkingDay(cn2026, Date.parse(iso))).toBe(expected);
  });
});

describe('nextWorkingDay is strictly after the given day', () => {
  it.each([
    ['2026-02-13', '2026-02-14', 'Fri → make-up Sat'],
    ['2026-02-14', '2026-02-24', 'make-up Sat → over the whole 春节 break'],
    ['2026-02-27', '2026-02-28', 'Fri → make-up Sat'],
    ['2026-09-18', '2026-09-20', 'Fri → skips Sat 09-19 → make-up Sun'],
    ['2026-09-24', '2026-09-28', 'Thu → over 中秋 Fri–Sun'],
    ['2026-09-30', '2026-10-08', 'Wed → over 国庆 10-01..10-07'],
    ['2026-10-09', '2026-10-10', 'Fri → make-up Sat'],
    ['2026-12-31', '2027-01-01', 'Thu → Fri across the year end'],
    ['2027-01-01', '2027-01-04', 'Fri → Mon'],
    ['2026-10-03', '2026-10-08', 'from inside a holiday'],
  ])('%s → %s (%s)', (from, expected) => {
    expect(nextWorkingDay(cn2026, from)).toBe(expected);
  });

  it('accepts an instant: 2026-09-18T16:00Z is CST Sat 09-19 00:00, so the next is Sun 09-20', () => {
    expect(nextWorkingDay(cn2026, Date.parse('2026-09-18T16:00:00Z'))).toBe('2026-09-20');
  });
});
