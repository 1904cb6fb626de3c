import { dispatchMonthOf, interviewReason, monthBounds, programmeMonthRefusal } from './programme-rhythm';

describe('programme rhythm', () => {
  it('a dispatch reports the month before the run, China time', () => {
    // 2026-01-05 00:30 in China is still 2026-01-04 in UTC
    expect(dispatchMonthOf(Date.parse('2026-01-04T16:30:00Z'))).toEqual({ year: 2025, month: 12 });
    expect(dispatchMonthOf(Date.parse('2026-03-31T15:59:00Z'))).toEqual({ year: 2026, month: 2 });
    expect(dispatchMonthOf(Date.parse('2026-03-31T16:00:00Z'))).toEqual({ year: 2026, month: 3 });
  });

  it('month bounds are China midnights', () => {
    expect(monthBounds({ year: 2026, month: 12 })).toEqual({
      from: new Date('2026-11-30T16:00:00Z'),
      to: new Date('2026-12-31T16:00:00Z'),
    });
  });

  it('refuses a bad month or year in Chinese', () => {
    expect(programmeMonthRefusal({ year: 2026, month: 13 })).toBe('月份须为 1–12 的整数');
    expect(programmeMonthRefusal({ year: 1999, month: 1 })).toBe('年度须为 2000–2100 之间的整数');
    expect(programmeMonthRefusal({ year: 2026, month: 6 })).toBeNull();
  });

  it('calls an interview when behind the year-to-date share or with too many overdue tasks', () => {
    const kinds = { A: { target: 2, confirmed: 1 }, B: { target: 2, confirmed: 0 } };
    const t = { behindShare: 0.5, overdueTasks: 2 };
    // June: 4 × 6/12 = 2 due, 1 done = 50% → not behind
    expect(interviewReason(kinds, 6, 0, t)).toBeNull();
    // December: 4 due, 1 done = 25% → behind
    expect(interviewReason(kinds, 12, 0, t)).toContain('低于截至 12 月应完成量的 50%');
    expect(interviewReason(kinds, 6, 2, t)).toBe('逾期任务 2 项');
    // a kind over its target does not make up for another
    expect(
      interviewReason({ A: { target: 1, confirmed: 5 }, B: { target: 3, confirmed: 0 } }, 12, 0, t),
    ).not.toBeNull();
  });
});
