import { PageContainer, ProCard } from '@ant-design/pro-components';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Result,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../api/client';
import { Permission } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { PageTitle } from '../layout/page-title';
import { formatSeconds, formatTime } from '../lib/time';
import { useLatestOnly } from '../lib/use-latest-only';
import { usePolling } from '../lib/use-polling';
import { TemporalLink } from '../lib/temporal-link';
import {
  CARD_ACTIONS,
  cardEventLabel,
  cardStateColor,
  cardStateLabel,
  holderKindLabel,
  INTERVIEW_ACTION,
  interviewLabel,
  type CardState,
} from '../yellow-cards/card-labels';

interface CardDetail {
  workflowId: string;
  id: string;
  cardNo: string;
  status: CardState;
  holderKind: string;
  unitId: string;
  issuedAt: string;
  dueAt: string | null;
  explanation: string | null;
  rectificationPlan: string | null;
  submittedAt: string | null;
  escalationLevel: number;
  appealedAt: string | null;
  appealReason: string | null;
  appealDecision: string | null;
  appealDecisionReason: string | null;
  annualReview?: boolean;
  case?: { id: string; caseNo: string; category: string; description: string };
  interview?: { status: string; dueAt: string; heldAt: string | null; note: string | null } | null;
  timeline: { id?: string; kind: string; note?: string | null; at: string }[];
  live?: { deadline: string | null; paused: boolean; appealEndsAt: string } | null;
}

type Step = 'approve' | 'sendBack' | 'uphold' | 'reject' | 'interview';
const steps: Record<Step, { label: string; field: string; required: boolean; danger?: boolean }> = {
  approve: { label: '审核通过', field: '审核意见', required: false },
  sendBack: { label: '退回修改', field: '审核意见', required: true, danger: true },
  uphold: { label: '申诉成立', field: '裁决理由', required: true },
  reject: { label: '驳回申诉', field: '裁决理由', required: true, danger: true },
  interview: { label: INTERVIEW_ACTION.label, field: '约谈记录', required: true },
};

async function takeStep(id: string, step: Step, text: string) {
  const path = { params: { path: { id } } };
  switch (step) {
    case 'approve':
      return api.POST('/api/v1/yellow-cards/{id}/review', {
        ...path,
        body: { accept: true, ...(text ? { comment: text } : {}) },
      });
    case 'sendBack':
      return api.POST('/api/v1/yellow-cards/{id}/review', { ...path, body: { accept: false, comment: text } });
    case 'uphold':
    case 'reject':
      return api.POST('/api/v1/yellow-cards/{id}/appeal/decision', {
        ...path,
        body: { uphold: step === 'uphold', reason: text },
      });
    case 'interview':
      return api.POST('/api/v1/yellow-cards/{id}/interview', { ...path, body: { note: text } });
  }
}

/** The supervisor's steps the card's state allows now (the same table the card's workflow decides with). */
function stepsFor(card: CardDetail): Step[] {
  const out: Step[] = [];
  if (CARD_ACTIONS.review.from.includes(card.status)) out.push('approve', 'sendBack');
  if (CARD_ACTIONS.decideAppeal.from.includes(card.status)) out.push('uphold', 'reject');
  if (card.interview && INTERVIEW_ACTION.from.includes(card.interview.status as never)) out.push('interview');
  return out;
}

/**
 * One step's dialog, mounted only while it is open: each opening gets its own form and a freshly mounted modal (a
 * reused, hidden modal could take the 提交 of its second opening before its form was there).
 */
function StepDialog({
  step,
  busy,
  onCancel,
  onSubmit,
}: {
  step: Step;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (text: string) => void;
}) {
  const [form] = Form.useForm<{ text?: string }>();
  const { label, field, required } = steps[step];
  return (
    <Modal
      open
      title={label}
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.text?.trim() ?? '')}>
        <Form.Item
          name="text"
          label={field}
          rules={required ? [{ required: true, whitespace: true, message: `请填写${field}` }] : []}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function StepPanel({ card, onDone }: { card: CardDetail; onDone: () => void }) {
  const { permissions } = useSession();
  const { message } = App.useApp();
  const [open, setOpen] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!permissions.has(Permission.CaseSupervise))
    return <Typography.Text type="secondary">您的岗位只能查看此黄牌。</Typography.Text>;
  const available = stepsFor(card);
  const run = async (step: Step, text: string) => {
    setBusy(true);
    setRefusal(null);
    const { data, error } = await takeStep(card.id, step, text);
    setBusy(false);
    setOpen(null);
    if (data) message.success(`已${steps[step].label}`);
    else setRefusal(errorMessage(error));
    onDone();
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message="操作未成功"
          description={refusal}
          closable
          onClose={() => setRefusal(null)}
        />
      )}
      {available.length === 0 ? (
        <Typography.Text type="secondary">此黄牌当前没有您可办理的步骤。</Typography.Text>
      ) : (
        <Space wrap>
          {available.map((s) => (
            <Button
              key={s}
              type={s === available[0] ? 'primary' : 'default'}
              danger={steps[s].danger}
              onClick={() => setOpen(s)}
            >
              {steps[s].label}
            </Button>
          ))}
        </Space>
      )}
      {open && (
        <StepDialog
          key={open}
          step={open}
          busy={busy}
          onCancel={() => setOpen(null)}
          onSubmit={(text) => void run(open, text)}
        />
      )}
    </Space>
  );
}

