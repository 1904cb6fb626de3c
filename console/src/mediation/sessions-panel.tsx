import { Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { formatTime } from '../lib/time';
import type { DisputeDetail, DisputeSession, RecordSessionDto, ScheduleSessionDto } from './mediation-api';

const attendanceOf = (s: DisputeSession, key: 'attendance' | 'absent'): string[] => {
  if (!s.attendance) return [];
  if (Array.isArray(s.attendance)) return key === 'attendance' ? s.attendance : [];
  return s.attendance[key] ?? [];
};

/** A session's attendance and minutes, in a dialog mounted only while open, with its own form. */
function RecordSessionDialog({
  session,
  people,
  onCancel,
  onRecord,
}: {
  session: DisputeSession;
  people: string[];
  onCancel: () => void;
  onRecord: (body: RecordSessionDto) => void;
}) {
  const [form] = Form.useForm<{ attendance: string[]; absent?: string[]; minutes: string }>();
  return (
    <Modal
      open
      title={`记录第 ${session.seq} 次调解会`}
      okText="保存记录"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onCancel}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => onRecord({ attendance: v.attendance, absent: v.absent ?? [], minutes: v.minutes })}
      >
        <Form.Item name="attendance" label="出席人员" rules={[{ required: true, message: '请记录出席人员' }]}>
          <Select mode="tags" options={people.map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Form.Item name="absent" label="缺席人员">
          <Select mode="tags" options={people.map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Form.Item name="minutes" label="调解笔录" rules={[{ required: true, message: '请填写调解笔录' }]}>
          <Input.TextArea rows={6} maxLength={10_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 调解会: schedule (place and time; members and parties are reminded), then attendance and minutes per session. */
export function SessionsPanel({
  detail,
  canWrite,
  onSchedule,
  onRecord,
}: {
  detail: DisputeDetail;
  canWrite: boolean;
  onSchedule: (body: ScheduleSessionDto) => Promise<boolean>;
  onRecord: (seq: number, body: RecordSessionDto) => Promise<boolean>;
}) {
  const [scheduleForm] = Form.useForm<{ place: string; startsAt: Dayjs }>();
  const [recording, setRecording] = useState<DisputeSession | null>(null);
  const convened = detail.status === 'CONVENED';
  const people = [
    ...detail.slots.flatMap((s) => (s.memberName ? [s.memberName] : [])),
    ...detail.parties.map((p) => p.representative ?? p.name),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Table<DisputeSession>
        rowKey="seq"
        pagination={false}
        dataSource={detail.sessions}
        locale={{ emptyText: '尚未安排调解会' }}
        columns={[
          { title: '场次', dataIndex: 'seq', width: 70, render: (n: number) => `第 ${n} 次` },
          { title: '时间', dataIndex: 'startsAt', width: 150, render: (t: string) => formatTime(t) },
          { title: '地点', dataIndex: 'place' },
          {
            title: '出席',
            key: 'attendance',
            render: (_, s) =>
              s.recordedAt ? (
                <Space direction="vertical" size={0}>
                  <span>出席：{attendanceOf(s, 'attendance').join('、') || '—'}</span>
                  <Typography.Text type="secondary">
                    缺席：{attendanceOf(s, 'absent').join('、') || '无'}
                  </Typography.Text>
                </Space>
              ) : (
                <Tag>待记录</Tag>
              ),
          },
          {
            title: '调解笔录',
            dataIndex: 'minutes',
            render: (m: string | null, s) =>
              m ? (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m}</Typography.Paragraph>
              ) : canWrite && convened ? (
                <Button size="small" onClick={() => setRecording(s)} aria-label={`记录第 ${s.seq} 次调解会`}>
                  记录出席和笔录
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {canWrite && (
        <Form
          form={scheduleForm}
          layout="inline"
          aria-label="安排调解会"
          disabled={!convened}
          onFinish={(v) =>
            void onSchedule({ place: v.place, startsAt: v.startsAt.toISOString() }).then(
              (ok) => ok && scheduleForm.resetFields(),
            )
          }
        >
          <Form.Item name="place" label="调解地点" rules={[{ required: true, message: '请填写调解地点' }]}>
            <Input style={{ width: 260 }} maxLength={200} />
          </Form.Item>
          <Form.Item name="startsAt" label="调解时间" rules={[{ required: true, message: '请选择调解时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              安排调解会
            </Button>
          </Form.Item>
          {!convened && <Typography.Text type="secondary">联调小组组建完成后才能安排调解会。</Typography.Text>}
        </Form>
      )}
      {recording && (
        <RecordSessionDialog
          key={recording.seq}
          session={recording}
          people={people}
          onCancel={() => setRecording(null)}
          onRecord={(body) => void onRecord(recording.seq, body).then((ok) => ok && setRecording(null))}
        />
      )}
    </Space>
  );
}
