import { PageContainer, ProCard } from '@ant-design/pro-components';
import {
  Alert,
  Button,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
  App,
} from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage, type CaseDetail } from '../api/client';
import { Permission } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import {
  availableActions,
  takeAction,
  takeCoHandlingStep,
  type ActionField,
  type ActionForm,
  type ActionValues,
  type CoHandlingStep,
} from '../cases/case-actions';
import { caseStateLabel, clockLabel, eventLabel, urgencyLabel } from '../cases/case-labels';
import { DeadlineCountdown, type ClockLike } from '../cases/deadline-countdown';
import { formatSeconds, formatTime } from '../lib/time';
import { PageTitle } from '../layout/page-title';
import { useLatestOnly } from '../lib/use-latest-only';
import { usePolling } from '../lib/use-polling';
import { TemporalLink } from '../lib/temporal-link';
import { CaseMediationLink } from '../mediation/case-mediation-link';

const coHandlerStateLabel: Record<string, string> = {
  OPEN: '协办中',
  DONE: '已完成',
  REMOVED: '已移除',
  STOPPED: '已停止',
};

interface ClockView {
  name: string;
  deadline: string;
  state: ClockLike['state'];
  escalationLevel: number;
  provisional?: boolean;
}

function ActionPanel({ detail, onDone }: { detail: CaseDetail; onDone: (d: CaseDetail | null) => void }) {
  const { permissions } = useSession();
  const { message } = App.useApp();
  const [open, setOpen] = useState<ActionForm | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!permissions.has(Permission.CaseWrite))
    return <Typography.Text type="secondary">您的岗位只能查看此诉求。</Typography.Text>;
  const actions = availableActions(detail.status);

  const run = async (a: ActionForm, values?: ActionValues) => {
    setBusy(true);
    setRefusal(null);
    const result = await takeAction(detail.id, a.action, values);
    setBusy(false);
    if (result.data) {
      setOpen(null);
      message.success(`已${a.label}`);
      onDone(result.data);
    } else {
      // The API's own words: why the step was refused (someone else acted first, a clock state, a missing reply…).
      setRefusal(errorMessage(result.error));
      setOpen(null);
      onDone(null);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {refusal && <Refusal text={refusal} onClose={() => setRefusal(null)} />}
      {actions.length === 0 ? (
        <Typography.Text type="secondary">此诉求当前没有您可办理的步骤。</Typography.Text>
      ) : (
        <Space wrap>
          {actions.map((a) => (
            <Button
              key={a.action}
              type={a.action === actions[0].action ? 'primary' : 'default'}
              danger={a.danger}
              loading={busy && !open}
              onClick={() => (a.fields ? setOpen(a) : void run(a))}
            >
              {a.label}
            </Button>
          ))}
        </Space>
      )}
      {open && (
        <ActionDialog
          key={open.action}
          action={open}
          busy={busy}
          onCancel={() => setOpen(null)}
          onSubmit={(v) => void run(open, v)}
        />
      )}
    </Space>
  );
}

/**
 * A step's dialog, mounted only while open: each opening gets a fresh modal and its own form (a reused hidden modal
 * could take the 提交 of its second opening before its form was there).
 */
function ActionDialog({
  action,
  busy,
  onCancel,
  onSubmit,
}: {
  action: ActionForm;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (values: ActionValues) => void;
}) {
  const [form] = Form.useForm<ActionValues>();
  return (
    <Modal
      open
      title={action.label}
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" onFinish={onSubmit}>
        {action.fields?.map((field, i) => (
          <ActionFieldItem key={field.name} field={field} autoFocus={i === 0} />
        ))}
      </Form>
    </Modal>
  );
}

