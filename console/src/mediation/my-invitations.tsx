import { App, Button, Card, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import { useInboxChanges } from '../inbox/inbox-context';
import { durationText, formatTime } from '../lib/time';
import { useNow } from '../lib/use-now';
import { mediationApi, type MyInvitation } from './mediation-api';

/** 联调小组 invitations waiting for my answer, on top of the inbox: accept, or decline with a reason. */
export function MyMediationInvitations() {
  const { message } = App.useApp();
  const now = useNow();
  const [items, setItems] = useState<MyInvitation[]>([]);
  const [declining, setDeclining] = useState<MyInvitation | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  // The API takes the answer at once; the invitation leaves the list of pending ones when the process has settled it.
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());

  const load = useCallback(() => {
    mediationApi.myInvitations().then(setItems, () => setItems([]));
  }, []);
  useEffect(load, [load]);
  useInboxChanges(load);

  const answer = async (inv: MyInvitation, accept: boolean, why?: string) => {
    setBusy(true);
    try {
      await mediationApi.answer(inv.id, accept, why);
      setAnswered((prev) => new Set([...prev, inv.id]));
      message.success(accept ? `已接受：${inv.dispute.disputeNo} 联调小组邀请` : '已婉拒邀请');
      setDeclining(null);
      setReason('');
      load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const open = items.filter((i) => !answered.has(i.id));
  if (open.length === 0) return null;
  return (
    <Card
      title={<span id="mediation-invitations">联调小组邀请（待答复 {open.length}）</span>}
      style={{ marginBottom: 16 }}
    >
      <List
        aria-labelledby="mediation-invitations"
        dataSource={open}
        renderItem={(inv) => {
          const left = Date.parse(inv.deadline) - now;
          return (
            <List.Item
              data-invitation-id={inv.id}
              actions={[
                <Button
                  key="accept"
                  type="primary"
                  disabled={busy}
                  onClick={() => void answer(inv, true)}
                  aria-label={`接受邀请：${inv.dispute.disputeNo}`}
                >
                  接受
                </Button>,
                <Button
                  key="decline"
                  disabled={busy}
                  onClick={() => setDeclining(inv)}
                  aria-label={`婉拒邀请：${inv.dispute.disputeNo}`}
                >
                  婉拒
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={`${inv.dispute.disputeNo} ${inv.dispute.subject}`}
                description={
                  <Space wrap>
                    <Typography.Text type="secondary">{inv.dispute.category}</Typography.Text>
                    <Tag color={left > 0 ? (left < 3_600_000 ? 'orange' : 'blue') : 'red'}>
                      {left > 0 ? `答复剩余 ${durationText(left)}` : '已过答复期限'}
                    </Tag>
                    <Typography.Text type="secondary">截止 {formatTime(inv.deadline)}</Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          );
        }}
      />
      {declining && (
        <Modal
          open
          title="婉拒联调小组邀请"
          okText="确认婉拒"
          cancelText="取消"
          confirmLoading={busy}
          onOk={() => void answer(declining, false, reason.trim() || undefined)}
          onCancel={() => setDeclining(null)}
        >
          <label htmlFor="decline-reason">婉拒理由（可选）</label>
          <Input.TextArea id="decline-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Modal>
      )}
    </Card>
  );
}
