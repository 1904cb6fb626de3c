import {
  ModalForm,
  PageContainer,
  ProFormDateTimePicker,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProTable,
  type ActionType,
  type ProColumns,
} from '@ant-design/pro-components';
import { Alert, App, Button, Checkbox, Modal, Space } from 'antd';
import { useRef, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { Permission } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { PageTitle } from '../layout/page-title';
import { formatTime } from '../lib/time';
import { useUnitNames } from '../programme/use-unit-names';
import { tableOptions } from '../layout/table-options';

interface ActivityRow {
  id: string;
  title: string;
  place?: string;
  startsAt?: string;
  endsAt?: string;
  cap: number;
  signedUp: number;
  communityId: string;
}
interface Signup {
  id: string;
  personId: string;
  personName?: string;
  checkedInAt: string | null;
  confirmedAt: string | null;
}

/** 确认出勤: the community ticks those who checked in; their service hours are recorded. */
function AttendanceDialog({ activity, onDone }: { activity: ActivityRow; onDone: () => void }) {
  const { message } = App.useApp();
  const [signups, setSignups] = useState<Signup[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const open = async () => {
    const { data, error } = await api.GET('/api/v1/programme/activities/{id}', {
      params: { path: { id: activity.id } },
    });
    if (!data) return message.error(errorMessage(error, '加载失败'));
    const list = data.signups as Signup[];
    setSignups(list);
    setChosen(list.filter((s) => s.checkedInAt && !s.confirmedAt).map((s) => s.personId));
  };
  const confirm = async () => {
    const { data, error } = await api.POST('/api/v1/programme/activities/{id}/attendance', {
      params: { path: { id: activity.id } },
      body: { personIds: chosen },
    });
    if (!data) return message.error(errorMessage(error, '确认失败'));
    message.success(`已确认 ${chosen.length} 人出勤`);
    setSignups(null);
    onDone();
  };
  return (
    <>
      <Button size="small" onClick={() => void open()}>
        确认出勤
      </Button>
      {signups && (
        <Modal
          open
          title={`确认出勤：${activity.title}`}
          onCancel={() => setSignups(null)}
          onOk={() => void confirm()}
          okText="确认出勤"
          okButtonProps={{ disabled: !chosen.length }}
        >
          {signups?.length === 0 && <p>尚无人报名</p>}
          <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as string[])} style={{ display: 'grid', gap: 8 }}>
            {signups?.map((s) => (
              <Checkbox key={s.id} value={s.personId} disabled={!s.checkedInAt || !!s.confirmedAt}>
                {s.personName || s.personId}（
                {s.confirmedAt ? '已确认' : s.checkedInAt ? `签到 ${formatTime(s.checkedInAt)}` : '未签到'}）
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Modal>
      )}
    </>
  );
}

/** 志愿服务: communities publish activities; members sign up, check in on the day; the community confirms attendance. */
export default function ProgrammeActivitiesPage() {
  const { permissions } = useSession();
  const { message } = App.useApp();
  const { names, communities } = useUnitNames();
  const table = useRef<ActionType>(undefined);
  const [refusal, setRefusal] = useState<string | null>(null);
  const reload = () => void table.current?.reload();
  const manages = permissions.has(Permission.ProgrammeManage);
  const serves = permissions.has(Permission.ProgrammeServe);

  const act = async (a: ActivityRow, action: 'signups' | 'check-in') => {
    const path =
      action === 'signups' ? '/api/v1/programme/activities/{id}/signups' : '/api/v1/programme/activities/{id}/check-in';
    const { data, error } = await api.POST(path, { params: { path: { id: a.id } } });
    if (!data) setRefusal(errorMessage(error));
    else {
      setRefusal(null);
      message.success(action === 'signups' ? `已报名「${a.title}」` : `已签到「${a.title}」`);
    }
    reload();
  };

  const columns: ProColumns<ActivityRow>[] = [
    { title: '活动', dataIndex: 'title' },
    { title: '地点', dataIndex: 'place' },
    { title: '开始', dataIndex: 'startsAt', render: (_, r) => formatTime(r.startsAt) },
    { title: '结束', dataIndex: 'endsAt', render: (_, r) => formatTime(r.endsAt) },
    { title: '社区', dataIndex: 'communityId', render: (_, r) => names.get(r.communityId) ?? '—' },
    { title: '报名/名额', dataIndex: 'signedUp', render: (_, r) => `${r.signedUp} / ${r.cap}` },
    {
      title: '操作',
      valueType: 'option',
      render: (_, r) => (
        <Space>
          {serves && (
            <Button size="small" type="primary" aria-label={`报名 ${r.title}`} onClick={() => void act(r, 'signups')}>
              报名
            </Button>
          )}
          {serves && (
            <Button size="small" aria-label={`签到 ${r.title}`} onClick={() => void act(r, 'check-in')}>
              签到
            </Button>
          )}
          {manages && <AttendanceDialog activity={r} onDone={reload} />}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title={<PageTitle>志愿服务</PageTitle>}
      subTitle="社区发布志愿服务活动，党员报名、现场签到，社区确认出勤并记录服务时长"
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          message={refusal}
          closable
          onClose={() => setRefusal(null)}
          style={{ marginBottom: 16 }}
        />
      )}
      <ProTable<ActivityRow>
        rowKey="id"
        actionRef={table}
        columns={columns}
        search={false}
        options={tableOptions}
        pagination={{ defaultPageSize: 20 }}
        toolBarRender={() =>
          manages
            ? [
                <ModalForm
                  key="publish"
                  title="发布志愿服务活动"
                  trigger={<Button type="primary">发布活动</Button>}
                  modalProps={{ destroyOnHidden: true }}
                  onFinish={async (v: {
                    communityId: string;
                    title: string;
                    place: string;
                    cap: number;
                    startsAt: string;
                    endsAt: string;
                  }) => {
                    const { data, error } = await api.POST('/api/v1/programme/activities', {
                      body: {
                        ...v,
                        startsAt: new Date(v.startsAt).toISOString(),
                        endsAt: new Date(v.endsAt).toISOString(),
                      },
                    });
                    if (!data) {
                      message.error(errorMessage(error, '发布失败'));
                      return false;
                    }
                    message.success(`已发布活动「${data.title}」`);
                    reload();
                    return true;
                  }}
                >
                  <ProFormSelect
                    name="communityId"
                    label="社区"
                    rules={[{ required: true }]}
                    options={communities.map((c) => ({ value: c.id, label: c.name }))}
                  />
                  <ProFormText name="title" label="活动名称" rules={[{ required: true }]} />
                  <ProFormText name="place" label="地点" rules={[{ required: true }]} />
                  <ProFormDigit name="cap" label="名额" rules={[{ required: true }]} min={1} />
                  <ProFormDateTimePicker name="startsAt" label="开始时间" rules={[{ required: true }]} />
                  <ProFormDateTimePicker name="endsAt" label="结束时间" rules={[{ required: true }]} />
                </ModalForm>,
              ]
            : []
        }
        request={async ({ current, pageSize }) => {
          const { data, error } = await api.GET('/api/v1/programme/activities', {
            params: { query: { page: current ?? 1, pageSize: pageSize ?? 20 } },
          });
          if (!data) throw new Error(errorMessage(error, '活动加载失败'));
          return { data: data.items as ActivityRow[], total: data.total, success: true };
        }}
      />
    </PageContainer>
  );
}
