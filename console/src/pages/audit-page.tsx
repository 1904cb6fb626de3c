import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Typography } from 'antd';
import { api, errorMessage, type AuditEntry } from '../api/client';
import { formatSeconds } from '../lib/time';
import { PageTitle } from '../layout/page-title';

const columns: ProColumns<AuditEntry>[] = [
  { title: '时间', dataIndex: 'at', width: 170, search: false, render: (_, row) => formatSeconds(row.at) },
  { title: '操作', dataIndex: 'action' },
  { title: '对象类型', dataIndex: 'entityType' },
  { title: '对象', dataIndex: 'entityId', ellipsis: true, search: false },
  {
    title: '操作人',
    dataIndex: 'actorId',
    ellipsis: true,
    search: false,
    render: (_, row) => row.actorId ?? <Typography.Text type="secondary">系统</Typography.Text>,
  },
  { title: '角色', dataIndex: 'actorRoles', search: false, render: (_, row) => row.actorRoles.join('、') || '—' },
  { title: 'IP', dataIndex: 'ip', width: 130, search: false },
];

/** 审计: the append-only trail in the supervisor's scope, filtered and paged by the API. */
export default function AuditPage() {
  return (
    <PageContainer title={<PageTitle>审计记录</PageTitle>} subTitle="管辖范围内的全部变更，只可追加，不可修改">
      <ProTable<AuditEntry>
        rowKey="id"
        columns={columns}
        options={{ reload: true, density: false, setting: false }}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        request={async ({ current, pageSize, action, entityType }) => {
          const { data, error } = await api.GET('/api/v1/audit', {
            params: {
              query: {
                page: current ?? 1,
                pageSize: pageSize ?? 20,
                ...(action ? { action } : {}),
                ...(entityType ? { entityType } : {}),
              },
            },
          });
          if (!data) throw new Error(errorMessage(error, '审计记录加载失败'));
          return { data: data.items, total: data.total, success: true };
        }}
      />
    </PageContainer>
  );
}
