import { PageContainer } from '@ant-design/pro-components';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Result,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../api/client';
import { Permission } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { DeadlineCountdown } from '../cases/deadline-countdown';
import { PageTitle } from '../layout/page-title';
import { formatTime } from '../lib/time';
import { useLatestOnly } from '../lib/use-latest-only';
import { AgreementEditor } from '../mediation/agreement-editor';
import { AgreementPdfPreview } from '../mediation/agreement-pdf-preview';
import { JudicialConfirmationPanel } from '../mediation/judicial-confirmation-panel';
import { mediationApi, type DisputeDetail, type DisputeParty } from '../mediation/mediation-api';
import {
  disputeStateColor,
  disputeStateLabel,
  partyKindLabel,
  RISK_LABELS,
  riskColor,
  riskLabel,
  sourceLabel,
  timelineLabel,
} from '../mediation/mediation-labels';
import { ReferralPanel, VisitsPanel } from '../mediation/outcome-panels';
import { PanelBoard } from '../mediation/panel-board';
import { SessionsPanel } from '../mediation/sessions-panel';
import { refusalText } from '../resident/refusal';

// Timeline notes written by the process carry instants in UTC (ISO 8601): shown in China time like every other time.
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;
const noteText = (note: string) => note.replace(ISO_INSTANT, (iso) => `${formatTime(iso)}（北京时间）`);

