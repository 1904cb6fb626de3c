import { Space, Tag, Tooltip } from 'antd';
import { durationText, formatTime } from '../lib/time';
import { useNow } from '../lib/use-now';
import { clockStateLabel, escalationLabel } from './case-labels';

export interface ClockLike {
  label: string;
  deadline: string | null;
  state: 'running' | 'paused' | 'met' | 'lapsed' | 'stopped';
  escalationLevel?: number;
  provisional?: boolean;
}

/** One clock: a live countdown while it runs, its state otherwise, and how far it has escalated. */
export function DeadlineCountdown({ clock }: { clock: ClockLike }) {
  const now = useNow();
  const left = clock.deadline ? Date.parse(clock.deadline) - now : null;
  const overdue = clock.state === 'lapsed' || (clock.state === 'running' && left !== null && left <= 0);
  let text: string;
  let color: string;
  if (clock.state === 'running' && left !== null) {
    text = left > 0 ? `剩余 ${durationText(left)}` : `已超时 ${durationText(left)}`;
    color = left <= 0 ? 'red' : left < 3_600_000 ? 'orange' : 'blue';
  } else {
    text = clockStateLabel[clock.state] ?? clock.state;
    color = overdue ? 'red' : clock.state === 'paused' ? 'gold' : clock.state === 'met' ? 'green' : 'default';
  }
  return (
    <Space size={4} wrap>
      <Tooltip title={`截止 ${formatTime(clock.deadline)}（北京时间）`}>
        <Tag color={color} data-clock-state={overdue ? 'lapsed' : clock.state}>
          {clock.label}：{text}
        </Tag>
      </Tooltip>
      {clock.provisional && <Tag color="purple">暂定</Tag>}
      {!!clock.escalationLevel && <Tag color="volcano">{escalationLabel(clock.escalationLevel)}</Tag>}
    </Space>
  );
}
