import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, DatePicker, Empty, Segmented, Space, Spin, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client';
import RatesChart, { type RateRow } from '../dashboard/rates-chart';
import { PageTitle } from '../layout/page-title';
import { periodOptions, rangeOf, type Period } from '../lib/period';
import { formatTime } from '../lib/time';

type Level = 'street' | 'community' | 'grid';

interface MeasureItem extends RateRow {
  id: string;
  total: number;
  escalated: number;
  onTimeResolution: number | null;
}

const levelLabel: Record<Level, string> = { street: '街道', community: '社区', grid: '网格' };
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

function toItem(raw: Record<string, unknown>): MeasureItem {
  const unit = raw.unit as { id: string; name: string };
  const counts = raw.counts as { total: number; escalated?: number };
  const onTime = raw.onTimeRate as { resolution: number | null } | undefined;
  return {
    id: unit.id,
    rank: raw.rank as number,
    name: unit.name,
    total: counts.total,
    escalated: counts.escalated ?? 0,
    responseRate: raw.responseRate as number | null,
    resolutionRate: raw.resolutionRate as number | null,
    satisfactionRate: raw.satisfactionRate as number | null,
    onTimeResolution: onTime?.resolution ?? null,
  };
}

/** 三率看板: response, resolution and satisfaction rates per street, community or grid in the person's scope, ranked. */
export default function DashboardPage() {
  const [period, setPeriod] = useState<Period>('month');
  const [custom, setCustom] = useState<[Dayjs, Dayjs] | null>(null);
  const [level, setLevel] = useState<Level>('street');
  const range = rangeOf(period, custom);
  const from = range?.[0].toISOString();
  const to = range?.[1].toISOString();
  const query = from && to ? `${from}/${to}/${level}` : null;
  // Each answer keeps the query it answers: right after a switch, the previous period's or level's figures are not
  // shown under the new one while its own are on their way.
  const [answer, setAnswer] = useState<{
    query: string;
    items?: MeasureItem[];
    asOf?: string;
    failure?: string;
  } | null>(null);
  const current = answer && answer.query === query ? answer : null;
  const items = current?.items ?? null;
  const asOf = current?.asOf ?? null;
  const failure = current?.failure ?? null;

  useEffect(() => {
    if (!from || !to || !query) return;
    let live = true;
    void api
      .GET('/api/v1/case-measures', { params: { query: { from, to, groupBy: 'unit', level } } })
      .then(({ data, error }) => {
        if (!live) return;
        if (!data) return setAnswer({ query, failure: errorMessage(error, '统计数据加载失败') });
        setAnswer({ query, items: data.items.map((i) => toItem(i as Record<string, unknown>)), asOf: data.asOf });
      });
    return () => {
      live = false;
    };
  }, [from, to, level, query]);

  const periodText = range
    ? `${range[0].format('YYYY-MM-DD')} 至 ${range[1].subtract(1, 'day').format('YYYY-MM-DD')}`
    : '请选择日期范围';
  return (
    <PageContainer
      title={<PageTitle>三率看板</PageTitle>}
      subTitle="响应率、解决率、满意率（按登记时间统计，北京时间）"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ProCard bordered>
          <Space wrap size="large">
            <Space>
              <span id="period-label">统计周期</span>
              <Segmented
                aria-labelledby="period-label"
                options={periodOptions}
                value={period}
                onChange={(v) => setPeriod(v as Period)}
              />
              {period === 'custom' && (
                <DatePicker.RangePicker
                  aria-label="自定义日期范围"
                  value={custom}
                  onChange={(v) => setCustom(v && v[0] && v[1] ? [v[0], v[1]] : null)}
                />
              )}
            </Space>
            <Space>
              <span id="level-label">统计层级</span>
              <Segmented
                aria-labelledby="level-label"
                options={(Object.keys(levelLabel) as Level[]).map((l) => ({ value: l, label: levelLabel[l] }))}
                value={level}
                onChange={(v) => setLevel(v as Level)}
              />
            </Space>
            <Typography.Text type="secondary" data-testid="dashboard-period">
              {periodText}
              {asOf && `，计算于 ${formatTime(asOf)}`}
            </Typography.Text>
          </Space>
        </ProCard>
        {failure && <Alert type="error" showIcon role="alert" message="加载失败" description={failure} />}
        {!items && !failure && range && <Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />}
        {items && (
          <>
            <ProCard title={`各${levelLabel[level]}三率排名`} bordered>
              {items.length ? (
                <RatesChart rows={items} title={`各${levelLabel[level]}三率排名图`} />
              ) : (
                <Empty description="此周期内没有诉求" />
              )}
            </ProCard>
            <ProCard title="明细" bordered>
              <Table<MeasureItem>
                aria-label="三率明细"
                size="small"
                rowKey="id"
                dataSource={items}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: '排名', dataIndex: 'rank', width: 64 },
                  { title: levelLabel[level], dataIndex: 'name' },
                  { title: '诉求数', dataIndex: 'total' },
                  { title: '响应率', render: (_, r) => pct(r.responseRate) },
                  { title: '解决率', render: (_, r) => pct(r.resolutionRate) },
                  { title: '满意率', render: (_, r) => pct(r.satisfactionRate) },
                  { title: '按时办结率', render: (_, r) => pct(r.onTimeResolution) },
                  { title: '超时升级', dataIndex: 'escalated' },
                ]}
              />
            </ProCard>
          </>
        )}
      </Space>
    </PageContainer>
  );
}
