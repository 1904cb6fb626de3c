import { Card, Col, Row, Typography } from 'antd';

export interface CalendarDays {
  weekendDays: readonly number[];
  holidays: readonly string[];
  makeUpWorkdays: readonly string[];
}
export type DayKind = 'holiday' | 'makeUp' | 'weekend' | 'workday';
export const dayKindLabel: Record<DayKind, string> = {
  holiday: '节假日',
  makeUp: '调休上班',
  weekend: '周末',
  workday: '工作日',
};
const WEEK = ['一', '二', '三', '四', '五', '六', '日'];
const pad = (n: number) => String(n).padStart(2, '0');

export function kindOf(cal: CalendarDays, date: string): DayKind {
  if (cal.holidays.includes(date)) return 'holiday';
  if (cal.makeUpWorkdays.includes(date)) return 'makeUp';
  return cal.weekendDays.includes(new Date(`${date}T00:00:00Z`).getUTCDay()) ? 'weekend' : 'workday';
}

const style: Record<DayKind, React.CSSProperties> = {
  holiday: { background: '#fff1f0', color: '#cf1322', borderColor: '#ffa39e', fontWeight: 600 },
  makeUp: { background: '#e6f4ff', color: '#0958d9', borderColor: '#91caff', fontWeight: 600 },
  weekend: { background: '#fafafa', color: '#8c8c8c', borderColor: 'transparent' },
  workday: { background: '#fff', color: '#262626', borderColor: 'transparent' },
};
const badge: Partial<Record<DayKind, string>> = { holiday: '休', makeUp: '班' };

function Month({
  year,
  month,
  cal,
  onPick,
}: {
  year: number;
  month: number;
  cal: CalendarDays;
  onPick: (d: string) => void;
}) {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // weeks start on Monday, as Chinese calendars print them
  const cells: (string | null)[] = [...Array(lead).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(`${year}-${pad(month)}-${pad(d)}`);
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
          {month} 月
        </Typography.Title>
      }
    >
      <div
        role="grid"
        aria-label={`${year} 年 ${month} 月`}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}
      >
        {WEEK.map((w) => (
          <div key={w} role="columnheader" style={{ textAlign: 'center', fontSize: 12, color: '#8c8c8c' }}>
            {w}
          </div>
        ))}
        {cells.map((date, i) => {
          if (!date) return <div key={`x${i}`} />;
          const kind = kindOf(cal, date);
          return (
            <button
              key={date}
              type="button"
              data-date={date}
              data-kind={kind}
              aria-label={`${year}年${month}月${Number(date.slice(8))}日 ${dayKindLabel[kind]}`}
              onClick={() => onPick(date)}
              style={{
                ...style[kind],
                border: '1px solid',
                borderRadius: 4,
                padding: '2px 0',
                fontSize: 12,
                cursor: 'pointer',
                lineHeight: '16px',
              }}
            >
              {Number(date.slice(8))}
              {badge[kind] && <sup style={{ fontSize: 9 }}>{badge[kind]}</sup>}
            </button>
          );
        })}
      </div>
    </Card>
  );
}

/** Twelve months at a glance: holidays 休 in red, 调休 working days 班 in blue; each day a button for the keyboard. */
export function YearView({ year, cal, onPick }: { year: number; cal: CalendarDays; onPick: (date: string) => void }) {
  return (
    <Row gutter={[12, 12]}>
      {Array.from({ length: 12 }, (_, i) => (
        <Col key={i} xs={24} sm={12} lg={8} xl={6}>
          <Month year={year} month={i + 1} cal={cal} onPick={onPick} />
        </Col>
      ))}
    </Row>
  );
}
