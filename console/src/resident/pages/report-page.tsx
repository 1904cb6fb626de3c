import { Alert, App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorMessage } from '../../api/client';
import { categoryOptions } from '../resident-labels';

interface ReportForm {
  category: string;
  address: string;
  description: string;
  photos?: string;
}

const MAX_PHOTOS = 9;
const photoRefs = (text?: string) =>
  (text ?? '')
    .split(/\s+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** 反映问题: category, the address as registered, what is wrong, and photo references (links or file keys). */
export default function ReportPage() {
  const [form] = Form.useForm<ReportForm>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One key per filled-in form: pressing 提交 twice (or a retry after a lost answer) files one case.
  const [requestKey] = useState(() => `resident-${crypto.randomUUID()}`);

  const submit = async (v: ReportForm) => {
    setBusy(true);
    setError(null);
    const { data, error: refused } = await api.POST('/api/v1/my/cases', {
      body: {
        requestKey,
        category: v.category,
        address: v.address,
        description: v.description,
        attachments: photoRefs(v.photos),
      },
    });
    setBusy(false);
    if (!data) {
      setError(errorMessage(refused, '提交失败，请稍后重试'));
      return;
    }
    message.success(`已提交，编号 ${data.caseNo}`);
    void navigate(`/m/cases/${data.id}`);
  };

  return (
    <section aria-labelledby="report-title">
      <Typography.Title level={4} id="report-title">
        反映问题
      </Typography.Title>
      <Card>
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form<ReportForm> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item label="问题类别" name="category" rules={[{ required: true, message: '请选择问题类别' }]}>
            <Select options={categoryOptions} showSearch optionFilterProp="label" placeholder="请选择" />
          </Form.Item>
          <Form.Item
            label="地址"
            name="address"
            extra="填写门牌地址，如：幸福路1号"
            rules={[
              { required: true, whitespace: true, message: '请填写地址' },
              { max: 200, message: '地址最多 200 字' },
            ]}
          >
            <Input autoComplete="street-address" />
          </Form.Item>
          <Form.Item
            label="问题描述"
            name="description"
            rules={[
              { required: true, whitespace: true, message: '请描述您遇到的问题' },
              { max: 2000, message: '问题描述最多 2000 字' },
            ]}
          >
            <Input.TextArea rows={4} showCount maxLength={2000} />
          </Form.Item>
          <Form.Item
            label="照片"
            name="photos"
            extra={`照片链接或文件编号，每行一个，最多 ${MAX_PHOTOS} 个`}
            rules={[
              {
                validator: (_, value?: string) =>
                  photoRefs(value).length > MAX_PHOTOS
                    ? Promise.reject(new Error(`照片最多 ${MAX_PHOTOS} 个`))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            提交
          </Button>
        </Form>
      </Card>
    </section>
  );
}
