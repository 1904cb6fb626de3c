import { Card, Progress, Space, Typography } from 'antd';
import { kindLabel, taskKinds } from './programme-labels';

export interface CompletionRow {
  partyOrgId: string;
  name: string;
  completion: number;
  kindsMet: number;
  kinds: Record<string, { confirmed: number; target: number }>;
}

/** One agency's "五个一" progress: confirmed of target per kind. */
export function QuotaProgress({ row }: { row: CompletionRow }) {
  return (
    <Card title={`${row.name} 年度任务完成进度`} size="small" style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {taskKinds.map((k) => {
          const { confirmed = 0, target = 0 } = row.kinds[k] ?? {};
          return (
            <div key={k} style={{ display: 'grid', gridTemplateColumns: '6em 1fr 6em', alignItems: 'center', gap: 8 }}>
              <Typography.Text>{kindLabel[k]}</Typography.Text>
              <Progress
                percent={target ? Math.min(100, Math.round((confirmed / target) * 100)) : 0}
                showInfo={false}
                aria-label={`${kindLabel[k]} 完成 ${confirmed} / ${target}`}
              />
              <Typography.Text>
                {confirmed} / {target}
              </Typography.Text>
            </div>
          );
        })}
      </Space>
    </Card>
  );
}
