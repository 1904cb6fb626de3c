import { createCalendar } from './business-calendar.factory';
import { toCstDate, toCstMinute } from './cst-time.util';
import { isWorkingDay } from './working-day.calculator';

const cal = createCalendar();

describe('CST days before 1970', () => {
  it('handles instants before 1970: CST 1970-01-01 00:00 is 1969-12-31T16:00Z, a Thursday', () => {
    expect(toCstDate(Date.parse('1969-12-31T16:00:00Z'))).toBe('1970-01-01');
    expect(toCstDate(Date.parse('1969-12-31T15:59:59.999Z'))).toBe('1969-12-31');
    expect(isWorkingDay(cal, '1969-12-28')).toBe(false); // a Sunday
    expect(isWorkingDay(cal, '1970-01-01')).toBe(true);
  });
});

describe('malformed days', () => {
  it.each(['2026-02-30', '2026-02-29', '2026-2-3', '20260203', '2026-13-01', '', '2026-01-01T00:00'])(
    'rejects "%s"',
    (date) => {
      expect(() => isWorkingDay(cal, date)).toThrow(/malformed date/);
    },
  );

  it('accepts a real leap day 2028-02-29 (a Tuesday)', () => {
    expect(isWorkingDay(cal, '2028-02-29')).toBe(true);
  });

  it.each([NaN, Infinity])('rejects the instant %s', (ms) => {
    expect(() => isWorkingDay(cal, ms)).toThrow(/finite epoch milliseconds/);
  });
});

describe('toCstMinute', () => {
  it('writes an instant as CST date and minute, rolling the day over at 16:00Z', () => {
    expect(toCstMinute(Date.parse('2026-11-25T09:30:00Z'))).toBe('2026-11-25 17:30');
    expect(toCstMinute(Date.parse('2026-11-25T16:05:59Z'))).toBe('2026-11-26 00:05');
  });
});
