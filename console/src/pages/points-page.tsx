import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, DatePicker, Segmented, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { PageTitle } from '../layout/page-title';
import { periodOptions, periodText, rangeOf, type Period } from '../lib/period';

interface Balance {
  rank: number;
  id: string;
  name: string;
  points: number;
  entries: number;
}
type GroupBy = 'unit' | 'person';
const groupLabel: Record<GroupBy, string> = { unit: '单位', person: '个人' };

/** 积分排行: 一事一评 points summed per unit (or person) in scope for a period, ranked by the API. */
export default function PointsPage() {
  const [period, setPeriod] = useState<Period>('month');
  const [custom, setCustom] = useState<[Dayjs, Dayjs] | null>(null);
  const [groupBy, setGroupBy] = useState<GroupBy>('unit');
  const [rows, setRows] = useState<Balance[] | null>(null);
  const [total, setTotal] = useState(0);
  const [pager, setPager] = useState({ page: 1, pageSize: 20 });
  const [failure, setFailure] = useState<string | null>(null);
  const range = rangeOf(period, custom);
  const from = range?.[0].toISOString();
  const to = range?.[1].toISOString();

  useEffect(() => {
    if (!from || !to) return;
    let live = true;
    setRows(null);
    void api
      .GET('/api/v1/points/balances', { params: { query: { from, to, groupBy, ...pager } } })
      .then(({ data, error }) => {
        if (!live) return;
        if (!data) return setFailure(errorMessage(error, '积分排行加载失败'));
        setFailure(null);
        setRows(data.items as Balance[]);
        setTotal(data.total);
      });
    return () => {
      live = false;
    };
  }, [from, to, groupBy, pager]);

  return (
    <PageContainer
      title={<PageTitle>积分排行</PageTitle>}
      subTitle="一事一评积分（好评加分、差评扣分、申诉成立冲销），北京时间"
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ProCard bordered>
          <Space wrap size="large">
            <Space>
              <span id="points-period-label">统计周期</span>
              <Segmented
                aria-labelledby="points-period-label"
                options={periodOptions}
                value={period}
                onChange={(v) => {
                  setPeriod(v as Period);
                  setPager((p) => ({ ...p, page: 1 }));
                }}
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
              <span id="points-group-label">排名对象</span>
              <Segmented
                aria-labelledby="points-group-label"
                options={(Object.keys(groupLabel) as GroupBy[]).map((g) => ({ value: g, label: groupLabel[g] }))}
                value={groupBy}
                onChange={(v) => {
                  setGroupBy(v as GroupBy);
                  setPager((p) => ({ ...p, page: 1 }));
                }}
              />
            </Space>
            <Typography.Text type="secondary" data-testid="points-period">
              {periodText(range)}
            </Typography.Text>
          </Space>
        </ProCard>
        {failure && <Alert type="error" showIcon role="alert" message={failure} />}
        <Table<Balance>
          aria-label={`${groupLabel[groupBy]}积分排行`}
          rowKey="id"
          loading={!rows && !failure}
          dataSource={rows ?? []}
          pagination={{
            current: pager.page,
            pageSize: pager.pageSize,
            total,
            showSizeChanger: true,
            showTotal: (n) => `共 ${n} 个`,
            onChange: (page, pageSize) => setPager({ page, pageSize }),
          }}
          columns={[
            { title: '名次', dataIndex: 'rank', width: 80 },
            { title: groupLabel[groupBy], dataIndex: 'name' },
            {
              title: '积分',
              dataIndex: 'points',
              render: (v: number) => (
                <Typography.Text type={v < 0 ? 'danger' : undefined}>{v > 0 ? `+${v}` : v}</Typography.Text>
              ),
            },
            { title: '记录数', dataIndex: 'entries' },
          ]}
        />
      </Space>
    </PageContainer>
  );
}
