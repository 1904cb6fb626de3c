import { Alert, Button, Card, Descriptions, Spin, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { useLatestOnly } from '../../lib/use-latest-only';
import { formatTime } from '../../lib/time';
import { MyCaseRating } from '../my-case-rating';
import { MyCaseReply } from '../my-case-reply';
import type { MyCase } from '../resident-api';
import { caseStateLabel, categoryName, timelineSentence } from '../resident-labels';
import { refusalText } from '../refusal';
import { statusColor } from './my-cases-page';

const REFRESH_MS = 10_000;

/** One of my cases: where it stands, what has happened in plain words, and what I may do now. */
export default function MyCasePage() {
  const { id = '' } = useParams();
  const [found, setFound] = useState<MyCase | null>(null);
  const [error, setError] = useState<string | null>(null);

  const begin = useLatestOnly();
  const load = useCallback(async () => {
    const latest = begin();
    const { data, error: e } = await api.GET('/api/v1/my/cases/{id}', { params: { path: { id } } });
    if (!latest()) return;
    if (data) setFound(data);
    setError(data ? null : refusalText(e, '加载失败，请稍后重试'));
  }, [id, begin]);
  // the answer to my own step is newer than a refresh still on its way
  const stepTaken = (c: MyCase) => {
    begin();
    setFound(c);
  };
  useEffect(() => {
    void load();
    // staff act meanwhile: the page follows without a reload
    const t = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(t);
  }, [load]);

  if (error && !found)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        message={error}
        action={
          <Link to="/m">
            <Button size="small">返回我的诉求</Button>
          </Link>
        }
      />
    );
  if (!found) return <Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />;

  const timeline = found.timeline
    .map((e) => ({ ...e, sentence: timelineSentence(e.kind, e.note) }))
    .filter((e) => e.sentence !== null)
    .reverse();
  return (
    <section aria-labelledby="my-case-title">
      <Typography.Title level={4} id="my-case-title">
        诉求 {found.caseNo}
      </Typography.Title>
      <Card size="small">
        <Descriptions column={1} size="small">
          <Descriptions.Item label="状态">
            <Tag color={statusColor[found.status] ?? 'processing'} data-testid="my-case-status">
              {caseStateLabel[found.status]}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label="类别">{categoryName(found.category)}</Descriptions.Item>
          <Descriptions.Item label="地址">{found.address}</Descriptions.Item>
          <Descriptions.Item label="描述">{found.description}</Descriptions.Item>
          {found.attachments.length > 0 && (
            <Descriptions.Item label="照片">
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {found.attachments.map((a) => (
                  <li key={a}>
                    {/^https?:\/\//.test(a) ? (
                      <a href={a} target="_blank" rel="noreferrer noopener">
                        {a}
                      </a>
                    ) : (
                      a
                    )}
                  </li>
                ))}
              </ul>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="反映时间">{formatTime(found.createdAt)}</Descriptions.Item>
          {found.closedAt && <Descriptions.Item label="办结时间">{formatTime(found.closedAt)}</Descriptions.Item>}
        </Descriptions>
        {found.mergedIntoId && (
          <Alert type="info" showIcon message="同一问题已有人反映，已合并办理，办理结果会同样告知您。" />
        )}
      </Card>
      <MyCaseReply found={found} onChange={stepTaken} />
      <MyCaseRating caseId={found.id} status={found.status} />
      <Card size="small" title="办理进度" style={{ marginTop: 12 }}>
        <Timeline
          items={timeline.map((e, i) => ({
            color: i === 0 ? 'blue' : 'gray',
            children: (
              <div data-kind={e.kind}>
                <Typography.Text>{e.sentence}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{formatTime(e.at)}</Typography.Text>
              </div>
            ),
          }))}
        />
      </Card>
    </section>
  );
}