/** 黄牌详情: the card, the case it came from, the holder's explanation, the appeal, the interview and the timeline. */
export default function YellowCardDetailPage() {
  const { id = '' } = useParams();
  const [card, setCard] = useState<CardDetail | null>(null);
  const [unitName, setUnitName] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ status: number; message: string } | null>(null);

  const begin = useLatestOnly();
  // after a step, a poll sent before it may still be on its way: only the latest answer is shown
  const load = useCallback(async () => {
    const latest = begin();
    const { data, error, response } = await api.GET('/api/v1/yellow-cards/{id}', { params: { path: { id } } });
    if (!latest()) return;
    if (data) {
      setCard(data as unknown as CardDetail);
      setFailure(null);
    } else setFailure({ status: response.status, message: errorMessage(error) });
  }, [id, begin]);
  usePolling(load, 5000);
  const unitId = card?.unitId;
  useEffect(() => {
    if (!unitId) return;
    void api
      .GET('/api/v1/org/units/{id}', { params: { path: { id: unitId } } })
      .then(({ data }) => setUnitName((data as { name?: string } | undefined)?.name ?? null));
  }, [unitId]);

  if (failure && !card)
    return (
      <Result
        status={failure.status === 403 ? '403' : '404'}
        title={failure.status === 403 ? '无权访问' : '黄牌不存在'}
        subTitle={failure.message}
        extra={
          <Link to="/yellow-cards">
            <Button>返回黄牌列表</Button>
          </Link>
        }
      />
    );
  if (!card) return <Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />;

  const deadline = card.live?.deadline ?? card.dueAt;
  return (
    <PageContainer
      title={<PageTitle>{`黄牌 ${card.cardNo}`}</PageTitle>}
      tags={
        <Tag color={cardStateColor[card.status]} data-testid="card-status">
          {cardStateLabel[card.status]}
        </Tag>
      }
      extra={<TemporalLink workflowId={card.workflowId} />}
      onBack={() => history.back()}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <ProCard title="可办理的步骤" bordered>
          <StepPanel card={card} onDone={() => void load()} />
        </ProCard>
        <ProCard title="黄牌信息" bordered>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="持牌">
              {holderKindLabel[card.holderKind] ?? card.holderKind}
              {unitName ? ` · ${unitName}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="签发时间">{formatTime(card.issuedAt)}</Descriptions.Item>
            <Descriptions.Item label="所涉诉求">
              {card.case ? <Link to={`/cases/${card.case.id}`}>{card.case.caseNo}</Link> : '—'}
              {card.case && `（${card.case.category}）`}
            </Descriptions.Item>
            <Descriptions.Item label="说明整改时限">
              {formatTime(deadline)}
              {card.live?.paused && '（申诉期间暂停）'}
            </Descriptions.Item>
            <Descriptions.Item label="逾期升级">
              {card.escalationLevel ? `${card.escalationLevel} 级` : '未升级'}
            </Descriptions.Item>
            <Descriptions.Item label="申诉期限">{formatTime(card.live?.appealEndsAt)}</Descriptions.Item>
            <Descriptions.Item label="书面说明" span={2}>
              {card.explanation ?? '尚未提交'}
            </Descriptions.Item>
            <Descriptions.Item label="整改方案" span={2}>
              {card.rectificationPlan ?? '尚未提交'}
            </Descriptions.Item>
            {card.appealedAt && (
              <Descriptions.Item label="申诉" span={2}>
                {formatTime(card.appealedAt)}：{card.appealReason}
                {card.appealDecision &&
                  `；裁决：${card.appealDecision === 'UPHELD' ? '成立' : '驳回'}（${card.appealDecisionReason ?? ''}）`}
              </Descriptions.Item>
            )}
            {card.interview && (
              <Descriptions.Item label="约谈" span={2}>
                {interviewLabel[card.interview.status] ?? card.interview.status}，期限{' '}
                {formatTime(card.interview.dueAt)}
                {card.interview.note && `；记录：${card.interview.note}`}
              </Descriptions.Item>
            )}
            {card.annualReview && (
              <Descriptions.Item label="述职评议">
                <Tag color="red">已列入年度述职评议</Tag>
              </Descriptions.Item>
            )}
          </Descriptions>
        </ProCard>
        <ProCard title="时间线" bordered>
          <Timeline
            items={card.timeline.map((e, i) => ({
              key: e.id ?? String(i),
              children: (
                <div data-card-event={e.kind}>
                  <Typography.Text strong>{cardEventLabel[e.kind] ?? e.kind}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{formatSeconds(e.at)}</Typography.Text>
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
