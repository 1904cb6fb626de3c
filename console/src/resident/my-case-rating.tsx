import { Alert, App, Button, Card, Form, Input, Rate, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { formatTime } from '../lib/time';
import type { MyRating } from './resident-api';
import { starWords } from './resident-labels';
import { refusalText } from './refusal';

interface RatingForm {
  stars: number;
  comment?: string;
}

/** 一事一评: a closed case is rated once, 1–5 stars and a comment; a refusal shows the API's message. */
export function MyCaseRating({ caseId, status }: { caseId: string; status: string }) {
  const { message } = App.useApp();
  const [rating, setRating] = useState<MyRating | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<RatingForm>();
  const stars = Form.useWatch('stars', form);

  const load = useCallback(
    () =>
      api
        .GET('/api/v1/my/cases/{id}/rating', { params: { path: { id: caseId } } })
        .then(({ data, error: e }) => (data ? setRating(data) : setError(refusalText(e, '评价信息加载失败')))),
    [caseId],
  );
  useEffect(() => {
    if (status === 'CLOSED') void load();
  }, [load, status]);

  if (status !== 'CLOSED' || (!rating && !error)) return null;

  const submit = async (v: RatingForm) => {
    setBusy(true);
    setError(null);
    const { data, error: refused } = await api.POST('/api/v1/my/cases/{id}/rating', {
      params: { path: { id: caseId } },
      body: { stars: v.stars, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) },
    });
    setBusy(false);
    if (!data) {
      setError(refusalText(refused, '评价失败，请稍后重试'));
      // rated meanwhile (another tab, another device): show the rating that stands
      if ((refused as { code?: string } | undefined)?.code === 'ALREADY_RATED') void load();
      return;
    }
    setRating(data);
    message.success('感谢您的评价');
  };

  return (
    <Card size="small" title="评价办理结果" style={{ marginTop: 12 }}>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      {rating?.state === 'RATED' && (
        <div data-testid="my-rating">
          <Rate disabled value={rating.stars ?? 0} aria-label={`已评 ${rating.stars} 星`} />
          <Typography.Paragraph style={{ marginTop: 8 }}>
            您已评价：{rating.stars} 星（{starWords[(rating.stars ?? 1) - 1]}）
            {rating.comment ? `，${rating.comment}` : ''}
          </Typography.Paragraph>
          <Typography.Text type="secondary">评价于 {formatTime(rating.ratedAt)}</Typography.Text>
        </div>
      )}
      {rating?.state === 'UNRATED' && <Typography.Paragraph>评价期已结束，未评价。</Typography.Paragraph>}
      {rating?.state === 'OPEN' && (
        <Form<RatingForm> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Typography.Paragraph type="secondary">
            请在 {formatTime(rating.windowEndsAt)} 前评价，每件诉求只能评价一次。
          </Typography.Paragraph>
          <Form.Item label="满意程度" name="stars" rules={[{ required: true, message: '请选择 1–5 星' }]}>
            <Rate tooltips={starWords} aria-label="满意程度（1–5 星）" />
          </Form.Item>
          {stars ? (
            <Typography.Paragraph data-testid="star-words">{`${stars} 星：${starWords[stars - 1]}`}</Typography.Paragraph>
          ) : null}
          <Form.Item label="评价意见" name="comment" rules={[{ max: 500, message: '评价意见最多 500 字' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交评价
          </Button>
        </Form>
      )}
    </Card>
  );
}
