import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, type CaseRow } from '../api/client';
import { caseStateLabel } from '../cases/case-labels';
import { PageTitle } from '../layout/page-title';
import { formatTime } from '../lib/time';
import { tableOptions } from '../layout/table-options';

type Row = CaseRow & {
  pendingExtension?: { workingDays: number | null; reason: string | null; requestedAt: string };
};

function DecisionDialog({
  row,
  approve,
  onClose,
  onDone,
}: {
  row: Row;
  approve: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    const { comment } = await form.validateFields();
    setBusy(true);
    const { data, error } = await api.POST('/api/v1/cases/{id}/extension/decision', {
      params: { path: { id: row.id } },
      body: { approve, ...(comment?.trim() ? { comment: comment.trim() } : {}) },
    });
    setBusy(false);
    if (!data) return setFailure(errorMessage(error, '审批失败'));
    message.success(`${row.caseNo} 的延期申请已${approve ? '批准' : '驳回'}`);
    onDone();
  };
  return (
    <Modal
      open
      title={`${approve ? '批准' : '驳回'}延期：${row.caseNo}`}
      okText={approve ? '批准' : '驳回'}
      okButtonProps={{ danger: !approve }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon role="alert" message={failure} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>
        申请延期 {row.pendingExtension?.workingDays ?? '—'} 个工作日；理由：{row.pendingExtension?.reason ?? '—'}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item
          name="comment"
          label={approve ? '审批意见（可选）' : '驳回理由'}
          rules={[
            ...(approve ? [] : [{ required: true, whitespace: true, message: '请写明驳回理由' }]),
            { max: 500, message: '最多 500 字' },
          ]}
        >
          <Input.TextArea aria-label={approve ? '审批意见' : '驳回理由'} rows={3} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 延期审批: extension requests awaiting a supervisor in scope, paged by the API; approve or reject with a reason. */
export default function ExtensionsPage() {
  const action = useRef<ActionType>(undefined);
  const [deciding, setDeciding] = useState<{ row: Row; approve: boolean } | null>(null);
  const columns: ProColumns<Row>[] = [
    { title: '诉求编号', dataIndex: 'caseNo', render: (_, r) => <Link to={`/cases/${r.id}`}>{r.caseNo}</Link> },
    { title: '类别', dataIndex: 'category' },
    { title: '状态', dataIndex: 'status', render: (_, r) => <Tag>{caseStateLabel[r.status]}</Tag> },
    { title: '申请延期', key: 'days', render: (_, r) => `${r.pendingExtension?.workingDays ?? '—'} 个工作日` },
    { title: '理由', key: 'reason', ellipsis: true, render: (_, r) => r.pendingExtension?.reason ?? '—' },
    { title: '申请时间', key: 'at', render: (_, r) => formatTime(r.pendingExtension?.requestedAt) },
    { title: '现办结时限', dataIndex: 'resolveDeadline', render: (_, r) => formatTime(r.resolveDeadline) },
    {
      title: '审批',
      key: 'decide',
      render: (_, r) => (
        <Space>
          <Button
            size="small"
            type="primary"
            aria-label={`批准 ${r.caseNo}`}
            onClick={() => setDeciding({ row: r, approve: true })}
          >
            批准
          </Button>
          <Button
            size="small"
            danger
            aria-label={`驳回 ${r.caseNo}`}
            onClick={() => setDeciding({ row: r, approve: false })}
          >
            驳回
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <PageContainer
      title={<PageTitle>延期审批</PageTitle>}
      subTitle="辖区内待审批的延期申请；批准后办结时限顺延相应工作日"
    >
      <ProTable<Row>
        rowKey="id"
        actionRef={action}
        columns={columns}
        search={false}
        options={tableOptions}
        headerTitle="待审批的延期申请"
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={async ({ current, pageSize }) => {
          const { data, error } = await api.GET('/api/v1/cases', {
            params: { query: { extension: 'pending', sort: 'deadline', page: current ?? 1, pageSize: pageSize ?? 20 } },
          });
          if (!data) throw new Error(errorMessage(error, '延期申请加载失败'));
          return { data: data.items as Row[], total: data.total, success: true };
        }}
        locale={{ emptyText: <Typography.Text type="secondary">暂无待审批的延期申请</Typography.Text> }}
      />
      {deciding && (
        <DecisionDialog
          row={deciding.row}
          approve={deciding.approve}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            void action.current?.reload();
          }}
        />
      )}
    </PageContainer>
  );
}
