import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { api, errorMessage } from '../../api/client';
import { useSession } from '../../auth/session-context';

interface CodeForm {
  phone: string;
  code: string;
}

const PHONE = /^1[3-9]\d{9}$/;
const RESEND_SECONDS = 60;
/** Only the resident pages may follow sign-in (no open redirect). */
const safeNext = (next: string | null) => (next && next.startsWith('/m') ? next : '/m');

/** 居民登录: a one-time code to the phone, then the code. */
export default function ResidentLoginPage() {
  const { status, signInWithCode } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<CodeForm>();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sending, setSending] = useState(false);
  const [wait, setWait] = useState(0);

  useEffect(() => {
    if (wait <= 0) return undefined;
    const t = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);

  if (status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  const sendCode = async () => {
    const { phone } = await form.validateFields(['phone']).catch(() => ({ phone: null }));
    if (!phone) return;
    setSending(true);
    setError(null);
    const { data, error: refused } = await api.POST('/api/v1/auth/code', { body: { phone } });
    setSending(false);
    if (!data) {
      setError(errorMessage(refused, '验证码发送失败，请稍后重试'));
      return;
    }
    setWait(RESEND_SECONDS);
    message.success(`验证码已发送，${Math.round(data.expiresIn / 60)} 分钟内有效`);
    document.getElementById('resident-code')?.focus();
  };

  const submit = async ({ phone, code }: CodeForm) => {
    setBusy(true);
    setError(await signInWithCode(phone, code));
    setBusy(false);
  };

  return (
    <main style={{ minHeight: '100vh', maxWidth: 560, margin: '0 auto', padding: '48px 16px', background: '#f5f5f5' }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        接诉即办 · 居民登录
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        用手机验证码登录，反映问题、查看办理进度
      </Typography.Paragraph>
      <Card>
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form<CodeForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item
            label="手机号"
            name="phone"
            rules={[
              { required: true, message: '请输入手机号' },
              { pattern: PHONE, message: '手机号格式不正确' },
            ]}
          >
            <Input inputMode="numeric" autoComplete="tel" maxLength={11} autoFocus />
          </Form.Item>
          <Form.Item label="验证码" required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item
                name="code"
                noStyle
                rules={[
                  { required: true, message: '请输入验证码' },
                  { pattern: /^\d{6}$/, message: '验证码为 6 位数字' },
                ]}
              >
                <Input
                  id="resident-code"
                  aria-label="验证码"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                />
              </Form.Item>
              <Button onClick={() => void sendCode()} loading={sending} disabled={wait > 0}>
                {wait > 0 ? `${wait}秒后重发` : '获取验证码'}
              </Button>
            </Space.Compact>
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
