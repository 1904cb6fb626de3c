import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, Modal, Tag } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage } from '../api/client';
import { availabilityLabel, holderLabel, talentSkillLabel } from './talent-labels';

export interface NeedRow {
  id: string;
  title: string;
  skill: string;
  kind: string;
  communityId: string;
  communityName: string;
  addressText: string;
  headcount: number;
  chosen: number;
  status: string;
}
interface CandidateRow {
  talentId: string;
  personId: string;
  name: string;
  holderKind: string;
  note: string | null;
  availability: string;
  partyOrgName: string | null;
  communityName: string;
  distanceMeters: number;
  taskId: string | null;
}

/** The need's candidates nearest first; 选定 turns one into a task and links to it. Mounted only while open. */
export function CandidatesDialog({ need, onClose }: { need: NeedRow; onClose: () => void }) {
  const { message } = App.useApp();
  const table = useRef<ActionType>(undefined);
  const [refusal, setRefusal] = useState<string | null>(null);

  const choose = async (c: CandidateRow) => {
    const { data, error } = await api.POST('/api/v1/programme/talent-needs/{id}/choose', {
      params: { path: { id: need.id } },
      body: { personId: c.personId },
    });
    if (!data) setRefusal(errorMessage(error, '选定失败'));
    else {
      setRefusal(null);
      message.success(`已选定 ${c.name}，生成任务 ${data.taskNo}`);
    }
    void table.current?.reload();
  };

  const columns: ProColumns<CandidateRow>[] = [
    { title: '姓名', dataIndex: 'name' },
    { title: '身份', dataIndex: 'holderKind', render: (_, r) => holderLabel[r.holderKind] ?? r.holderKind },
    {
      title: '所在机关 / 社区',
      dataIndex: 'communityName',
      render: (_, r) => (r.partyOrgName ? `${r.partyOrgName} · ${r.communityName}` : r.communityName),
    },
    { title: '距离（米）', dataIndex: 'distanceMeters' },
    { title: '可服务时间', dataIndex: 'availability', render: (_, r) => availabilityLabel[r.availability as never] },
    { title: '特长说明', dataIndex: 'note', render: (_, r) => r.note || '—' },
    {
      title: '操作',
      valueType: 'option',
      render: (_, r) =>
        r.taskId ? (
          <Link to={`/programme/tasks?id=${r.taskId}`} aria-label={`查看 ${r.name} 的任务`}>
            <Tag color="green">已选定 · 查看任务</Tag>
          </Link>
        ) : (
          <Button size="small" type="primary" aria-label={`选定 ${r.name}`} onClick={() => void choose(r)}>
            选定
          </Button>
        ),
    },
  ];

  return (
    <Modal
      open
      width={960}
      title={`候选人：${need.title}（${talentSkillLabel(need.skill)}，已选 ${need.chosen}/${need.headcount}）`}
      footer={null}
      onCancel={onClose}
    >
      {refusal && <Alert type="error" showIcon message={refusal} closable onClose={() => setRefusal(null)} />}
      <ProTable<CandidateRow>
        rowKey="personId"
        actionRef={table}
        columns={columns}
        search={false}
        options={false}
        pagination={{ defaultPageSize: 10 }}
        request={async ({ current, pageSize }) => {
          const { data, error } = await api.GET('/api/v1/programme/talent-needs/{id}/candidates', {
            params: { path: { id: need.id }, query: { page: current ?? 1, pageSize: pageSize ?? 10 } },
          });
          if (!data) throw new Error(errorMessage(error, '候选人加载失败'));
          return { data: data.items, total: data.total, success: true };
        }}
      />
    </Modal>
  );
}
