import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api, errorMessage, type AuditEntry } from '../api/client';
import { formatSeconds } from '../lib/time';
import { PageTitle } from '../layout/page-title';
import { tableOptions } from '../layout/table-options';

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

type AuditFilter = { action?: string; entityType?: string };

/** The CSV of exactly the filter on screen, streamed by the API (UTF-8 with BOM, so Excel shows Chinese). */
function ExportButton({ filter }: { filter: () => AuditFilter }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    const { data, error } = await api.GET('/api/v1/audit/export', {
      params: { query: filter() },
      parseAs: 'blob',
    });
    setBusy(false);
    if (!data) return void message.error(errorMessage(error, '导出失败'));
    const url = URL.createObjectURL(data as Blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `审计记录-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()}>
      导出 CSV
    </Button>
  );
}

/** 审计: the append-only trail in the supervisor's scope, filtered and paged by the API. */
export default function AuditPage() {
  const filter = useRef<AuditFilter>({});
  return (
    <PageContainer title={<PageTitle>审计记录</PageTitle>} subTitle="管辖范围内的全部变更，只可追加，不可修改">
      <ProTable<AuditEntry>
        rowKey="id"
        columns={columns}
        options={tableOptions}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        toolBarRender={() => [<ExportButton key="export" filter={() => filter.current} />]}
        request={async ({ current, pageSize, action, entityType }) => {
          filter.current = { ...(action ? { action } : {}), ...(entityType ? { entityType } : {}) };
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
