import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import { mediationApi } from './mediation-api';

/**
 * The stored 调解协议书 PDF, fetched with the in-memory token and shown from a blob: URL (the console's CSP allows
 * frames from blob: only), with a download of the same bytes.
 */
export function AgreementPdfPreview({ disputeId, ready }: { disputeId: string; ready: boolean }) {
  const [file, setFile] = useState<{ url: string; fileName: string; size: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!ready) return;
    let url: string | null = null;
    let live = true;
    mediationApi.agreementPdf(disputeId).then(
      ({ blob, fileName }) => {
        url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
        if (live) setFile({ url, fileName, size: blob.size });
        else URL.revokeObjectURL(url);
      },
      (e: unknown) => live && setFailure(errorMessage(e, '协议书 PDF 加载失败')),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [disputeId, ready]);

  if (!ready)
    return (
      <Space>
        <Spin size="small" />
        <Typography.Text>正在生成调解协议书 PDF…</Typography.Text>
      </Space>
    );
  if (failure) return <Alert type="error" showIcon message={failure} />;
  if (!file) return <Spin aria-label="加载协议书" />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" icon={<DownloadOutlined />} href={file.url} download={file.fileName}>
          下载调解协议书 PDF
        </Button>
        <Typography.Text type="secondary">
          {file.fileName}（{Math.ceil(file.size / 1024)} KB）
        </Typography.Text>
      </Space>
      <iframe title="调解协议书预览" src={file.url} style={{ width: '100%', height: 720, border: '1px solid #ddd' }} />
    </Space>
  );
}
