import { CN_2026_HOLIDAYS, calendarFromFestivals, isWorkingDay } from '../../shared/calendar';
import {
  appendFestivalsToBase,
  appendFestivalsToOverride,
  baseCalendarData,
  districtOverrideData,
} from './calendar-data.factory';

const cn2026 = calendarFromFestivals(CN_2026_HOLIDAYS);
const spring2027 = [{ name: '春节', off: ['2027-02-06', '2027-02-07', '2027-02-08'], makeUp: ['2027-02-20'] }];

describe('calendar version data', () => {
  it('makes a base version a whole, sorted calendar with default hours', () => {
    const base = baseCalendarData({ holidays: ['2026-10-02', '2026-10-01'], makeUpWorkdays: [] });
    expect(base).toMatchObject({
      weekendDays: [0, 6],
      holidays: ['2026-10-01', '2026-10-02'],
      workingHours: [
        { start: '08:30', end: '12:00' },
        { start: '14:00', end: '17:30' },
      ],
    });
  });

  it('refuses removal lists on the base calendar', () => {
    expect(() => baseCalendarData({ holidays: [], makeUpWorkdays: [], removedHolidays: ['2026-10-01'] })).toThrow(
      /仅用于区级调整/,
    );
  });

  it('stores a district override normalised, without empty removal lists', () => {
    expect(
      districtOverrideData(cn2026, { holidays: ['2026-09-28', '2026-09-28'], makeUpWorkdays: [], removedHolidays: [] }),
    ).toEqual({ holidays: ['2026-09-28'], makeUpWorkdays: [] });
  });

  it.each([
    [{ holidays: ['2026-02-30'], makeUpWorkdays: [] }, /malformed date "2026-02-30"/],
    [{ holidays: ['2026-09-28'], makeUpWorkdays: ['2026-09-28'] }, /both a holiday and a make-up workday/],
    [{ holidays: ['2026-09-28'], makeUpWorkdays: [], removedHolidays: ['2026-09-28'] }, /既添加又删除/],
    [
      {
        holidays: [],
        makeUpWorkdays: [],
        workingHours: [
          { start: '08:30', end: '12:00' },
          { start: '11:00', end: '17:30' },
        ],
      },
      /overlaps/,
    ],
  ])('refuses the override %j', (input, message) => {
    expect(() => districtOverrideData(cn2026, input)).toThrow(message);
  });

  it('appends a new year to the base and keeps the earlier one', () => {
    const next = appendFestivalsToBase(cn2026, 2027, spring2027);
    expect(isWorkingDay(next, '2027-02-08')).toBe(false);
    expect(isWorkingDay(next, '2027-02-20')).toBe(true);
    expect(isWorkingDay(next, '2026-10-01')).toBe(false);
  });

  it('appends to an override, taking imported dates out of its opposite lists', () => {
    const previous = { holidays: ['2026-09-28', '2027-02-20'], makeUpWorkdays: [], removedHolidays: ['2027-02-06'] };
    const next = appendFestivalsToOverride(previous, 2027, spring2027);
    expect(districtOverrideData(cn2026, next)).toEqual({
      holidays: ['2026-09-28', '2027-02-06', '2027-02-07', '2027-02-08'],
      makeUpWorkdays: ['2027-02-20'],
      publishedYears: [2027],
    });
  });

  it('remembers every year imported into an override, and a re-posted override keeps them', () => {
    const once = districtOverrideData(
      cn2026,
      appendFestivalsToOverride({ holidays: [], makeUpWorkdays: [] }, 2027, spring2027),
    );
    const twice = districtOverrideData(cn2026, appendFestivalsToOverride(once, 2027, spring2027));
    expect(twice.publishedYears).toEqual([2027]);
    expect(
      districtOverrideData(cn2026, {
        holidays: ['2026-09-28'],
        makeUpWorkdays: [],
        publishedYears: twice.publishedYears,
      }).publishedYears,
    ).toEqual([2027]);
  });

  it('refuses a schedule with dates outside its year (a December bridge allowed)', () => {
    expect(() =>
      appendFestivalsToBase(cn2026, 2027, [{ name: '元旦', off: ['2026-12-31', '2027-01-01'], makeUp: [] }]),
    ).not.toThrow();
    expect(() => appendFestivalsToBase(cn2026, 2027, [{ name: '国庆节', off: ['2026-10-01'], makeUp: [] }])).toThrow(
      /不属于 2027 年/,
    );
  });
});
