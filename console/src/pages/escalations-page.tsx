import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, errorMessage, type CaseRow } from '../api/client';
import { caseStateLabel, clockLabel, escalationLabel } from '../cases/case-labels';
import { PageTitle } from '../layout/page-title';
import { formatTime } from '../lib/time';
import { escalationLevelLabel } from '../policy/request-loop-policy';
import { tableOptions } from '../layout/table-options';

type Row = CaseRow & { supervisionOrders?: { id: string; level: string; clock: string; deadline: string }[] };

const columns: ProColumns<Row>[] = [
  { title: '诉求编号', dataIndex: 'caseNo', render: (_, r) => <Link to={`/cases/${r.id}`}>{r.caseNo}</Link> },
  { title: '类别', dataIndex: 'category' },
  { title: '内容', dataIndex: 'description', ellipsis: true },
  { title: '状态', dataIndex: 'status', render: (_, r) => <Tag>{caseStateLabel[r.status]}</Tag> },
  {
    title: '升级',
    dataIndex: 'escalationLevel',
    render: (_, r) => <Tag color={r.escalationLevel >= 3 ? 'red' : 'orange'}>{escalationLabel(r.escalationLevel)}</Tag>,
  },
  {
    title: '督办单',
    key: 'orders',
    render: (_, r) =>
      r.supervisionOrders?.length ? (
        <Space direction="vertical" size={0}>
          {r.supervisionOrders.map((o) => (
            <Typography.Text key={o.id}>
              {escalationLevelLabel[o.level] ?? o.level} · {clockLabel[o.clock] ?? o.clock} · 督办时限{' '}
              {formatTime(o.deadline)}
            </Typography.Text>
          ))}
        </Space>
      ) : (
        '—'
      ),
  },
  { title: '办结时限', dataIndex: 'resolveDeadline', render: (_, r) => formatTime(r.resolveDeadline) },
];

/** 督办: open cases in scope that climbed the escalation ladder, with their supervision orders, paged by the API. */
export default function EscalationsPage() {
  return (
    <PageContainer title={<PageTitle>督办</PageTitle>} subTitle="辖区内已升级、尚在办理中的诉求及其督办单">
      <ProTable<Row>
        rowKey="id"
        columns={columns}
        search={false}
        options={tableOptions}
        headerTitle="督办中的诉求"
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={async ({ current, pageSize }) => {
          const { data, error } = await api.GET('/api/v1/cases', {
            params: { query: { escalated: 'true', sort: 'deadline', page: current ?? 1, pageSize: pageSize ?? 20 } },
          });
          if (!data) throw new Error(errorMessage(error, '督办列表加载失败'));
          return { data: data.items as Row[], total: data.total, success: true };
        }}
        locale={{ emptyText: <Typography.Text type="secondary">暂无督办中的诉求</Typography.Text> }}
      />
    </PageContainer>
  );
}
