import { releaseTime } from './quiet-hours';

const cst = (iso: string) => Date.parse(`${iso}+08:00`);

describe('quiet hours (CST)', () => {
  it('lets a daytime message through as due', () => {
    expect(releaseTime(cst('2026-03-02T10:00:00'), '22:00', '07:00')).toBe(cst('2026-03-02T10:00:00'));
  });

  it('holds a late-evening message until 07:00 the next morning', () => {
    expect(releaseTime(cst('2026-03-02T23:15:00'), '22:00', '07:00')).toBe(cst('2026-03-03T07:00:00'));
  });

  it('holds an early-morning message until 07:00 the same morning', () => {
    expect(releaseTime(cst('2026-03-03T05:59:00'), '22:00', '07:00')).toBe(cst('2026-03-03T07:00:00'));
  });

  it('treats the window as half-open: 22:00 is quiet, 07:00 is not', () => {
    expect(releaseTime(cst('2026-03-02T22:00:00'), '22:00', '07:00')).toBe(cst('2026-03-03T07:00:00'));
    expect(releaseTime(cst('2026-03-03T07:00:00'), '22:00', '07:00')).toBe(cst('2026-03-03T07:00:00'));
  });

  it('handles a window inside one day (12:00–14:00 lunch) and an empty window', () => {
    expect(releaseTime(cst('2026-03-02T12:30:00'), '12:00', '14:00')).toBe(cst('2026-03-02T14:00:00'));
    expect(releaseTime(cst('2026-03-02T23:30:00'), '00:00', '00:00')).toBe(cst('2026-03-02T23:30:00'));
  });

  it('uses China time, not the UTC date: 15:30Z is 23:30 in Beijing', () => {
    expect(releaseTime(Date.parse('2026-03-02T15:30:00Z'), '22:00', '07:00')).toBe(cst('2026-03-03T07:00:00'));
  });
});
