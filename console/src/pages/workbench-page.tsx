import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Tag, Typography } from 'antd';
import { useRef } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, type CaseRow } from '../api/client';
import { caseStateLabel, urgencyLabel } from '../cases/case-labels';
import { DeadlineCountdown, type ClockLike } from '../cases/deadline-countdown';
import { formatTime } from '../lib/time';
import { PageTitle } from '../layout/page-title';
import { tableOptions } from '../layout/table-options';

/** The clock that matters now for a listed case (the detail page shows every clock from the workflow). */
function currentClock(row: CaseRow): ClockLike | null {
  if (row.status === 'REPORTED' || row.status === 'RETURNED') {
    return { label: '受理时限', deadline: row.acceptDeadline, state: 'running', escalationLevel: row.escalationLevel };
  }
  if (row.status === 'ACCEPTED' || row.status === 'HANDLING' || row.status === 'WAITING_RESIDENT') {
    return {
      label: '办结时限',
      deadline: row.resolveDeadline,
      state: row.status === 'WAITING_RESIDENT' ? 'paused' : 'running',
      escalationLevel: row.escalationLevel,
      provisional: row.resolveDeadlineProvisional,
    };
  }
  return null;
}

const columns: ProColumns<CaseRow>[] = [
  { title: '诉求编号', dataIndex: 'caseNo', render: (_, row) => <Link to={`/cases/${row.id}`}>{row.caseNo}</Link> },
  { title: '类别', dataIndex: 'category' },
  { title: '内容', dataIndex: 'description', ellipsis: true },
  { title: '地址', dataIndex: 'address', ellipsis: true },
  { title: '状态', dataIndex: 'status', render: (_, row) => <Tag>{caseStateLabel[row.status]}</Tag> },
  {
    title: '紧急程度',
    dataIndex: 'urgency',
    render: (_, row) =>
      row.urgency === 'NORMAL' ? urgencyLabel.NORMAL : <Tag color="red">{urgencyLabel[row.urgency]}</Tag>,
  },
  {
    title: '时限',
    key: 'clock',
    render: (_, row) => {
      const c = currentClock(row);
      return c ? <DeadlineCountdown clock={c} /> : '—';
    },
  },
  { title: '登记时间', dataIndex: 'createdAt', render: (_, row) => formatTime(row.createdAt) },
];

/** 工作台: the signed-in person's open cases in scope, nearest deadline first, one page at a time from the API. */
export default function WorkbenchPage() {
  const action = useRef<ActionType>(undefined);
  return (
    <PageContainer title={<PageTitle>工作台</PageTitle>} subTitle="我辖区内办理中的诉求，按最近截止时间排序">
      <ProTable<CaseRow>
        rowKey="id"
        actionRef={action}
        columns={columns}
        search={false}
        options={tableOptions}
        headerTitle="办理中的诉求"
        // New cases show up without a reload: the list is re-read every few seconds (one page, server-side).
        polling={5000}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={async ({ current, pageSize }) => {
          const { data, error } = await api.GET('/api/v1/cases', {
            params: { query: { open: 'true', sort: 'deadline', page: current ?? 1, pageSize: pageSize ?? 20 } },
          });
          if (!data) throw new Error(errorMessage(error, '诉求列表加载失败'));
          return { data: data.items, total: data.total, success: true };
        }}
        locale={{ emptyText: <Typography.Text type="secondary">暂无办理中的诉求</Typography.Text> }}
      />
    </PageContainer>
  );
}