function ActionFieldItem({ field, autoFocus }: { field: ActionField; autoFocus: boolean }) {
  if (field.kind === 'days')
    return (
      <Form.Item name={field.name} label={field.label} rules={[{ required: true, message: `请填写${field.label}` }]}>
        <InputNumber min={1} max={30} precision={0} addonAfter="个工作日" autoFocus={autoFocus} />
      </Form.Item>
    );
  return (
    <Form.Item
      name={field.name}
      label={field.label}
      rules={[{ required: true, whitespace: true, message: `请填写${field.label}` }]}
    >
      <Input.TextArea rows={4} maxLength={1000} showCount placeholder={field.placeholder} autoFocus={autoFocus} />
    </Form.Item>
  );
}

function Refusal({ text, onClose }: { text: string; onClose: () => void }) {
  return (
    <Alert type="error" showIcon message="操作未成功" description={text} role="alert" closable onClose={onClose} />
  );
}

const coHandlingStepLabel: Record<CoHandlingStep, string> = { progress: '协办进展', done: '协办完成' };

/** The note for a co-handling step, in a dialog mounted only while open (as {@link ActionDialog}). */
function CoHandlingDialog({
  title,
  busy,
  onCancel,
  onSubmit,
}: {
  title: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (note: string) => void;
}) {
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open
      title={title}
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.note)}>
        <Form.Item
          name="note"
          label="协办说明"
          rules={[{ required: true, whitespace: true, message: '请填写协办说明' }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The co-handling parts; staff of a unit with an open part record its progress and finish it here. */
function CoHandlersPanel({ detail, onDone }: { detail: CaseDetail; onDone: (d: CaseDetail | null) => void }) {
  const { me, permissions } = useSession();
  const { message } = App.useApp();
  const [open, setOpen] = useState<{ unitId: string; unitName: string; step: CoHandlingStep } | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const myUnits = new Set(me?.positions.map((p) => p.unitId));
  const mayAct = (unitId: string, state: string) =>
    permissions.has(Permission.CaseWrite) && state === 'OPEN' && myUnits.has(unitId);

  const submit = async (note: string) => {
    if (!open) return;
    setBusy(true);
    setRefusal(null);
    const result = await takeCoHandlingStep(detail.id, open.unitId, open.step, note);
    setBusy(false);
    setOpen(null);
    if (result.data) {
      message.success(`已登记${coHandlingStepLabel[open.step]}`);
      onDone(result.data);
    } else {
      setRefusal(errorMessage(result.error));
      onDone(null);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {refusal && <Refusal text={refusal} onClose={() => setRefusal(null)} />}
      <Table
        size="small"
        pagination={false}
        rowKey="unitId"
        dataSource={detail.coHandlers}
        columns={[
          { title: '单位', dataIndex: 'unitName' },
          { title: '状态', dataIndex: 'state', render: (state: string) => coHandlerStateLabel[state] ?? state },
          { title: '协办事项', dataIndex: 'reason' },
          {
            title: '操作',
            key: 'steps',
            render: (_: unknown, part: CaseDetail['coHandlers'][number]) =>
              mayAct(part.unitId, part.state) ? (
                <Space>
                  {(['progress', 'done'] as const).map((step) => (
                    <Button
                      key={step}
                      size="small"
                      type={step === 'done' ? 'primary' : 'default'}
                      onClick={() => setOpen({ unitId: part.unitId, unitName: part.unitName, step })}
                    >
                      {coHandlingStepLabel[step]}
                    </Button>
                  ))}
                </Space>
              ) : null,
          },
        ]}
      />
      {open && (
        <CoHandlingDialog
          key={`${open.unitId}:${open.step}`}
          title={`${open.unitName} · ${coHandlingStepLabel[open.step]}`}
          busy={busy}
          onCancel={() => setOpen(null)}
          onSubmit={(note) => void submit(note)}
        />
      )}
    </Space>
  );
}

export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [failure, setFailure] = useState<{ status: number; message: string } | null>(null);

  const begin = useLatestOnly();
  const load = useCallback(async () => {
    const latest = begin();
    const { data, error, response } = await api.GET('/api/v1/cases/{id}', { params: { path: { id } } });
    if (!latest()) return;
    if (data) {
      setDetail(data);
      setFailure(null);
    } else setFailure({ status: response.status, message: errorMessage(error) });
  }, [id, begin]);
  usePolling(load, 5000);
  // a step's own answer is newer than any poll still on its way
  const stepTaken = (d: CaseDetail | null) => {
    if (!d) return void load();
    begin();
    setDetail(d);
  };

  if (failure && !detail) {
    return (
      <Result
        status={failure.status === 403 ? '403' : '404'}
        title={failure.status === 403 ? '无权访问' : '诉求不存在'}
        subTitle={failure.message}
        extra={
          <Link to="/workbench">
            <Button>返回工作台</Button>
          </Link>
        }
      />
    );
  }
  if (!detail) return <Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />;
  const clocks = (detail.clocks ?? []) as unknown as ClockView[];

  return (
    <PageContainer
      title={<PageTitle>{`诉求 ${detail.caseNo}`}</PageTitle>}
      tags={
        <Tag color="blue" data-testid="case-status">
          {caseStateLabel[detail.status]}
        </Tag>
      }
      extra={
        <Space>
          <CaseMediationLink detail={detail} />
          <TemporalLink workflowId={detail.workflowId} />
        </Space>
      }
      onBack={() => history.back()}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ProCard title="可办理的步骤" bordered>
          <ActionPanel detail={detail} onDone={stepTaken} />
        </ProCard>
        <ProCard title="诉求信息" bordered>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="类别">{detail.category}</Descriptions.Item>
            <Descriptions.Item label="紧急程度">{urgencyLabel[detail.urgency]}</Descriptions.Item>
            <Descriptions.Item label="地址">{detail.address}</Descriptions.Item>
            <Descriptions.Item label="主办单位">{detail.lead?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="登记时间">{formatTime(detail.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="办结时限">
              {formatTime(detail.resolveDeadline)}
              {detail.resolveDeadlineProvisional && '（暂定）'}
            </Descriptions.Item>
            <Descriptions.Item label="诉求内容" span={2}>
              {detail.description}
            </Descriptions.Item>
          </Descriptions>
        </ProCard>
        <ProCard title="时限" bordered>
          {clocks.length ? (
            <Space direction="vertical">
              {clocks.map((c) => (
                <Space key={c.name} wrap>
                  <DeadlineCountdown
                    clock={{
                      label: clockLabel[c.name] ?? c.name,
                      deadline: c.deadline,
                      state: c.state,
                      escalationLevel: c.escalationLevel,
                      provisional: c.provisional,
                    }}
                  />
                  <Typography.Text type="secondary">截止 {formatTime(c.deadline)}</Typography.Text>
                </Space>
              ))}
            </Space>
          ) : (
            <Empty description="流程时限暂不可用" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </ProCard>
        {detail.coHandlers.length > 0 && (
          <ProCard title="协办单位" bordered>
            <CoHandlersPanel detail={detail} onDone={stepTaken} />
          </ProCard>
        )}
        {detail.supervisionOrders.length > 0 && (
          <ProCard title="督办单" bordered>
            {detail.supervisionOrders.map((o) => (
              <div key={o.id}>
                {o.level} · {clockLabel[o.clock] ?? o.clock} · 截止 {formatTime(o.deadline)}
              </div>
            ))}
          </ProCard>
        )}
        <ProCard title="办理经过" bordered>
          <Timeline
            items={detail.timeline.map((e, i) => ({
              key: i,
              children: (
                <div data-event-kind={e.kind}>
                  <Typography.Text strong>{eventLabel[e.kind] ?? e.kind}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {formatSeconds(e.at)}
                  </Typography.Text>
                  {e.note && <div>{e.note}</div>}
                </div>
              ),
            }))}
          />
        </ProCard>
      </Space>
    </PageContainer>
  );
}
