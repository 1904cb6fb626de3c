import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Card, Empty, InputNumber, Space, Spin, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { PageTitle } from '../layout/page-title';
import CompletionChart, { completionPct } from '../programme/completion-chart';
import { chinaYear, kindLabel, taskKinds } from '../programme/programme-labels';
import type { CompletionRow } from '../programme/quota-progress';

/** 完成情况汇总: agencies ranked by completion of the year's targets, with the .xlsx for the annual review. */
export default function ProgrammeCompletionPage() {
  const { message } = App.useApp();
  const [year, setYear] = useState(chinaYear());
  const [rows, setRows] = useState<CompletionRow[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [downloading, setDownloading] = useState(false);

  useEffect(() => {
    setRows(null);
    setFailure(null);
    void api.GET('/api/v1/programme/completion', { params: { query: { year } } }).then(({ data, error }) => {
      if (!data) return setFailure(errorMessage(error, '完成情况加载失败'));
      // The API ranks already; sorting again keeps the chart and the table in one order whatever it sends.
      setRows([...data.rows].sort((a, b) => b.completion - a.completion || b.kindsMet - a.kindsMet));
    });
  }, [year]);

  const download = async () => {
    setDownloading(true);
    const { data, error } = await api.GET('/api/v1/programme/completion/export', {
      params: { query: { year } },
      parseAs: 'blob',
    });
    setDownloading(false);
    if (!data) return void message.error(errorMessage(error, '导出失败'));
    const url = URL.createObjectURL(data as Blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `双进双联完成情况-${year}.xlsx`;
    a.click();
    URL.revokeObjectURL(url);
  };

  const columns = [
    { title: '排名', key: 'rank', render: (_: unknown, __: CompletionRow, i: number) => i + 1 },
    { title: '机关党组织', dataIndex: 'name' },
    ...taskKinds.map((k) => ({
      title: kindLabel[k],
      key: k,
      render: (_: unknown, r: CompletionRow) => {
        const c = r.kinds[k] ?? { confirmed: 0, target: 0 };
        return <Tag color={c.confirmed >= c.target ? 'green' : 'default'}>{`${c.confirmed} / ${c.target}`}</Tag>;
      },
    })),
    { title: '达标类别', dataIndex: 'kindsMet', render: (v: number) => `${v} / ${taskKinds.length}` },
    { title: '完成率', key: 'completion', render: (_: unknown, r: CompletionRow) => `${completionPct(r).toFixed(1)}%` },
  ];

  return (
    <PageContainer
      title={<PageTitle>双进双联完成情况</PageTitle>}
      subTitle="各机关“五个一”年度任务完成情况排名（仅统计社区确认的任务与已实现的微心愿）"
      extra={
        <Space>
          <label htmlFor="completion-year">年度</label>
          <InputNumber id="completion-year" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()}>
            导出 Excel
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon message={failure} />}
      {!rows && !failure && <Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />}
      {rows && (
        <>
          <Card title="完成率排名" style={{ marginBottom: 16 }}>
            {rows.length ? <CompletionChart rows={rows} /> : <Empty description="本年度尚无结对机关" />}
          </Card>
          <Card title="完成情况明细">
            <Table<CompletionRow>
              rowKey="partyOrgId"
              columns={columns}
              dataSource={rows}
              pagination={false}
              aria-label="完成情况明细"
            />
          </Card>
        </>
      )}
    </PageContainer>
  );
}
