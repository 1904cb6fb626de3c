import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, App, Button, Checkbox, Form, Input, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { PageTitle } from '../layout/page-title';

type Channel = 'sms' | 'robot' | 'webhook';
interface SettingsForm {
  quietStart: string;
  quietEnd: string;
  channels: Channel[];
}

const outsideChannels: { value: Channel; label: string }[] = [
  { value: 'sms', label: '短信' },
  { value: 'robot', label: '工作群机器人' },
  { value: 'webhook', label: '对接系统（Webhook）' },
];
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

/** 个人设置: the person's quiet hours and which outside channels may reach them (the inbox always does). */
export default function SettingsPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsForm>();
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    void api.GET('/api/v1/inbox/settings').then(({ data, error }) => {
      if (!data) return setRefusal(errorMessage(error, '读取设置失败'));
      form.setFieldsValue({
        quietStart: data.quietStart,
        quietEnd: data.quietEnd,
        channels: outsideChannels.map((c) => c.value).filter((c) => !data.disabledChannels.includes(c)),
      });
      setLoaded(true);
    });
  }, [form]);

  const save = async (v: SettingsForm) => {
    setBusy(true);
    setRefusal(null);
    const { data, error } = await api.PUT('/api/v1/inbox/settings', {
      body: {
        quietStart: v.quietStart,
        quietEnd: v.quietEnd,
        disabledChannels: outsideChannels.map((c) => c.value).filter((c) => !v.channels.includes(c)),
      },
    });
    setBusy(false);
    if (data) message.success(`已保存：免打扰 ${data.quietStart}–${data.quietEnd}`);
    else setRefusal(errorMessage(error));
  };

  const timeRules = (label: string) => [
    { required: true, message: `请填写${label}` },
    { pattern: hhmm, message: '时间格式为 HH:MM' },
  ];

  return (
    <PageContainer title={<PageTitle>个人设置</PageTitle>}>
      <ProCard title="免打扰时段与接收通道" bordered>
        {!loaded && !refusal ? (
          <Spin aria-label="加载中" />
        ) : (
          <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ maxWidth: 560 }}>
            {refusal && (
              <Alert
                type="error"
                showIcon
                role="alert"
                message="保存未成功"
                description={refusal}
                style={{ marginBottom: 16 }}
              />
            )}
            <Space size="large" wrap>
              <Form.Item name="quietStart" label="免打扰开始（北京时间）" rules={timeRules('免打扰开始时间')}>
                <Input type="time" step={60} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="quietEnd" label="免打扰结束（北京时间）" rules={timeRules('免打扰结束时间')}>
                <Input type="time" step={60} style={{ width: 160 }} />
              </Form.Item>
            </Space>
            <Form.Item label="接收通道">
              <Space direction="vertical">
                <Checkbox checked disabled>
                  站内消息（始终接收）
                </Checkbox>
                <Form.Item name="channels" noStyle>
                  <Checkbox.Group options={outsideChannels} aria-label="外部通知通道" />
                </Form.Item>
              </Space>
            </Form.Item>
            <Alert
              type="info"
              showIcon
              data-testid="quiet-hours-note"
              message="特急和紧急消息不受免打扰时段限制"
              description="免打扰时段内，一般消息只进站内消息中心，短信等外部通知顺延到时段结束后发送；紧急、特急消息照常立即发送。关闭的通道不再收到一般和紧急消息，但特急消息仍会通过所有通道送达。"
              style={{ marginBottom: 16 }}
            />
            <Button type="primary" htmlType="submit" loading={busy}>
              保存设置
            </Button>
          </Form>
        )}
      </ProCard>
    </PageContainer>
  );
}
