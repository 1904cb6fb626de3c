import { createCalendar } from './business-calendar.factory';
import { CN_2026_HOLIDAYS } from './cn-holidays-2026.data';
import { calendarFromFestivals, festivalsToOverride } from './festival-schedule.factory';
import { isWorkingDay } from './working-day.calculator';

describe('calendarFromFestivals', () => {
  it('keeps the base calendar’s working hours', () => {
    const base = createCalendar({ workingHours: [{ start: '09:00', end: '17:00' }] });
    const cal = calendarFromFestivals(CN_2026_HOLIDAYS, base);
    expect(cal.workingHours).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(isWorkingDay(cal, '2026-10-01')).toBe(false);
  });

  it('flattens the festivals into one override', () => {
    const override = festivalsToOverride(CN_2026_HOLIDAYS);
    expect(override.holidays).toHaveLength(33);
    expect(override.makeUpWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });
});