function RiskBlock({ d, canWrite, onAdjust }: { d: DisputeDetail; canWrite: boolean; onAdjust: () => void }) {
  return (
    <Space direction="vertical" size={4} aria-label="风险等级">
      <Space>
        <Tag color={riskColor[d.riskGrade]} data-risk-grade={d.riskGrade} style={{ fontSize: 14, padding: '2px 8px' }}>
          {riskLabel(d.riskGrade)}
        </Tag>
        {canWrite && ['FORMING', 'CONVENED'].includes(d.status) && (
          <Button size="small" onClick={onAdjust}>
            调整风险等级
          </Button>
        )}
      </Space>
      <ul style={{ margin: 0, paddingLeft: 20 }} aria-label="风险依据">
        {d.riskReasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {d.riskAdjustReason && <Typography.Text type="secondary">调整理由：{d.riskAdjustReason}</Typography.Text>}
    </Space>
  );
}

/**
 * One dispute: risk, parties, the panel board, sessions, the agreement with its PDF, referral, visits, timeline. With
 * `panel`, the panel member's read-only view (any unit; the member still answers their own invitation here).
 */
export default function MediationDisputePage({ panel = false }: { panel?: boolean }) {
  const { id = '' } = useParams();
  const { permissions, me } = useSession();
  const canWrite = !panel && permissions.has(Permission.CaseWrite);
  const { message } = App.useApp();
  const [detail, setDetail] = useState<DisputeDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const [tab, setTab] = useState<string | undefined>(undefined);
  // Named candidates reach the process by signal: look again until it has taken them (a few tries at most).
  const [awaiting, setAwaiting] = useState<{ slotKey: string; personIds: string[]; tries: number } | null>(null);
  const [riskForm] = Form.useForm<{ grade: string; reason: string }>();

  // Only the latest answer replaces the detail: a look started before a step's answer never undoes it.
  const begin = useLatestOnly();
  const load = useCallback(() => {
    const latest = begin();
    return (panel ? mediationApi.panelDetail(id) : mediationApi.detail(id)).then(
      (d) => {
        if (!latest()) return;
        setDetail(d);
        setFailure(null);
      },
      (e: unknown) => latest() && setFailure(errorMessage(e, '纠纷加载失败')),
    );
  }, [id, panel, begin]);
  const show = (d: DisputeDetail) => {
    begin();
    setDetail(d);
  };
  useEffect(() => void load(), [load]);
  // The PDF is rendered by an activity after the agreement is recorded: look again until it is stored.
  const waitingForPdf = !!detail?.agreement && !detail.hasAgreementPdf;
  useEffect(() => {
    if (!waitingForPdf) return;
    const t = setInterval(() => void load(), 2000);
    return () => clearInterval(t);
  }, [waitingForPdf, load]);

  useEffect(() => {
    if (!awaiting || !detail) return;
    const taken = detail.timeline.some(
      (e) =>
        e.kind === 'CANDIDATES_ADDED' &&
        (e.data as { slotKey?: string } | undefined)?.slotKey === awaiting.slotKey &&
        awaiting.personIds.some((p) => ((e.data as { personIds?: string[] }).personIds ?? []).includes(p)),
    );
    const invited = detail.invitations.some(
      (i) => i.slotKey === awaiting.slotKey && awaiting.personIds.includes(i.personId),
    );
    if (taken && (invited || detail.slots.find((s) => s.key === awaiting.slotKey)?.status === 'INVITING')) {
      setAwaiting(null);
      return;
    }
    if (awaiting.tries >= 15) {
      setAwaiting(null);
      return;
    }
    const t = setTimeout(() => {
      setAwaiting({ ...awaiting, tries: awaiting.tries + 1 });
      void load();
    }, 1000);
    return () => clearTimeout(t);
  }, [awaiting, detail, load]);

  /** Runs a step; the API's Chinese refusal is shown and nothing changes. */
  const step = async (run: () => Promise<DisputeDetail>, done: string): Promise<boolean> => {
    setBusy(true);
    setRefusal(null);
    try {
      show(await run());
      message.success(done);
      return true;
    } catch (e) {
      const text = refusalText(e);
      setRefusal(text);
      message.error(text);
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (failure)
    return (
      <Result
        status="warning"
        title={failure}
        extra={<Link to={panel ? '/mediation/panel' : '/mediation'}>返回纠纷列表</Link>}
      />
    );
  if (!detail) return <Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />;
  const d = detail;
  const activeTab = tab ?? (d.agreement ? 'agreement' : 'panel');

  const tabs = [
    {
      key: 'panel',
      label: '联调小组',
      children: (
        <PanelBoard
          detail={d}
          canWrite={canWrite}
          mine={{
            personId: me?.personId,
            onAnswer: async (inv, accept) => {
              try {
                await mediationApi.answer(inv.id, accept);
                message.success(accept ? '已接受邀请' : '已婉拒邀请');
                // the process settles the invitation a moment after the API takes the answer
                setTimeout(() => void load(), 1500);
              } catch (e) {
                message.error(errorMessage(e));
              }
            },
          }}
          onWithdraw={async (slot, reason) =>
            void (await step(() => mediationApi.withdraw(d.id, slot.key, reason), `${slot.label}已回避，正在重新邀请`))
          }
          onAddCandidates={async (slot, personIds) => {
            try {
              show(await mediationApi.addCandidates(d.id, slot.key, personIds));
              message.success(`已为${slot.label}补充候选人，将按顺序邀请`);
              setAwaiting({ slotKey: slot.key, personIds, tries: 0 });
              return null;
            } catch (e) {
              return refusalText(e);
            }
          }}
        />
      ),
    },
    {
      key: 'sessions',
      label: `调解会（${d.sessions.length}）`,
      children: (
        <SessionsPanel
          detail={d}
          canWrite={canWrite}
          onSchedule={(body) =>
            step(() => mediationApi.scheduleSession(d.id, body), '已安排调解会，已提醒成员和当事人')
          }
          onRecord={(seq, body) => step(() => mediationApi.recordSession(d.id, seq, body), '已记录调解会')}
        />
      ),
    },
    {
      key: 'agreement',
      label: '调解协议',
      children: d.agreement ? (
        <>
          <JudicialConfirmationPanel
            detail={d}
            canWrite={canWrite}
            busy={busy}
            refusal={refusal}
            onRecord={(body) =>
              step(
                () => mediationApi.judicialConfirmation(d.id, body),
                body.result === 'PENDING' ? '已登记司法确认申请' : '已登记司法确认结果',
              )
            }
          />
          {panel ? (
            <ol aria-label="协议条款">
              {d.agreement.terms.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ol>
          ) : (
            <AgreementPdfPreview disputeId={d.id} ready={d.hasAgreementPdf} />
          )}
        </>
      ) : canWrite && d.status === 'CONVENED' ? (
        <AgreementEditor
          detail={d}
          busy={busy}
          refusal={refusal}
          onSubmit={(body) => void step(() => mediationApi.agreement(d.id, body), '已登记调解协议，正在生成 PDF')}
        />
      ) : (
        <Typography.Text type="secondary">联调小组组建完成、调解达成一致后在此登记调解协议书。</Typography.Text>
      ),
    },
    {
      key: 'referral',
      label: '移送',
      children: (
        <ReferralPanel
          detail={d}
          canWrite={canWrite}
          onRefer={(body) => step(() => mediationApi.refer(d.id, body), '已移送，并记录告知当事人')}
        />
      ),
    },
    {
      key: 'visits',
      label: `回访（${d.visits.length}）`,
      children: (
        <VisitsPanel
          detail={d}
          canWrite={canWrite}
          onVisit={(body) => step(() => mediationApi.recordVisit(d.id, body), '已登记回访')}
        />
      ),
    },
    {
      key: 'timeline',
      label: '时间线',
      children: (
        <Timeline
          items={d.timeline.map((e) => ({
            children: (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{timelineLabel[e.kind] ?? e.kind}</Typography.Text>
                {e.note && <Typography.Text type="secondary">{noteText(e.note)}</Typography.Text>}
                <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
              </Space>
            ),
          }))}
        />
      ),
    },
  ];

  return (
    <PageContainer
      title={
        <PageTitle>
          {d.disputeNo} {d.subject}
        </PageTitle>
      }
      subTitle={<Tag color={disputeStateColor[d.status]}>{disputeStateLabel(d.status)}</Tag>}
      extra={<Link to={panel ? '/mediation/panel' : '/mediation'}>返回纠纷列表</Link>}
    >
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="风险等级" span={2}>
          <RiskBlock d={d} canWrite={canWrite} onAdjust={() => setAdjusting(true)} />
        </Descriptions.Item>
        <Descriptions.Item label="类别">{d.category}</Descriptions.Item>
        <Descriptions.Item label="来源">{sourceLabel[d.source] ?? d.source}</Descriptions.Item>
        <Descriptions.Item label="涉及金额">
          {d.amountYuan === null ? '—' : `${d.amountYuan.toLocaleString('zh-CN')} 元`}
        </Descriptions.Item>
        <Descriptions.Item label="召集人">{d.convenerName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="调解期限">
          {['FORMING', 'CONVENED'].includes(d.status) ? (
            <DeadlineCountdown clock={{ label: '调解期限', deadline: d.dueAt, state: 'running' }} />
          ) : (
            formatTime(d.dueAt)
          )}
          {d.escalated && <Tag color="volcano">已超期，街道督办</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="受理时间">{formatTime(d.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="纠纷情况" span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{d.description}</Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
      <Table<DisputeParty>
        rowKey="name"
        size="small"
        pagination={false}
        title={() => <Typography.Text strong>当事人</Typography.Text>}
        dataSource={d.parties}
        style={{ marginBottom: 16 }}
        columns={[
          { title: '姓名或名称', dataIndex: 'name' },
          { title: '类型', dataIndex: 'kind', render: (k: string) => partyKindLabel[k] ?? k },
          { title: '人数', dataIndex: 'headCount', render: (n?: number) => n ?? 1 },
          { title: '联系电话', dataIndex: 'phone', render: (p?: string) => p ?? '—' },
          { title: '代表人', dataIndex: 'representative', render: (r?: string) => r ?? '—' },
        ]}
      />
      {/* the agreement editor shows its refusal beside its own button */}
      {refusal && activeTab !== 'agreement' && (
        <Alert type="error" showIcon role="alert" message={refusal} closable onClose={() => setRefusal(null)} />
      )}
      <Tabs
        items={tabs}
        activeKey={activeTab}
        onChange={(key) => {
          setTab(key);
          setRefusal(null);
        }}
      />
      {adjusting && (
        <Modal
          open
          title="调整风险等级"
          okText="确认调整"
          cancelText="取消"
          confirmLoading={busy}
          onOk={() => riskForm.submit()}
          onCancel={() => setAdjusting(false)}
        >
          <Form
            form={riskForm}
            layout="vertical"
            preserve={false}
            initialValues={{ grade: d.riskGrade }}
            onFinish={(v) =>
              void step(() => mediationApi.adjustRisk(d.id, v.grade, v.reason), '已调整风险等级').then(
                (ok) => ok && setAdjusting(false),
              )
            }
          >
            <Form.Item name="grade" label="风险等级" rules={[{ required: true }]}>
              <Select options={Object.entries(RISK_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="reason" label="调整理由" rules={[{ required: true, message: '请填写调整理由' }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </PageContainer>
  );
}
