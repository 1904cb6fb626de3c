import { Alert, Button, Descriptions, Empty, Input, Progress, Space, Table, Tag, Typography, App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage } from '../api/client';
import { caseStateLabel, clockLabel, clockStateLabel } from '../cases/case-labels';
import { formatTime } from '../lib/time';

type Paths = import('../../../api-types/openapi').paths;
type Preview =
  Paths['/api/v1/policies/request-loop/migrations/preview']['post']['responses'][200]['content']['application/json'];
type PreviewCase = Preview['items'][number];
type MigrationProgress =
  Paths['/api/v1/policy-migrations/{id}']['get']['responses'][200]['content']['application/json'];

const PAGE = 20;
const statusLabel: Record<MigrationProgress['status'], string> = {
  RUNNING: '迁移中',
  COMPLETED: '已完成',
  FAILED: '失败',
};

/**
 * After a new version is saved: which running cases it would change (preview, paged by the API's keyset cursor), and
 * on request the migration itself with its progress. Cases not migrated keep the version they started with.
 */
export function PolicyMigrationStep({ toVersion, category }: { toVersion: number; category?: string }) {
  const { message } = App.useApp();
  const [pages, setPages] = useState<(string | undefined)[]>([undefined]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [onlyCategory, setOnlyCategory] = useState(!!category);
  const [note, setNote] = useState('');
  const [migrationId, setMigrationId] = useState<string | null>(null);
  const [progress, setProgress] = useState<MigrationProgress | null>(null);
  const [starting, setStarting] = useState(false);
  const filterCategory = onlyCategory ? category : undefined;

  const load = useCallback(
    async (after?: string) => {
      setFailure(null);
      const { data, error } = await api.POST('/api/v1/policies/request-loop/migrations/preview', {
        body: {
          toVersion,
          limit: PAGE,
          ...(after ? { after } : {}),
          ...(filterCategory ? { category: filterCategory } : {}),
        },
      });
      if (data) setPreview(data);
      else setFailure(errorMessage(error, '迁移预览加载失败'));
    },
    [toVersion, filterCategory],
  );
  useEffect(() => {
    setPages([undefined]);
    void load();
  }, [load]);

  useEffect(() => {
    if (!migrationId) return;
    let live = true;
    const poll = async () => {
      const { data } = await api.GET('/api/v1/policy-migrations/{id}', { params: { path: { id: migrationId } } });
      if (!live || !data) return;
      setProgress(data);
      if (data.status === 'RUNNING') setTimeout(() => void poll(), 1500);
    };
    void poll();
    return () => {
      live = false;
    };
  }, [migrationId]);

  const start = async () => {
    setStarting(true);
    const { data, error } = await api.POST('/api/v1/policies/request-loop/migrations', {
      body: {
        toVersion,
        filters: filterCategory ? { category: filterCategory } : {},
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    });
    setStarting(false);
    if (data) {
      message.success(`已发起迁移，共 ${data.total} 件诉求`);
      setMigrationId(data.migrationId);
    } else setFailure(errorMessage(error, '迁移未能发起'));
  };

  const toMigrate = preview?.items.filter((i) => i.action === 'MIGRATE').length ?? 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="policy-migration">
      <Typography.Paragraph>
        新版本只约束此后登记的诉求；进行中的诉求仍按原版本办理，除非在此迁移到第 {toVersion}{' '}
        版。计时中的时限从原起算时间按新时限重算， 已暂停时间和已批准的延期保留；已完成、已超时升级的时限不变。
      </Typography.Paragraph>
      {category && (
        <Space>
          <Button type={onlyCategory ? 'primary' : 'default'} onClick={() => setOnlyCategory(true)}>
            只迁移类别「{category}」
          </Button>
          <Button type={!onlyCategory ? 'primary' : 'default'} onClick={() => setOnlyCategory(false)}>
            全部进行中的诉求
          </Button>
        </Space>
      )}
      {failure && <Alert type="error" showIcon role="alert" message="操作未成功" description={failure} />}
      {!migrationId && (
        <>
          <Table<PreviewCase>
            size="small"
            rowKey="caseId"
            loading={!preview && !failure}
            dataSource={preview?.items ?? []}
            locale={{ emptyText: <Empty description="没有需要迁移的进行中诉求" /> }}
            pagination={false}
            title={() => `预览：共 ${preview?.total ?? '…'} 件诉求符合条件`}
            columns={[
              { title: '诉求编号', render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNo}</Link> },
              { title: '类别', dataIndex: 'category' },
              { title: '状态', render: (_, r) => caseStateLabel[r.status] ?? r.status },
              { title: '原版本', dataIndex: 'fromVersion' },
              {
                title: '处理',
                render: (_, r) =>
                  r.action === 'MIGRATE' ? <Tag color="blue">迁移</Tag> : <Tag>跳过：{r.reason ?? '—'}</Tag>,
              },
              {
                title: '时限变化',
                render: (_, r) => (
                  <Space direction="vertical" size={0}>
                    {r.clocks.map((c) => (
                      <span key={c.clock}>
                        {clockLabel[c.clock] ?? c.clock}（{clockStateLabel[c.state] ?? c.state}）：{formatTime(c.from)}
                        {c.applies ? ` → ${formatTime(c.to)}` : `，不变${c.reason ? `（${c.reason}）` : ''}`}
                        {c.lapsesAtOnce && <Tag color="red">迁移后立即超时</Tag>}
                      </span>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
          <Space>
            <Button
              disabled={pages.length < 2}
              onClick={() => {
                const prev = pages.slice(0, -1);
                setPages(prev);
                void load(prev[prev.length - 1]);
              }}
            >
              上一页
            </Button>
            <Button
              disabled={!preview?.nextAfter}
              onClick={() => {
                const after = preview?.nextAfter ?? undefined;
                setPages([...pages, after]);
                void load(after);
              }}
            >
              下一页
            </Button>
          </Space>
          <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
            <Input
              aria-label="迁移说明"
              placeholder="迁移说明（选填，记入审计）"
              value={note}
              maxLength={200}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button
              type="primary"
              loading={starting}
              disabled={!preview || preview.total === 0}
              onClick={() => void start()}
            >
              迁移进行中的诉求{toMigrate ? `（本页 ${toMigrate} 件）` : ''}
            </Button>
          </Space.Compact>
        </>
      )}
      {migrationId && (
        <Space direction="vertical" style={{ width: '100%' }} aria-live="polite">
          <Progress
            percent={progress && progress.total ? Math.round((progress.processed / progress.total) * 100) : 0}
            status={
              progress?.status === 'FAILED' ? 'exception' : progress?.status === 'COMPLETED' ? 'success' : 'active'
            }
          />
          <Descriptions size="small" column={{ xs: 1, md: 4 }}>
            <Descriptions.Item label="状态">{progress ? statusLabel[progress.status] : '查询中'}</Descriptions.Item>
            <Descriptions.Item label="总数">{progress?.total ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="已迁移">{progress?.migrated ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="已跳过">{progress?.skipped ?? '—'}</Descriptions.Item>
          </Descriptions>
          {progress?.error && <Alert type="error" showIcon message={progress.error} />}
          {!!progress?.skippedByReason.length && (
            <ul aria-label="跳过原因">
              {progress.skippedByReason.map((s) => (
                <li key={s.reason ?? ''}>
                  {s.reason ?? '未说明'}：{s.count} 件
                </li>
              ))}
            </ul>
          )}
        </Space>
      )}
    </Space>
  );
}
