import dayjs, { type Dayjs } from 'dayjs';
import { CHINA_ZONE } from './time';

/** Reporting periods shared by the dashboards (三率看板, 积分排行). */
export type Period = 'month' | 'quarter' | 'year' | 'custom';
export const periodOptions = [
  { value: 'month', label: '本月' },
  { value: 'quarter', label: '本季度' },
  { value: 'year', label: '本年' },
  { value: 'custom', label: '自定义' },
];

/** A period's [from, to) in China time: reporting periods follow the Chinese calendar, whatever the browser's zone. */
export function rangeOf(period: Period, custom: [Dayjs, Dayjs] | null): [Dayjs, Dayjs] | null {
  const now = dayjs().tz(CHINA_ZONE);
  if (period === 'month') return [now.startOf('month'), now.startOf('month').add(1, 'month')];
  if (period === 'quarter') {
    const start = now.startOf('month').month(Math.floor(now.month() / 3) * 3);
    return [start, start.add(3, 'month')];
  }
  if (period === 'year') return [now.startOf('year'), now.startOf('year').add(1, 'year')];
  if (!custom) return null;
  const day = (d: Dayjs) => dayjs.tz(d.format('YYYY-MM-DD'), CHINA_ZONE);
  return [day(custom[0]), day(custom[1]).add(1, 'day')];
}

export const periodText = (range: [Dayjs, Dayjs] | null) =>
  range ? `${range[0].format('YYYY-MM-DD')} 至 ${range[1].subtract(1, 'day').format('YYYY-MM-DD')}` : '请选择日期范围';
