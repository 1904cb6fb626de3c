import { PageContainer, ProCard } from '@ant-design/pro-components';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Radio,
  Result,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { mayConfigureDistrictSettings } from '../auth/permissions';
import { Forbidden } from '../auth/require-permission';
import { useSession } from '../auth/session-context';
import { parseSchedule, scheduleYear, toFestivals, type ScheduleLine } from '../calendar/schedule-table';
import { dayKindLabel, kindOf, YearView, type CalendarDays } from '../calendar/year-view';
import { PageTitle } from '../layout/page-title';
import { formatTime } from '../lib/time';

interface Override {
  holidays?: string[];
  makeUpWorkdays?: string[];
  removedHolidays?: string[];
  removedMakeUpWorkdays?: string[];
  [k: string]: unknown;
}
type Mark = 'holiday' | 'makeUp' | 'normal';
const markLabel: Record<Mark, string> = {
  holiday: '设为节假日（休）',
  makeUp: '设为调休上班日（班）',
  normal: '恢复为普通日',
};
const thisYear = () => Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
const add = (list: string[] = [], d: string) => [...new Set([...list, d])].sort();
const drop = (list: string[] = [], d: string) => list.filter((x) => x !== d);

/** The district's override after marking one day, so the merged calendar shows the day as asked. */
function markedOverride(o: Override, base: CalendarDays, date: string, mark: Mark): Override {
  const next = { ...o };
  next.holidays = drop(o.holidays, date);
  next.makeUpWorkdays = drop(o.makeUpWorkdays, date);
  next.removedHolidays = drop(o.removedHolidays, date);
  next.removedMakeUpWorkdays = drop(o.removedMakeUpWorkdays, date);
  if (mark === 'holiday') next.holidays = add(next.holidays, date);
  if (mark === 'makeUp') next.makeUpWorkdays = add(next.makeUpWorkdays, date);
  if (mark === 'normal') {
    if (base.holidays.includes(date)) next.removedHolidays = add(next.removedHolidays, date);
    if (base.makeUpWorkdays.includes(date)) next.removedMakeUpWorkdays = add(next.removedMakeUpWorkdays, date);
  }
  return next;
}

