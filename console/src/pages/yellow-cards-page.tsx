import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag } from 'antd';
import { Link } from 'react-router';
import { api, errorMessage } from '../api/client';
import { PageTitle } from '../layout/page-title';
import { tableOptions } from '../layout/table-options';
import { formatTime } from '../lib/time';
import {
  cardStateColor,
  cardStateLabel,
  holderKindLabel,
  interviewLabel,
  type CardState,
} from '../yellow-cards/card-labels';

type Paths = import('../../../api-types/openapi').paths;
type CardRow =
  Paths['/api/v1/yellow-cards']['get']['responses'][200]['content']['application/json']['items'][number] & {
    cardNo?: string;
    issuedAt?: string;
    dueAt?: string | null;
    escalationLevel?: number;
    annualReview?: boolean;
    interview?: { status: string } | null;
  };

const columns: ProColumns<CardRow>[] = [
  {
    title: '黄牌编号',
    dataIndex: 'cardNo',
    search: false,
    render: (_, r) => <Link to={`/yellow-cards/${r.id}`}>{r.cardNo ?? r.id}</Link>,
  },
  {
    title: '状态',
    dataIndex: 'status',
    valueType: 'select',
    valueEnum: Object.fromEntries(Object.entries(cardStateLabel).map(([k, v]) => [k, { text: v }])),
    render: (_, r) => <Tag color={cardStateColor[r.status as CardState]}>{cardStateLabel[r.status as CardState]}</Tag>,
  },
  {
    title: '持牌',
    dataIndex: 'holderKind',
    valueType: 'select',
    valueEnum: { UNIT: { text: '单位' }, PERSON: { text: '个人' } },
    render: (_, r) => holderKindLabel[r.holderKind] ?? r.holderKind,
  },
  { title: '签发时间', dataIndex: 'issuedAt', search: false, render: (_, r) => formatTime(r.issuedAt) },
  { title: '说明整改时限', dataIndex: 'dueAt', search: false, render: (_, r) => formatTime(r.dueAt) },
  {
    title: '逾期升级',
    dataIndex: 'escalationLevel',
    search: false,
    render: (_, r) => (r.escalationLevel ? (['', '街道', '区'][r.escalationLevel] ?? `${r.escalationLevel} 级`) : '—'),
  },
  {
    title: '约谈',
    dataIndex: 'interview',
    search: false,
    render: (_, r) => (r.interview ? (interviewLabel[r.interview.status] ?? r.interview.status) : '—'),
  },
  {
    title: '述职评议',
    dataIndex: 'annualReview',
    valueType: 'select',
    valueEnum: { true: { text: '已列入' }, false: { text: '未列入' } },
    render: (_, r) => (r.annualReview ? <Tag color="red">已列入</Tag> : '—'),
  },
];

/** 黄牌: the cards in the supervisor's scope, filtered and paged by the API. */
export default function YellowCardsPage() {
  return (
    <PageContainer title={<PageTitle>黄牌预警</PageTitle>} subTitle="一事一评差评签发的黄牌，及其说明整改、申诉与约谈">
      <ProTable<CardRow>
        rowKey="id"
        columns={columns}
        options={tableOptions}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        request={async ({ current, pageSize, status, holderKind, annualReview }) => {
          const { data, error } = await api.GET('/api/v1/yellow-cards', {
            params: {
              query: {
                page: current ?? 1,
                pageSize: pageSize ?? 20,
                ...(status ? { status } : {}),
                ...(holderKind ? { holderKind } : {}),
                ...(annualReview !== undefined ? { annualReview: String(annualReview) as 'true' | 'false' } : {}),
              },
            },
          });
          if (!data) throw new Error(errorMessage(error, '黄牌加载失败'));
          return { data: data.items as CardRow[], total: data.total, success: true };
        }}
      />
    </PageContainer>
  );
}
