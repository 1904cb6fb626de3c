import { calendarFromFestivals, CN_2026_HOLIDAYS } from '../calendar';
import type { Limit } from '../calendar';
import { limitOfClock, projectClocks, projectedDeadlineMs } from './clock-projection';
import type { ClockLimits, ProjectableClock } from './clock-projection';

const cn2026 = calendarFromFestivals(CN_2026_HOLIDAYS);
const at = (cst: string): number => Date.parse(`${cst.replace(' ', 'T')}:00+08:00`);
const show = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const iso = (cst: string) => new Date(at(cst)).toISOString();

const fifteenDays: Limit = { unit: 'workingDays', amount: 15 };
const limits: ClockLimits = {
  acceptLimit: { unit: 'minutes', amount: 10 },
  resolutionLimit: fifteenDays,
  firstResponseLimit: { unit: 'hours', amount: 4 },
};
// resolution clock started 2026-09-18 10:00 under 7 working days (deadline 09-29 17:30), paused all of Mon 09-21
const resolution = (over: Partial<ProjectableClock> = {}): ProjectableClock => ({
  name: 'resolution',
  startedAt: iso('2026-09-18 10:00'),
  deadline: iso('2026-09-30 17:30'),
  state: 'running',
  escalationLevel: 0,
  pausedMs: 86_400_000,
  pauses: [{ fromMs: at('2026-09-21 00:00'), toMs: at('2026-09-22 00:00') }],
  extensionWorkingDays: 0,
  ...over,
});

describe('clock projection under a new policy version', () => {
  it('re-projects a running clock from its original start, keeping its pause: 15 working days + the paused Monday', () => {
    const [p] = projectClocks(cn2026, [resolution()], limits, at('2026-09-23 10:00'));
    // 09-18 + 15 working days (中秋 and 国庆 off, 09-20 and 10-10 worked) is 10-15; the paused Monday adds one → 10-16
    expect({ ...p, to: show(p.to) }).toEqual({
      clock: 'resolution',
      state: 'running',
      from: iso('2026-09-30 17:30'),
      to: '2026-10-16 17:30',
      applies: true,
    });
    expect(show(new Date(projectedDeadlineMs(cn2026, resolution({ pauses: [] }), fifteenDays)).toISOString())).toBe(
      '2026-10-15 17:30',
    );
  });

  it('keeps approved extensions on top of the new limit', () => {
    const [p] = projectClocks(
      cn2026,
      [resolution({ pauses: [], extensionWorkingDays: 2 })],
      limits,
      at('2026-09-23 10:00'),
    );
    expect(show(p.to)).toBe('2026-10-19 17:30'); // 10-15, then two working days after it (10-16, 10-19)
  });

  it.each<[string, Partial<ProjectableClock>, string]>([
    ['a met clock', { state: 'met' }, '该时限已达成，新时限不再适用'],
    ['a stopped clock', { state: 'stopped' }, '该计时已停止，新时限不再适用'],
    ['a lapsed, escalated clock', { state: 'lapsed', escalationLevel: 1 }, '该时限已超时并升级督办，原时限保持不变'],
    [
      'a resumed clock that had been escalated',
      { state: 'running', escalationLevel: 2 },
      '该时限已超时并升级督办，原时限保持不变',
    ],
  ])('leaves %s as it is, with the reason', (_what, over, reason) => {
    const [p] = projectClocks(cn2026, [resolution(over)], limits, at('2026-09-23 10:00'));
    expect(p).toMatchObject({ applies: false, reason, from: resolution().deadline, to: resolution().deadline });
  });

  it('flags a running clock whose new deadline has already passed, and leaves a clock the new version has no limit for', () => {
    const accept: ProjectableClock = {
      name: 'accept',
      startedAt: iso('2026-09-18 10:00'),
      deadline: iso('2026-09-18 10:30'),
      state: 'running',
      escalationLevel: 0,
      pausedMs: 0,
      extensionWorkingDays: 0,
    };
    const contact: ProjectableClock = { ...accept, name: 'contactDepartment' };
    const [a, c] = projectClocks(cn2026, [accept, contact], limits, at('2026-09-18 10:20'));
    expect(a).toMatchObject({ applies: true, to: iso('2026-09-18 10:10'), lapsesAtOnce: true });
    expect(c).toMatchObject({ applies: false, reason: '新版策略对该计时没有时限，原时限保持不变' });
  });

  it('maps each clock to its limit; rework takes the resolution limit', () => {
    expect(
      ['accept', 'resolution', 'rework', 'firstResponse', 'contactDepartment', 'other'].map((n) =>
        limitOfClock(n, limits),
      ),
    ).toEqual([limits.acceptLimit, fifteenDays, fifteenDays, limits.firstResponseLimit, undefined, undefined]);
  });
});
