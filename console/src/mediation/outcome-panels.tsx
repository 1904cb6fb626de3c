import { Button, Descriptions, Form, Input, Radio, Select, Table, Tag, Typography } from 'antd';
import { formatTime } from '../lib/time';
import type { DisputeDetail, DisputeVisit, RecordVisitDto, ReferDto } from './mediation-api';
import { referralLabel } from './mediation-labels';

const visitStatusLabel: Record<string, string> = { OPEN: '待回访', DONE: '已回访' };

/** 调解不成移送: where to (labour arbitration, litigation, a department), why, and what the parties were told. */
export function ReferralPanel({
  detail,
  canWrite,
  onRefer,
}: {
  detail: DisputeDetail;
  canWrite: boolean;
  onRefer: (body: ReferDto) => Promise<boolean>;
}) {
  const [form] = Form.useForm<ReferDto>();
  const to = Form.useWatch('to', form);
  const referral = detail.referral as (ReferDto & { at?: string }) | null | undefined;
  if (referral)
    return (
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="移送去向">
          {referralLabel[referral.to] ?? referral.to}
          {referral.department ? `（${referral.department}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="调解不成的原因">{referral.reason}</Descriptions.Item>
        <Descriptions.Item label="告知当事人的情况">{referral.partiesNotice}</Descriptions.Item>
      </Descriptions>
    );
  if (!canWrite || !['FORMING', 'CONVENED'].includes(detail.status))
    return <Typography.Text type="secondary">未移送。</Typography.Text>;
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label="调解不成移送"
      style={{ maxWidth: 720 }}
      initialValues={{ to: 'LABOUR_ARBITRATION' }}
      onFinish={(v) => void onRefer(v)}
    >
      <Form.Item name="to" label="移送去向" rules={[{ required: true }]}>
        <Select options={Object.entries(referralLabel).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      {to === 'DEPARTMENT' && (
        <Form.Item name="department" label="职能部门名称" rules={[{ required: true, message: '请写明部门名称' }]}>
          <Input maxLength={100} />
        </Form.Item>
      )}
      <Form.Item name="reason" label="调解不成的原因" rules={[{ required: true, message: '请填写调解不成的原因' }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="partiesNotice"
        label="告知当事人的情况"
        rules={[{ required: true, message: '请填写告知当事人的情况' }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Button danger htmlType="submit">
        确认移送
      </Button>
    </Form>
  );
}

/** 回访: the visits the policy schedules after an agreement; the current one is recorded here (performed or broken). */
export function VisitsPanel({
  detail,
  canWrite,
  onVisit,
}: {
  detail: DisputeDetail;
  canWrite: boolean;
  onVisit: (body: RecordVisitDto) => Promise<boolean>;
}) {
  const [form] = Form.useForm<RecordVisitDto>();
  const due = detail.visits.some((v) => v.status === 'OPEN');
  // visits land with a panel member: named from the panel's invitations
  const nameOf = (id: string) =>
    detail.invitations.find((i) => i.personId === id)?.personName ??
    (id === detail.convenerId ? detail.convenerName : null) ??
    id;
  return (
    <>
      <Table<DisputeVisit>
        rowKey={(v) => `${v.round}-${v.seq}`}
        pagination={false}
        dataSource={detail.visits}
        locale={{ emptyText: '达成协议后按策略安排回访' }}
        columns={[
          { title: '轮次', key: 'round', render: (_, v) => `第 ${v.round} 轮 第 ${v.seq} 次` },
          { title: '应回访时间', dataIndex: 'dueAt', render: (t: string) => formatTime(t) },
          { title: '回访人', dataIndex: 'assigneeId', render: (id: string) => nameOf(id) },
          { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{visitStatusLabel[s] ?? s}</Tag> },
          {
            title: '协议履行',
            dataIndex: 'performed',
            render: (p: boolean | null) =>
              p === null || p === undefined ? (
                '—'
              ) : p ? (
                <Tag color="green">正在履行</Tag>
              ) : (
                <Tag color="red">未履行</Tag>
              ),
          },
          { title: '回访情况', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
        ]}
      />
      {canWrite && detail.status === 'AGREED' && due && (
        <Form
          form={form}
          layout="vertical"
          aria-label="登记回访"
          style={{ maxWidth: 720, marginTop: 16 }}
          onFinish={(v) => void onVisit(v).then((ok) => ok && form.resetFields())}
        >
          <Form.Item name="performed" label="协议是否正在履行" rules={[{ required: true, message: '请选择' }]}>
            <Radio.Group
              options={[
                { value: true, label: '正在履行' },
                { value: false, label: '未履行（重新调解）' },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label="回访情况" rules={[{ required: true, message: '请填写回访情况' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            登记回访
          </Button>
        </Form>
      )}
    </>
  );
}
