import { Button, Card, Col, Empty, Input, Modal, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { durationText, formatTime } from '../lib/time';
import { useNow } from '../lib/use-now';
import { CandidatePicker } from './candidate-picker';
import type { DisputeDetail, DisputeInvitation, DisputeSlot } from './mediation-api';
import { slotCandidates } from './mediation-derived';
import { invitationColor, invitationLabel, slotColor, slotLabel } from './mediation-labels';

interface MyAnswer {
  personId: string | undefined;
  onAnswer: (inv: DisputeInvitation, accept: boolean) => Promise<void>;
}

function WithdrawDialog({
  slot,
  onWithdraw,
  onClose,
}: {
  slot: DisputeSlot;
  onWithdraw: (slot: DisputeSlot, reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={`成员回避：${slot.label}`}
      okText="确认回避"
      cancelText="取消"
      okButtonProps={{ disabled: !reason.trim() }}
      onOk={() => void onWithdraw(slot, reason.trim()).then(onClose)}
      onCancel={onClose}
    >
      <label htmlFor="withdraw-reason">回避理由</label>
      <Input.TextArea id="withdraw-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
    </Modal>
  );
}

function InvitationLine({ inv, now, mine }: { inv: DisputeInvitation; now: number; mine: MyAnswer }) {
  const left = Date.parse(inv.deadline) - now;
  return (
    <li data-invitation-status={inv.status} style={{ marginBottom: 4 }}>
      <Space size={4} wrap>
        <Typography.Text>
          {inv.seq}. {inv.personName ?? inv.personId}
        </Typography.Text>
        <Tag color={invitationColor[inv.status]}>{invitationLabel(inv.status)}</Tag>
        {inv.status === 'PENDING' ? (
          <Tooltip title={`答复截止 ${formatTime(inv.deadline)}（北京时间）`}>
            <Tag color={left <= 0 ? 'red' : left < 3_600_000 ? 'orange' : 'blue'}>
              {left > 0 ? `剩余 ${durationText(left)}` : '已到期'}
            </Tag>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{formatTime(inv.respondedAt ?? inv.deadline)}</Typography.Text>
        )}
        {inv.reason && <Typography.Text type="secondary">（{inv.reason}）</Typography.Text>}
        {inv.status === 'PENDING' && inv.personId === mine.personId && (
          <>
            <Button size="small" type="primary" onClick={() => void mine.onAnswer(inv, true)}>
              接受邀请
            </Button>
            <Button size="small" onClick={() => void mine.onAnswer(inv, false)}>
              婉拒
            </Button>
          </>
        )}
      </Space>
    </li>
  );
}

/**
 * 联调小组席位看板: each role slot with its member or what is open, and every invitation asked for it — accepted,
 * declined, timed out or withdrawn — with a live countdown on the pending one.
 */
export function PanelBoard({
  detail,
  canWrite,
  onWithdraw,
  onAddCandidates,
  mine,
}: {
  detail: DisputeDetail;
  canWrite: boolean;
  onWithdraw: (slot: DisputeSlot, reason: string) => Promise<void>;
  /** Resolves to the API's refusal, or null when the candidates were taken. */
  onAddCandidates: (slot: DisputeSlot, personIds: string[]) => Promise<string | null>;
  /** The signed-in person answers an invitation addressed to them right here, as from 消息中心. */
  mine: MyAnswer;
}) {
  const now = useNow();
  const [withdrawing, setWithdrawing] = useState<DisputeSlot | null>(null);
  const [picking, setPicking] = useState<DisputeSlot | null>(null);
  if (detail.slots.length === 0) return <Empty description="无席位" />;
  const open = detail.slots.filter((s) => s.required && s.status !== 'FILLED');
  const mediating = ['FORMING', 'CONVENED'].includes(detail.status);
  return (
    <>
      <Typography.Paragraph>
        {open.length === 0
          ? '所有必需席位均已落实，联调小组已组建。'
          : `尚未落实的必需席位：${open.map((s) => s.label).join('、')}`}
      </Typography.Paragraph>
      <Row gutter={[12, 12]}>
        {detail.slots.map((slot) => {
          const invitations = detail.invitations.filter((i) => i.slotKey === slot.key).sort((a, b) => a.seq - b.seq);
          return (
            <Col key={slot.key} xs={24} md={12} xl={8}>
              <Card
                size="small"
                data-slot={slot.key}
                data-slot-status={slot.status}
                title={
                  <Space>
                    <span>{slot.label}</span>
                    <Tag>{slot.required ? '必需' : '可选'}</Tag>
                  </Space>
                }
                extra={<Tag color={slotColor[slot.status]}>{slotLabel(slot.status)}</Tag>}
              >
                <Typography.Paragraph style={{ marginBottom: 8 }}>
                  成员：{slot.memberName ?? (slot.memberId ? slot.memberId : '—')}
                </Typography.Paragraph>
                {invitations.length === 0 ? (
                  <Typography.Text type="secondary">尚未邀请</Typography.Text>
                ) : (
                  <ol aria-label={`${slot.label}的邀请`} style={{ paddingLeft: 0, listStyle: 'none', margin: 0 }}>
                    {invitations.map((inv) => (
                      <InvitationLine key={inv.id} inv={inv} now={now} mine={mine} />
                    ))}
                  </ol>
                )}
                {slot.status === 'EXHAUSTED' && (
                  <Typography.Paragraph type="danger" style={{ margin: '8px 0 0' }}>
                    候选人已用尽，请补充候选人。
                  </Typography.Paragraph>
                )}
                {canWrite && slot.status === 'FILLED' && (
                  <Button size="small" style={{ marginTop: 8 }} onClick={() => setWithdrawing(slot)}>
                    成员回避
                  </Button>
                )}
                {canWrite && mediating && slot.status !== 'FILLED' && (
                  <Button
                    size="small"
                    type={slot.status === 'EXHAUSTED' ? 'primary' : 'default'}
                    style={{ marginTop: 8 }}
                    onClick={() => setPicking(slot)}
                  >
                    补充候选人
                  </Button>
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
      {withdrawing && (
        <WithdrawDialog slot={withdrawing} onWithdraw={onWithdraw} onClose={() => setWithdrawing(null)} />
      )}
      {picking && (
        <CandidatePicker
          slot={picking}
          known={slotCandidates(detail, picking.key)}
          onSubmit={(personIds) => onAddCandidates(picking, personIds)}
          onClose={() => setPicking(null)}
        />
      )}
    </>
  );
}
