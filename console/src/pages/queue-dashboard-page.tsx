import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../api/client';
import { PageTitle } from '../layout/page-title';

/**
 * 队列看板 (bull-board, served by the API at /admin/queues). A navigation cannot carry the bearer token, so the
 * console asks for a single-use ticket and opens the dashboard with it; the dashboard swaps it for a cookie of its own.
 */
export default function QueueDashboardPage() {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const open = async () => {
    setBusy(true);
    setRefusal(null);
    const { data, error } = await api.POST('/api/v1/admin/queue-dashboard/ticket');
    setBusy(false);
    if (data) window.location.assign(data.url);
    else setRefusal(errorMessage(error));
  };
  return (
    <PageContainer title={<PageTitle>队列看板</PageTitle>}>
      <ProCard bordered>
        <Space direction="vertical">
          <Typography.Paragraph>
            查看通知投递、诉求重算等后台队列（BullMQ）的等待、延迟、失败任务，必要时重试。仅系统管理员可用；
            访问凭证一次有效，会话 15 分钟后过期。
          </Typography.Paragraph>
          {refusal && <Alert type="error" showIcon role="alert" message="无法打开队列看板" description={refusal} />}
          <Button type="primary" loading={busy} onClick={() => void open()}>
            打开队列看板
          </Button>
        </Space>
      </ProCard>
    </PageContainer>
  );
}
