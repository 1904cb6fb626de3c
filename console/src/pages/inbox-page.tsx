import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Segmented, Space, Tag, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { api, errorMessage, type InboxMessage } from '../api/client';
import { urgencyLabel } from '../cases/case-labels';
import { useInbox, useInboxChanges } from '../inbox/inbox-context';
import { formatTime } from '../lib/time';
import { PageTitle } from '../layout/page-title';
import { MyMediationInvitations } from '../mediation/my-invitations';
import { tableOptions } from '../layout/table-options';

/** 消息中心: newest first, one page at a time; live through the inbox stream (no reload needed). */
export default function InboxPage() {
  const action = useRef<ActionType>(undefined);
  const { refreshUnread } = useInbox();
  const { message } = App.useApp();
  const [only, setOnly] = useState<'all' | 'unread'>('all');
  useInboxChanges(useCallback(() => void action.current?.reload(), []));

  const mark = async (row: InboxMessage, ack: boolean) => {
    const call = ack
      ? api.POST('/api/v1/inbox/{id}/ack', { params: { path: { id: row.id } } })
      : api.POST('/api/v1/inbox/{id}/read', { params: { path: { id: row.id } } });
    const { data, error } = await call;
    if (!data) {
      message.error(errorMessage(error));
      return;
    }
    message.success(ack ? '已确认收到' : '已标为已读');
    await Promise.all([action.current?.reload(), refreshUnread()]);
  };

  const columns: ProColumns<InboxMessage>[] = [
    {
      title: '消息',
      dataIndex: 'title',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong={!row.readAt}>{row.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {row.body}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '紧急程度',
      dataIndex: 'urgency',
      width: 100,
      render: (_, row) => <Tag color={row.urgency === 'NORMAL' ? 'default' : 'red'}>{urgencyLabel[row.urgency]}</Tag>,
    },
    { title: '时间', dataIndex: 'createdAt', width: 160, render: (_, row) => formatTime(row.createdAt) },
    {
      title: '状态',
      key: 'state',
      width: 120,
      render: (_, row) =>
        row.ackRequired ? (
          row.acknowledgedAt ? (
            <Tag color="green">已确认</Tag>
          ) : (
            <Tag color="orange">待确认</Tag>
          )
        ) : row.readAt ? (
          <Tag>已读</Tag>
        ) : (
          <Tag color="blue">未读</Tag>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_, row) => (
        <Space>
          {row.ackRequired && !row.acknowledgedAt && (
            <Button
              size="small"
              type="primary"
              onClick={() => void mark(row, true)}
              aria-label={`确认收到：${row.title}`}
            >
              确认收到
            </Button>
          )}
          {!row.readAt && (
            <Button size="small" onClick={() => void mark(row, false)} aria-label={`标为已读：${row.title}`}>
              标为已读
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title={<PageTitle>消息中心</PageTitle>}>
      <MyMediationInvitations />
      <ProTable<InboxMessage>
        rowKey="id"
        actionRef={action}
        columns={columns}
        search={false}
        params={{ only }}
        options={tableOptions}
        headerTitle={
          <Segmented
            aria-label="筛选消息"
            value={only}
            onChange={(v) => setOnly(v as 'all' | 'unread')}
            options={[
              { label: '全部', value: 'all' },
              { label: '未读', value: 'unread' },
            ]}
          />
        }
        pagination={{ defaultPageSize: 20 }}
        request={async ({ current, pageSize }) => {
          const { data, error } = await api.GET('/api/v1/inbox', {
            params: {
              query: {
                page: current ?? 1,
                pageSize: pageSize ?? 20,
                ...(only === 'unread' ? { unread: 'true' as const } : {}),
              },
            },
          });
          if (!data) throw new Error(errorMessage(error, '消息加载失败'));
          return { data: data.items, total: data.total, success: true };
        }}
      />
    </PageContainer>
  );
}
