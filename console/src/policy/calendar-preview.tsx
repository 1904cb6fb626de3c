import { Alert, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { CHINA_ZONE } from '../lib/time';
import { limitText, priorityText, resolutionLimitOf, type Limit, type RequestLoopPolicy } from './request-loop-policy';

const DEFAULT_CATEGORY = '';

/** 周五 11-27 15:00: the weekday matters most when reading a working-day deadline. */
export const chinaDayTime = (iso: string | Dayjs): string => dayjs(iso).tz(CHINA_ZONE).format('ddd MM-DD HH:mm');

/** Sample acceptance times in China time: the coming Friday afternoon (a weekend follows), Monday morning, now. */
function sampleStarts(now = dayjs()): Dayjs[] {
  const today = now.tz(CHINA_ZONE).startOf('day');
  const next = (weekday: number, hour: number) => {
    let d = today.day(weekday).hour(hour);
    while (!d.isAfter(now)) d = d.add(7, 'day');
    return d;
  };
  return [next(5, 15), next(1, 9), now.tz(CHINA_ZONE).second(0).millisecond(0)];
}

interface Computed {
  deadline: string;
  provisional: boolean;
}

async function deadlineOf(start: Dayjs, limit: Limit, districtId?: string): Promise<Computed> {
  const { data, error } = await api.GET('/api/v1/calendars/deadline', {
    params: { query: { start: start.toISOString(), unit: limit.unit, amount: limit.amount, districtId } },
  });
  if (!data) throw new Error(errorMessage(error, '截止时间计算失败'));
  return { deadline: data.deadline, provisional: data.provisional };
}

interface Row {
  start: Dayjs;
  before?: Computed;
  after?: Computed;
}

/**
 * What a resolution limit means on the business calendar: the API computes each deadline (holidays, 调休 and
 * working hours included), for the current and the edited policy side by side.
 */
export function CalendarPreview({
  before,
  after,
  districtId,
  initialCategory,
}: {
  before: RequestLoopPolicy;
  after: RequestLoopPolicy;
  districtId?: string;
  initialCategory?: string;
}) {
  const [category, setCategory] = useState(initialCategory ?? DEFAULT_CATEGORY);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const oldLimit = resolutionLimitOf(before, category || null);
  const newLimit = resolutionLimitOf(after, category || null);
  const options = useMemo(() => {
    const cats = [...new Set([...Object.keys(after.categoryLimits), ...Object.keys(before.categoryLimits)])];
    return [
      { value: DEFAULT_CATEGORY, label: `其他类别（默认等级 ${priorityText(after.defaultPriority)}）` },
      ...cats.map((c) => ({ value: c, label: c })),
    ];
  }, [before, after]);
  const key = JSON.stringify([oldLimit.limit, newLimit.limit, districtId]);

  useEffect(() => {
    let live = true;
    const starts = sampleStarts();
    setRows(null);
    setFailure(null);
    Promise.all(
      starts.map(async (start) => ({
        start,
        before: oldLimit.limit ? await deadlineOf(start, oldLimit.limit, districtId) : undefined,
        after: newLimit.limit ? await deadlineOf(start, newLimit.limit, districtId) : undefined,
      })),
    ).then(
      (r) => live && setRows(r),
      (e: Error) => live && setFailure(e.message),
    );
    return () => {
      live = false;
    };
    // `key` stands for the limits compared: a new form object with the same limits asks nothing again.
  }, [key]);

  const cell = (c: Computed | undefined) =>
    c ? (
      <Space size={4}>
        <span>{chinaDayTime(c.deadline)}</span>
        {c.provisional && <Tag color="orange">暂定</Tag>}
      </Space>
    ) : (
      '—'
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="calendar-preview">
      <Space wrap>
        <label htmlFor="preview-category">预览类别</label>
        <Select
          id="preview-category"
          aria-label="预览类别"
          style={{ minWidth: 320 }}
          value={category}
          options={options}
          onChange={setCategory}
        />
        <Typography.Text type="secondary">
          办结时限：{limitText(oldLimit.limit)} → {limitText(newLimit.limit)}（按工作日历，受理当天不计）
        </Typography.Text>
      </Space>
      {failure && <Alert type="error" showIcon message={failure} />}
      {!rows && !failure ? (
        <Spin aria-label="计算中" />
      ) : (
        <Table<Row>
          size="small"
          pagination={false}
          rowKey={(r) => r.start.toISOString()}
          dataSource={rows ?? []}
          columns={[
            { title: '受理时间（北京时间）', render: (_, r) => `${chinaDayTime(r.start)} 受理` },
            { title: `现行办结时限（${limitText(oldLimit.limit)}）`, render: (_, r) => cell(r.before) },
            { title: `新办结时限（${limitText(newLimit.limit)}）`, render: (_, r) => cell(r.after) },
          ]}
        />
      )}
      {rows && (
        <ul aria-label="日历预览摘要" style={{ margin: 0 }}>
          {rows.map((r) => (
            <li key={r.start.toISOString()}>
              {chinaDayTime(r.start)} 受理 → 办结时限 {r.after ? chinaDayTime(r.after.deadline) : '—'}
              {r.before && r.after && r.before.deadline !== r.after.deadline && (
                <Typography.Text type="secondary">（现行 {chinaDayTime(r.before.deadline)}）</Typography.Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </Space>
  );
}
