import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Select, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { Permission } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { PageTitle } from '../layout/page-title';
import { chinaYear, reportInStateLabel } from '../programme/programme-labels';
import { QuotaProgress, type CompletionRow } from '../programme/quota-progress';
import { useUnitNames } from '../programme/use-unit-names';
import { tableOptions } from '../layout/table-options';

interface MemberRow {
  id: string;
  personId: string;
  personName: string;
  communityId: string;
  communityName: string;
  partyOrgId: string;
  partyOrgName: string;
  batch: number;
  status: string;
  serviceCount: number;
  serviceHours: number;
}

/** 报到党员: report-in state, batch, service count and hours; the community confirms; the agency sees its quota. */
export default function ProgrammeMembersPage() {
  const { me, permissions } = useSession();
  const { message } = App.useApp();
  const { communities } = useUnitNames();
  const table = useRef<ActionType>(undefined);
  const [progress, setProgress] = useState<CompletionRow[]>([]);
  const [reportTo, setReportTo] = useState<string | undefined>();
  const reload = () => void table.current?.reload();
  const manages = permissions.has(Permission.ProgrammeManage);
  const serves = permissions.has(Permission.ProgrammeServe);
  const agencyIds = new Set(me?.positions.filter((p) => p.unitKind === 'AGENCY').map((p) => p.unitId));

  useEffect(() => {
    if (!agencyIds.size) return;
    void api.GET('/api/v1/programme/completion', { params: { query: { year: chinaYear() } } }).then(({ data }) => {
      setProgress((data?.rows ?? []).filter((r) => agencyIds.has(r.partyOrgId)));
    });
  }, [me]);

  const confirm = async (m: MemberRow) => {
    const { data, error } = await api.POST('/api/v1/programme/report-ins/{id}/confirm', {
      params: { path: { id: m.id } },
    });
    if (!data) message.error(errorMessage(error, '确认失败'));
    else message.success(`已确认 ${m.personName} 报到`);
    reload();
  };
  const reportIn = async () => {
    if (!reportTo) return;
    const { data, error } = await api.POST('/api/v1/programme/report-ins', { body: { communityId: reportTo } });
    if (!data) message.error(errorMessage(error, '报到失败'));
    else message.success('已向社区报到，待社区确认');
    reload();
  };

  const columns: ProColumns<MemberRow>[] = [
    { title: '党员', dataIndex: 'personName' },
    { title: '所在机关', dataIndex: 'partyOrgName', render: (_, r) => r.partyOrgName || '—' },
    { title: '报到社区', dataIndex: 'communityName', render: (_, r) => r.communityName || '—' },
    { title: '批次', dataIndex: 'batch', render: (_, r) => `第 ${r.batch} 批` },
    {
      title: '报到状态',
      dataIndex: 'status',
      render: (_, r) => (
        <Tag color={r.status === 'CONFIRMED' ? 'green' : r.status === 'REPORTED' ? 'gold' : 'default'}>
          {reportInStateLabel[r.status] ?? r.status}
        </Tag>
      ),
    },
    { title: '服务次数', dataIndex: 'serviceCount' },
    { title: '服务时长（小时）', dataIndex: 'serviceHours' },
    {
      title: '操作',
      valueType: 'option',
      render: (_, r) =>
        manages &&
        r.status === 'REPORTED' && (
          <Button size="small" type="primary" onClick={() => void confirm(r)}>
            确认报到
          </Button>
        ),
    },
  ];

  return (
    <PageContainer title={<PageTitle>报到党员</PageTitle>} subTitle="在职党员到居住地社区报到、服务次数与时长">
      {progress.map((row) => (
        <QuotaProgress key={row.partyOrgId} row={row} />
      ))}
      <ProTable<MemberRow>
        rowKey="id"
        actionRef={table}
        columns={columns}
        search={false}
        options={tableOptions}
        pagination={{ defaultPageSize: 20 }}
        toolBarRender={() =>
          serves
            ? [
                <Space key="report">
                  <label htmlFor="report-in-community">报到社区</label>
                  <Select
                    id="report-in-community"
                    style={{ width: 200 }}
                    value={reportTo}
                    onChange={setReportTo}
                    options={communities.map((c) => ({ value: c.id, label: c.name }))}
                    placeholder="选择居住地社区"
                  />
                  <Button disabled={!reportTo} onClick={() => void reportIn()}>
                    到社区报到
                  </Button>
                </Space>,
              ]
            : []
        }
        request={async ({ current, pageSize }) => {
          const { data, error } = await api.GET('/api/v1/programme/members', {
            params: { query: { page: current ?? 1, pageSize: pageSize ?? 20 } },
          });
          if (!data) throw new Error(errorMessage(error, '党员加载失败'));
          return { data: data.items as MemberRow[], total: data.total, success: true };
        }}
      />
    </PageContainer>
  );
}
