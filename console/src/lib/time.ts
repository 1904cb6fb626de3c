import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** Deadlines are China time by law and by the business calendar: always shown in it, whatever the browser's zone. */
export const CHINA_ZONE = 'Asia/Shanghai';

export const formatTime = (iso: string | Date | null | undefined): string =>
  iso ? dayjs(iso).tz(CHINA_ZONE).format('YYYY-MM-DD HH:mm') : '—';

export const formatSeconds = (iso: string | Date): string => dayjs(iso).tz(CHINA_ZONE).format('YYYY-MM-DD HH:mm:ss');

/** `2天3小时` / `15分20秒`: the two largest units of a duration. */
export function durationText(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const parts: [number, string][] = [
    [Math.floor(s / 86400), '天'],
    [Math.floor(s / 3600) % 24, '小时'],
    [Math.floor(s / 60) % 60, '分'],
    [s % 60, '秒'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first < 0) return '0秒';
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n}${u}`)
    .join('');
}
