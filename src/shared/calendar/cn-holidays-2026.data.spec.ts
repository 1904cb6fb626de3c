import { CN_2026_HOLIDAYS } from './cn-holidays-2026.data';

// Independent of the calendar code: plain UTC dates give the weekday of a 'YYYY-MM-DD' day.
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const byName = (name: string) => CN_2026_HOLIDAYS.find((festival) => festival.name === name);

describe('CN_2026_HOLIDAYS matches the State Council schedule', () => {
  it.each([
    ['元旦', '2026-01-01', '2026-01-03', 3],
    ['春节', '2026-02-15', '2026-02-23', 9],
    ['清明节', '2026-04-04', '2026-04-06', 3],
    ['劳动节', '2026-05-01', '2026-05-05', 5],
    ['端午节', '2026-06-19', '2026-06-21', 3],
    ['中秋节', '2026-09-25', '2026-09-27', 3],
    ['国庆节', '2026-10-01', '2026-10-07', 7],
  ])('%s is off from %s to %s, %i consecutive days', (name, first, last, count) => {
    const off = byName(name)?.off ?? [];
    expect(off).toHaveLength(count);
    expect(off[0]).toBe(first);
    expect(off[count - 1]).toBe(last);
    off.slice(1).forEach((date, i) => expect(Date.parse(date) - Date.parse(off[i])).toBe(86_400_000));
  });

  it.each([
    ['元旦', ['2026-01-04']],
    ['春节', ['2026-02-14', '2026-02-28']],
    ['清明节', []],
    ['劳动节', ['2026-05-09']],
    ['端午节', []],
    ['中秋节', []],
    ['国庆节', ['2026-09-20', '2026-10-10']],
  ])('%s make-up days are %j', (name, makeUp) => {
    expect(byName(name)?.makeUp).toEqual(makeUp);
  });

  it('lists exactly the seven festivals', () => {
    expect(CN_2026_HOLIDAYS.map((festival) => festival.name)).toEqual([
      '元旦',
      '春节',
      '清明节',
      '劳动节',
      '端午节',
      '中秋节',
      '国庆节',
    ]);
  });

  it('has make-up days only on weekends (a weekday would already be worked)', () => {
    const makeUps = CN_2026_HOLIDAYS.flatMap((festival) => festival.makeUp);
    expect(makeUps.map(weekday).every((day) => day === 0 || day === 6)).toBe(true);
  });
});