function DayDialog({
  date,
  cal,
  onClose,
  onSave,
}: {
  date: string;
  cal: CalendarDays;
  onClose: () => void;
  onSave: (mark: Mark, name: string) => Promise<string | null>;
}) {
  const [form] = Form.useForm<{ mark: Mark; name?: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = kindOf(cal, date);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    const refusal = await onSave(v.mark, v.name?.trim() ?? '');
    setBusy(false);
    if (refusal) setFailure(refusal);
  };
  return (
    <Modal
      open
      title={`${date}（现为${dayKindLabel[kind]}）`}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon role="alert" message={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ mark: kind === 'holiday' ? 'makeUp' : 'holiday' }}>
        <Form.Item name="mark" label="设为" rules={[{ required: true, message: '请选择' }]}>
          <Radio.Group
            aria-label="设为"
            options={(Object.keys(markLabel) as Mark[]).map((m) => ({ value: m, label: markLabel[m] }))}
          />
        </Form.Item>
        <Form.Item noStyle dependencies={['mark']}>
          {() =>
            form.getFieldValue('mark') !== 'normal' && (
              <Form.Item
                name="name"
                label="名称（如 元旦、春节调休）"
                rules={[
                  { required: true, whitespace: true, message: '请填写名称' },
                  { max: 20, message: '名称最多 20 字' },
                ]}
              >
                <Input aria-label="名称" autoFocus />
              </Form.Item>
            )
          }
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ScheduleImport({ districtId, onImported }: { districtId?: string; onImported: (year: number) => void }) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [lines, setLines] = useState<ScheduleLine[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const year = lines ? scheduleYear(lines.filter((l) => !l.error)) : null;
  const festivals = useMemo(() => (lines ? toFestivals(lines.filter((l) => !l.error)) : []), [lines]);
  const bad = lines?.filter((l) => l.error) ?? [];
  const apply = async () => {
    if (!year) return;
    setBusy(true);
    setFailure(null);
    const { data, error } = await api.POST('/api/v1/calendars/import-festivals', {
      body: { ...(districtId ? { districtId } : {}), year, festivals },
    });
    setBusy(false);
    if (!data) return setFailure(errorMessage(error, '导入失败'));
    message.success(`已导入 ${year} 年放假安排（第 ${data.version} 版）`);
    setText('');
    setLines(null);
    onImported(year);
  };
  return (
    <ProCard title="导入次年放假安排" bordered subTitle="每行：日期,名称,休/班（可直接从表格复制粘贴）">
      <Space direction="vertical" style={{ width: '100%' }}>
        <label htmlFor="schedule-text">粘贴放假安排</label>
        <Input.TextArea
          id="schedule-text"
          rows={6}
          value={text}
          placeholder={'2027-01-01,元旦,休\n2027-02-06,春节,休\n2027-02-14,春节,班'}
          onChange={(e) => {
            setText(e.target.value);
            setLines(null);
          }}
        />
        <Space>
          <Button onClick={() => setLines(parseSchedule(text))} disabled={!text.trim()}>
            预览
          </Button>
          {lines && (
            <Button
              type="primary"
              loading={busy}
              disabled={!!bad.length || !festivals.length}
              onClick={() => void apply()}
            >
              应用到 {year} 年
            </Button>
          )}
        </Space>
        {failure && <Alert type="error" showIcon role="alert" message={failure} />}
        {lines && (
          <>
            <Alert
              type={bad.length ? 'error' : 'info'}
              showIcon
              role="status"
              message={
                bad.length
                  ? `有 ${bad.length} 行无法识别，请修改后再预览`
                  : `${year} 年：${festivals.length} 个节日，放假 ${lines.filter((l) => l.kind === 'off').length} 天，调休上班 ${lines.filter((l) => l.kind === 'makeUp').length} 天`
              }
            />
            <Table<ScheduleLine>
              aria-label="放假安排预览"
              size="small"
              rowKey="line"
              pagination={false}
              dataSource={lines}
              columns={[
                { title: '行', dataIndex: 'line', width: 60 },
                { title: '日期', dataIndex: 'date' },
                { title: '名称', dataIndex: 'name' },
                {
                  title: '安排',
                  dataIndex: 'kind',
                  render: (_, l) =>
                    l.error ? (
                      <Typography.Text type="danger">{l.error}</Typography.Text>
                    ) : l.kind === 'off' ? (
                      <Tag color="red">休</Tag>
                    ) : (
                      <Tag color="blue">班</Tag>
                    ),
                },
              ]}
            />
          </>
        )}
      </Space>
    </ProCard>
  );
}

function CalendarEditor() {
  const { me } = useSession();
  const { message } = App.useApp();
  // A district-level seat edits its district's adjustments; an administrator without one edits the national base.
  const districtId = me?.positions.find((p) => p.unitKind === 'DISTRICT')?.unitId;
  const [year, setYear] = useState(thisYear);
  const [cal, setCal] = useState<CalendarDays | null>(null);
  const [base, setBase] = useState<CalendarDays | null>(null);
  const [versions, setVersions] = useState<
    { id: string; version: number; note: string | null; createdAt: string; data: unknown }[]
  >([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);

  const load = useCallback(async () => {
    const q = districtId ? { districtId } : {};
    const [eff, baseEff, list] = await Promise.all([
      api.GET('/api/v1/calendars/effective', { params: { query: q } }),
      api.GET('/api/v1/calendars/effective', { params: { query: {} } }),
      api.GET('/api/v1/calendars/versions', { params: { query: q } }),
    ]);
    if (!eff.data || !baseEff.data || !list.data)
      return setFailure(errorMessage(eff.error ?? list.error, '工作日历加载失败'));
    setCal(eff.data.calendar as CalendarDays);
    setBase(baseEff.data.calendar as CalendarDays);
    setVersions(list.data as never);
  }, [districtId]);
  useEffect(() => {
    void load();
  }, [load]);

  const saveDay = async (date: string, mark: Mark, name: string): Promise<string | null> => {
    if (!cal || !base) return null;
    const note = mark === 'normal' ? `${date} 恢复为普通日` : `${date} ${name}：${mark === 'holiday' ? '休' : '班'}`;
    let body: Record<string, unknown>;
    if (districtId) {
      const latest = (versions[0]?.data ?? {}) as Override;
      const { publishedYears: _p, ...override } = markedOverride(latest, base, date, mark);
      body = { districtId, ...override, note };
    } else {
      const next = markedOverride(
        { holidays: [...cal.holidays], makeUpWorkdays: [...cal.makeUpWorkdays] },
        { ...cal, holidays: [], makeUpWorkdays: [] },
        date,
        mark,
      );
      // the base is a whole calendar: its weekend and working hours go back unchanged
      const { workingHours } = cal as CalendarDays & { workingHours?: unknown };
      body = {
        weekendDays: cal.weekendDays,
        workingHours,
        holidays: next.holidays,
        makeUpWorkdays: next.makeUpWorkdays,
        note,
      };
    }
    const { data, error } = await api.POST('/api/v1/calendars/versions', { body: body as never });
    if (!data) return errorMessage(error, '保存失败');
    message.success(`已保存：${note}`);
    setPicked(null);
    await load();
    return null;
  };

  if (failure) return <Result status="error" title="工作日历加载失败" subTitle={failure} />;
  if (!cal || !base) return <Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />;
  const inYear = (d: string) => d.startsWith(`${year}-`);
  return (
    <PageContainer
      title={<PageTitle>工作日历</PageTitle>}
      subTitle={districtId ? '本区的节假日与调休（在全国基础日历上调整），诉求时限按此计算' : '全国基础日历'}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <label htmlFor="calendar-year">年份</label>
          <Select
            id="calendar-year"
            aria-label="年份"
            value={year}
            style={{ width: 120 }}
            onChange={setYear}
            options={[-1, 0, 1, 2].map((d) => ({ value: thisYear() + d, label: `${thisYear() + d} 年` }))}
          />
          <Tag color="red">休 节假日 {cal.holidays.filter(inYear).length} 天</Tag>
          <Tag color="blue">班 调休上班 {cal.makeUpWorkdays.filter(inYear).length} 天</Tag>
          <Typography.Text type="secondary">点击某一天可设为节假日或调休上班日</Typography.Text>
        </Space>
        <YearView year={year} cal={cal} onPick={setPicked} />
        <ScheduleImport
          districtId={districtId}
          onImported={(y) => {
            // move to the imported year only once its days are loaded, so it never shows them as plain workdays
            void load().then(() => setYear(y));
          }}
        />
        <ProCard title="变更记录" bordered>
          <Table
            aria-label="工作日历版本"
            size="small"
            rowKey="id"
            pagination={{ pageSize: 10 }}
            dataSource={versions}
            columns={[
              { title: '版本', dataIndex: 'version', width: 80 },
              { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
              { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v) },
            ]}
          />
        </ProCard>
      </Space>
      {picked && (
        <DayDialog
          date={picked}
          cal={cal}
          onClose={() => setPicked(null)}
          onSave={(mark, name) => saveDay(picked, mark, name)}
        />
      )}
    </PageContainer>
  );
}

/** 工作日历: district-wide settings, so an administrator or a district-level supervisor (the API refuses anyone else). */
export default function CalendarPage() {
  const { me } = useSession();
  return mayConfigureDistrictSettings(me) ? <CalendarEditor /> : <Forbidden />;
}
