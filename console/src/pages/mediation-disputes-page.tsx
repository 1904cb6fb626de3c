import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Tag } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../api/client';
import { Permission } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { PageTitle } from '../layout/page-title';
import { tableOptions } from '../layout/table-options';
import { formatTime } from '../lib/time';
import { mediationApi, type DisputeRow } from '../mediation/mediation-api';
import {
  DISPUTE_STATES_FILTER,
  disputeStateColor,
  disputeStateLabel,
  riskColor,
  riskLabel,
  RISK_LABELS,
} from '../mediation/mediation-labels';

const columnsFor = (panel: boolean): ProColumns<DisputeRow>[] => [
  {
    title: '纠纷编号',
    dataIndex: 'disputeNo',
    search: false,
    render: (_, r) => <Link to={panel ? `/mediation/panel/${r.id}` : `/mediation/${r.id}`}>{r.disputeNo}</Link>,
  },
  { title: '事由', dataIndex: 'subject', search: false, ellipsis: true },
  { title: '类别', dataIndex: 'category', search: false },
  {
    title: '状态',
    dataIndex: 'status',
    valueType: 'select',
    valueEnum: DISPUTE_STATES_FILTER,
    search: !panel,
    render: (_, r) => <Tag color={disputeStateColor[r.status]}>{disputeStateLabel(r.status)}</Tag>,
  },
  {
    title: '风险等级',
    dataIndex: 'riskGrade',
    valueType: 'select',
    valueEnum: Object.fromEntries(Object.entries(RISK_LABELS).map(([k, v]) => [k, { text: v }])),
    search: !panel,
    render: (_, r) => <Tag color={riskColor[r.riskGrade]}>{riskLabel(r.riskGrade)}</Tag>,
  },
  {
    title: '联调小组',
    key: 'slots',
    search: false,
    render: (_, r) => {
      const required = r.slots.filter((s) => s.required);
      return `必需席位 ${required.filter((s) => s.status === 'FILLED').length}/${required.length} 已落实`;
    },
  },
  { title: '调解期限', dataIndex: 'dueAt', search: false, render: (_, r) => formatTime(r.dueAt) },
];

/**
 * 矛盾调解: disputes in the person's scope, filtered and paged by the API; with `panel`, 我的联调小组 — the disputes
 * the person was invited to or sits on, wherever they are (a police officer or lawyer holds no post there).
 */
export default function MediationDisputesPage({ panel = false }: { panel?: boolean }) {
  const { permissions } = useSession();
  return (
    <PageContainer
      title={<PageTitle>{panel ? '我的联调小组' : '矛盾调解'}</PageTitle>}
      subTitle={panel ? '我受邀或参加的联调小组' : '联调小组：受理、组建、调解、协议、移送与回访'}
      extra={
        !panel &&
        permissions.has(Permission.CaseWrite) && (
          <Link to="/mediation/new">
            <Button type="primary">受理矛盾纠纷</Button>
          </Link>
        )
      }
    >
      <ProTable<DisputeRow>
        rowKey="id"
        columns={columnsFor(panel)}
        options={tableOptions}
        search={panel ? false : { labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        request={async ({ current, pageSize, status, riskGrade }) => {
          try {
            const paging = { page: current ?? 1, pageSize: pageSize ?? 20 };
            const page = panel
              ? await mediationApi.panelList(paging)
              : await mediationApi.list({ ...paging, status: status || undefined, riskGrade: riskGrade || undefined });
            return { data: page.items, total: page.total, success: true };
          } catch (e) {
            throw new Error(errorMessage(e, '纠纷加载失败'), { cause: e });
          }
        }}
      />
    </PageContainer>
  );
}
