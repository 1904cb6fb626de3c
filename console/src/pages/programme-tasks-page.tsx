import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, Space, Tag } from 'antd';
import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, errorMessage } from '../api/client';
import { Permission } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { PageTitle } from '../layout/page-title';
import { formatTime } from '../lib/time';
import { kindLabel, taskStateColor, taskStateLabel, valueEnumOf } from '../programme/programme-labels';
import { TASK_STATES } from '../../../src/shared/process/programme-task.states';
import {
  NameMembersDialog,
  PublishTaskDialog,
  ReviewEvidenceDialog,
  SubmitEvidenceDialog,
  type TaskRow,
} from '../programme/task-dialogs';
import { TaskRatingDialog } from '../programme/task-rating-dialog';
import { useUnitNames } from '../programme/use-unit-names';
import { tableOptions } from '../layout/table-options';

const stateEnum = valueEnumOf(Object.fromEntries(Object.entries(TASK_STATES).map(([k, v]) => [k, v.label])));

/** 双进双联任务: communities publish and review, agency secretaries claim and name members, members submit evidence. */
export default function ProgrammeTasksPage() {
  const { me, permissions } = useSession();
  const { message } = App.useApp();
  const { names, communities } = useUnitNames();
  const table = useRef<ActionType>(undefined);
  const reload = () => void table.current?.reload();
  const manages = permissions.has(Permission.ProgrammeManage);
  const serves = permissions.has(Permission.ProgrammeServe);
  const agencySecretary = !!me?.positions.some((p) => p.role === 'AGENCY_SECRETARY');
  // ?id= shows one task: where the 人才超市 links a chosen match to the task it became.
  const [params] = useSearchParams();
  const only = params.get('id');

  const claim = async (task: TaskRow) => {
    const { data, error } = await api.POST('/api/v1/programme/tasks/{id}/claim', { params: { path: { id: task.id } } });
    if (!data) message.error(errorMessage(error, '认领失败'));
    else message.success(`已认领任务 ${task.taskNo}`);
    reload();
  };

  const actions = (task: TaskRow) => {
    const open = task.status === 'ASSIGNED' || task.status === 'SENT_BACK';
    return (
      <Space wrap>
        {serves && agencySecretary && task.status === 'OPEN' && (
          <Button size="small" type="primary" onClick={() => void claim(task)}>
            认领
          </Button>
        )}
        {serves && agencySecretary && open && <NameMembersDialog task={task} onDone={reload} />}
        {serves && open && me && task.memberIds?.includes(me.personId) && (
          <SubmitEvidenceDialog task={task} onDone={reload} />
        )}
        {manages && task.status === 'SUBMITTED' && <ReviewEvidenceDialog task={task} onDone={reload} />}
        {manages && task.status === 'CONFIRMED' && !task.rating && task.evidence?.beneficiaryConfirmation?.name && (
          <TaskRatingDialog task={task} onDone={reload} />
        )}
      </Space>
    );
  };

  const columns: ProColumns<TaskRow>[] = [
    { title: '任务编号', dataIndex: 'taskNo', search: false },
    {
      title: '类别',
      dataIndex: 'kind',
      valueType: 'select',
      valueEnum: valueEnumOf(kindLabel),
      render: (_, r) => kindLabel[r.kind as keyof typeof kindLabel] ?? r.kind,
    },
    { title: '任务名称', dataIndex: 'title', search: false },
    { title: '社区', dataIndex: 'communityId', search: false, render: (_, r) => names.get(r.communityId) ?? '—' },
    {
      title: '承办机关',
      dataIndex: 'partyOrgId',
      search: false,
      render: (_, r) => (r.partyOrgId ? (names.get(r.partyOrgId) ?? '—') : '待认领'),
    },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: stateEnum,
      render: (_, r) => <Tag color={taskStateColor[r.status]}>{taskStateLabel(r.status)}</Tag>,
    },
    { title: '完成时限', dataIndex: 'dueAt', search: false, render: (_, r) => formatTime(r.dueAt) },
    {
      title: '逾期',
      dataIndex: 'overdue',
      valueType: 'select',
      valueEnum: { true: { text: '已逾期' }, false: { text: '未逾期' } },
      render: (_, r) => (r.overdue ? <Tag color="red">已逾期</Tag> : '—'),
    },
    {
      title: '受益方评价',
      dataIndex: 'rating',
      search: false,
      render: (_, r) =>
        r.rating ? <Tag color={r.rating.low ? 'red' : 'green'}>{'★'.repeat(r.rating.stars)}</Tag> : '—',
    },
    { title: '操作', valueType: 'option', render: (_, r) => actions(r) },
  ];

  return (
    <PageContainer title={<PageTitle>双进双联任务</PageTitle>} subTitle="“五个一”任务的发布、认领、承办与确认">
      {only && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="仅显示一项任务"
          action={<Link to="/programme/tasks">显示全部任务</Link>}
        />
      )}
      <ProTable<TaskRow>
        rowKey="id"
        actionRef={table}
        params={{ only }}
        columns={columns}
        options={tableOptions}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        toolBarRender={() =>
          manages ? [<PublishTaskDialog key="publish" communities={communities} onDone={reload} />] : []
        }
        request={async ({ current, pageSize, kind, status, overdue }) => {
          if (only) {
            const { data: task, error: refused } = await api.GET('/api/v1/programme/tasks/{id}', {
              params: { path: { id: only } },
            });
            if (!task) throw new Error(errorMessage(refused, '任务加载失败'));
            return { data: [task as TaskRow], total: 1, success: true };
          }
          const { data, error } = await api.GET('/api/v1/programme/tasks', {
            params: {
              query: {
                page: current ?? 1,
                pageSize: pageSize ?? 20,
                ...(kind ? { kind } : {}),
                ...(status ? { status } : {}),
                ...(overdue !== undefined ? { overdue: String(overdue) as 'true' | 'false' } : {}),
              },
            },
          });
          if (!data) throw new Error(errorMessage(error, '任务加载失败'));
          return { data: data.items as TaskRow[], total: data.total, success: true };
        }}
      />
    </PageContainer>
  );
}
