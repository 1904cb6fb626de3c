import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { MyCase } from './resident-api';
import { refusalText } from './refusal';

type Step = 'confirm' | 'dispute' | 'provide-info';
const paths = {
  confirm: '/api/v1/my/cases/{id}/confirm',
  dispute: '/api/v1/my/cases/{id}/dispute',
  'provide-info': '/api/v1/my/cases/{id}/provide-info',
} as const;

/** What the resident may do now: confirm or dispute a reply, or give the information staff asked for. */
export function MyCaseReply({ found, onChange }: { found: MyCase; onChange: (c: MyCase) => void }) {
  const [open, setOpen] = useState<Step | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  const reply = [...found.timeline].reverse().find((e) => e.kind === 'HANDLED')?.note;
  const asked = [...found.timeline].reverse().find((e) => e.kind === 'INFO_REQUESTED')?.note;

  const send = async (step: Step, note?: string) => {
    setBusy(true);
    setError(null);
    const body = note?.trim() ? { note: note.trim() } : {};
    const { data, error: refused } = await api.POST(paths[step], {
      params: { path: { id: found.id } },
      body: body as { note: string },
    });
    setBusy(false);
    if (!data) {
      setError(refusalText(refused));
      return;
    }
    setOpen(null);
    form.resetFields();
    onChange(data);
  };

  if (found.status !== 'HANDLED' && found.status !== 'WAITING_RESIDENT') return null;
  const noteForm = (step: Step, label: string, submit: string, required: boolean) => (
    <Form form={form} layout="vertical" onFinish={(v) => void send(step, v.note)}>
      <Form.Item
        label={label}
        name="note"
        rules={[
          { required, whitespace: required, message: `请填写${label}` },
          { max: step === 'confirm' ? 500 : 1000, message: `${label}过长` },
        ]}
      >
        <Input.TextArea rows={3} autoFocus />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {submit}
        </Button>
        {step !== 'provide-info' && <Button onClick={() => setOpen(null)}>取消</Button>}
      </Space>
    </Form>
  );

  return (
    <Card size="small" title={found.status === 'HANDLED' ? '处置答复' : '请补充信息'} style={{ marginTop: 12 }}>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      {found.status === 'HANDLED' ? (
        <>
          <Typography.Paragraph data-testid="my-case-reply">
            {reply ?? '工作人员已处置您反映的问题。'}
          </Typography.Paragraph>
          {open === null && (
            <Space wrap>
              <Button type="primary" onClick={() => setOpen('confirm')}>
                确认办结
              </Button>
              <Button danger onClick={() => setOpen('dispute')}>
                有异议
              </Button>
            </Space>
          )}
          {open === 'confirm' && noteForm('confirm', '留言（可不填）', '确认办结', false)}
          {open === 'dispute' && noteForm('dispute', '异议说明', '提交异议', true)}
        </>
      ) : (
        <>
          {asked && <Typography.Paragraph>工作人员的问题：{asked}</Typography.Paragraph>}
          {noteForm('provide-info', '补充说明', '提交补充信息', true)}
        </>
      )}
    </Card>
  );
}
