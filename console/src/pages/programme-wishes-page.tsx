import {
  ModalForm,
  PageContainer,
  ProFormDateTimePicker,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { Alert, App, Button, Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { Permission } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { PageTitle } from '../layout/page-title';
import { formatTime } from '../lib/time';
import { valueEnumOf, wishStateLabel } from '../programme/programme-labels';
import { useUnitNames } from '../programme/use-unit-names';
import { tableOptions } from '../layout/table-options';

interface WishRow {
  id: string;
  title: string;
  description?: string;
  budgetCapYuan: number;
  deadline?: string;
  status: string;
  communityId: string;
  claimedByPersonId: string | null;
}

/** 微心愿: communities publish residents' small wishes; members claim them for their agency. */
export default function ProgrammeWishesPage() {
  const { me, permissions } = useSession();
  const { message } = App.useApp();
  const { names, communities } = useUnitNames();
  const table = useRef<ActionType>(undefined);
  const [refusal, setRefusal] = useState<string | null>(null);
  const reload = () => void table.current?.reload();
  const manages = permissions.has(Permission.ProgrammeManage);
  const serves = permissions.has(Permission.ProgrammeServe);

  const act = async (wish: WishRow, action: 'claim' | 'release') => {
    const path = action === 'claim' ? '/api/v1/programme/wishes/{id}/claim' : '/api/v1/programme/wishes/{id}/release';
    const { data, error } = await api.POST(path, { params: { path: { id: wish.id } } });
    if (!data) {
      // The API's Chinese refusal stays on the page (a racing claim by someone else is the common case).
      setRefusal(errorMessage(error));
    } else {
      setRefusal(null);
      message.success(action === 'claim' ? `已认领微心愿「${wish.title}」` : `已放弃认领「${wish.title}」`);
    }
    reload();
  };

  const columns: ProColumns<WishRow>[] = [
    { title: '心愿', dataIndex: 'title' },
    { title: '说明', dataIndex: 'description', search: false, ellipsis: true },
    { title: '预算上限（元）', dataIndex: 'budgetCapYuan', search: false },
    { title: '截止', dataIndex: 'deadline', search: false, render: (_, r) => formatTime(r.deadline) },
    { title: '社区', dataIndex: 'communityId', search: false, render: (_, r) => names.get(r.communityId) ?? '—' },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: valueEnumOf(wishStateLabel),
      render: (_, r) => (
        <Tag color={r.status === 'OPEN' ? 'blue' : r.status === 'CLAIMED' ? 'gold' : 'green'}>
          {wishStateLabel[r.status] ?? r.status}
          {r.status === 'CLAIMED' && r.claimedByPersonId === me?.personId ? '（我）' : ''}
        </Tag>
      ),
    },
    {
      title: '操作',
      valueType: 'option',
      render: (_, r) =>
        serves && (
          <Space>
            {/* Offered also when someone else just claimed it: the API decides, and says why in Chinese. */}
            {r.status !== 'FULFILLED' && r.claimedByPersonId !== me?.personId && (
              <Button
                size="small"
                type="primary"
                aria-label={`认领微心愿 ${r.title}`}
                onClick={() => void act(r, 'claim')}
              >
                认领
              </Button>
            )}
            {r.status === 'CLAIMED' && r.claimedByPersonId === me?.personId && (
              <Button size="small" onClick={() => void act(r, 'release')}>
                放弃认领
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <PageContainer title={<PageTitle>微心愿</PageTitle>} subTitle="社区发布群众微心愿，在职党员认领并帮助实现">
      {refusal && (
        <Alert
          type="error"
          showIcon
          message={refusal}
          closable
          onClose={() => setRefusal(null)}
          style={{ marginBottom: 16 }}
        />
      )}
      <ProTable<WishRow>
        rowKey="id"
        actionRef={table}
        columns={columns}
        options={tableOptions}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        toolBarRender={() =>
          manages
            ? [
                <ModalForm
                  key="publish"
                  title="发布微心愿"
                  trigger={<Button type="primary">发布微心愿</Button>}
                  modalProps={{ destroyOnHidden: true }}
                  onFinish={async (v: {
                    communityId: string;
                    title: string;
                    description: string;
                    budgetCapYuan: number;
                    deadline: string;
                    residentPhone: string;
                  }) => {
                    const { data, error } = await api.POST('/api/v1/programme/wishes', {
                      body: { ...v, deadline: new Date(v.deadline).toISOString() },
                    });
                    if (!data) {
                      message.error(errorMessage(error, '发布失败'));
                      return false;
                    }
                    message.success(`已发布微心愿「${data.title}」`);
                    reload();
                    return true;
                  }}
                >
                  <ProFormSelect
                    name="communityId"
                    label="社区"
                    rules={[{ required: true }]}
                    options={communities.map((c) => ({ value: c.id, label: c.name }))}
                  />
                  <ProFormText name="title" label="心愿内容" rules={[{ required: true }]} />
                  <ProFormTextArea name="description" label="情况说明" rules={[{ required: true }]} />
                  <ProFormDigit name="budgetCapYuan" label="预算上限（元）" rules={[{ required: true }]} min={1} />
                  <ProFormDateTimePicker name="deadline" label="截止时间" rules={[{ required: true }]} />
                  <ProFormText name="residentPhone" label="居民手机号（用于确认实现）" rules={[{ required: true }]} />
                </ModalForm>,
              ]
            : []
        }
        request={async ({ current, pageSize, status }) => {
          const { data, error } = await api.GET('/api/v1/programme/wishes', {
            params: { query: { page: current ?? 1, pageSize: pageSize ?? 20, ...(status ? { status } : {}) } },
          });
          if (!data) throw new Error(errorMessage(error, '微心愿加载失败'));
          return { data: data.items as WishRow[], total: data.total, success: true };
        }}
      />
    </PageContainer>
  );
}
