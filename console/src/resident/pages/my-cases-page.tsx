import { Alert, Button, Card, Empty, List, Pagination, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage } from '../../api/client';
import { formatTime } from '../../lib/time';
import type { MyCaseRow } from '../resident-api';
import { categoryName, caseStateLabel } from '../resident-labels';

const PAGE_SIZE = 10;
export const statusColor: Record<string, string> = {
  REPORTED: 'orange',
  HANDLED: 'blue',
  CLOSED: 'green',
  MERGED: 'default',
  WAITING_RESIDENT: 'red',
};

/** 我的诉求: the cases this person reported, newest first, one page at a time from the API. */
export default function MyCasesPage() {
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<{ items: MyCaseRow[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api
      .GET('/api/v1/my/cases', { params: { query: { page, pageSize: PAGE_SIZE } } })
      .then(({ data, error: e }) => {
        if (!live) return;
        if (data) setRows({ items: data.items, total: data.total });
        setError(data ? null : errorMessage(e, '加载失败，请稍后重试'));
      });
    return () => {
      live = false;
    };
  }, [page]);

  return (
    <section aria-labelledby="my-cases-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={4} id="my-cases-title" style={{ margin: 0 }}>
          我的诉求
        </Typography.Title>
        <Link to="/m/report">
          <Button type="primary">反映问题</Button>
        </Link>
      </Space>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      <List<MyCaseRow>
        loading={!rows && !error}
        dataSource={rows?.items ?? []}
        locale={{ emptyText: <Empty description="您还没有反映过问题" /> }}
        renderItem={(c) => (
          <List.Item style={{ padding: '6px 0', border: 'none' }}>
            <Card size="small" style={{ width: '100%' }} aria-label={`诉求 ${c.caseNo}`}>
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <Link to={`/m/cases/${c.id}`}>{c.caseNo}</Link>
                <Tag color={statusColor[c.status] ?? 'processing'} data-testid="my-case-status">
                  {caseStateLabel[c.status]}
                </Tag>
              </Space>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0' }}>
                {c.description}
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                {categoryName(c.category)} · 反映于 {formatTime(c.createdAt)}
              </Typography.Text>
            </Card>
          </List.Item>
        )}
      />
      {rows && rows.total > PAGE_SIZE && (
        <Pagination
          simple
          current={page}
          pageSize={PAGE_SIZE}
          total={rows.total}
          onChange={setPage}
          style={{ textAlign: 'center', marginTop: 8 }}
        />
      )}
    </section>
  );
}
