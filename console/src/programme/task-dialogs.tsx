import {
  ModalForm,
  ProFormDatePicker,
  ProFormDigit,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../api/client';
import { kindLabel, taskKinds } from './programme-labels';
import { TaskEvidenceView } from './task-evidence-view';
import type { TaskEvidence } from '../../../src/shared/process/programme-kinds';

export interface TaskRow {
  id: string;
  taskNo: string;
  kind: string;
  title?: string;
  status: string;
  communityId: string;
  partyOrgId: string | null;
  memberIds?: string[];
  evidence?: TaskEvidence | null;
  dueAt?: string;
  overdue: boolean;
  /** 受益方评价, once recorded. */
  rating?: { stars: number; low: boolean } | null;
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\n|、|,|，/)
    .map((s) => s.trim())
    .filter(Boolean);

/** 发布任务 (community or supervisor). */
export function PublishTaskDialog({
  communities,
  onDone,
}: {
  communities: { id: string; name: string }[];
  onDone: () => void;
}) {
  const { message } = App.useApp();
  return (
    <ModalForm
      title="发布双进双联任务"
      trigger={<Button type="primary">发布任务</Button>}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async (v: {
        kind: string;
        title: string;
        description: string;
        communityId: string;
        planDate: string;
        dueWorkingDays?: number;
      }) => {
        const { data, error } = await api.POST('/api/v1/programme/tasks', {
          body: { ...v, kind: v.kind as never, requestKey: crypto.randomUUID() },
        });
        if (!data) {
          message.error(errorMessage(error, '发布失败'));
          return false;
        }
        message.success(`已发布任务 ${data.taskNo}`);
        onDone();
        return true;
      }}
    >
      <ProFormSelect
        name="kind"
        label="任务类别"
        rules={[{ required: true }]}
        options={taskKinds.map((k) => ({ value: k, label: kindLabel[k] }))}
      />
      <ProFormText name="title" label="任务名称" rules={[{ required: true }]} />
      <ProFormTextArea name="description" label="任务内容" rules={[{ required: true }]} />
      <ProFormSelect
        name="communityId"
        label="社区"
        rules={[{ required: true }]}
        options={communities.map((c) => ({ value: c.id, label: c.name }))}
      />
      <ProFormDatePicker
        name="planDate"
        label="计划日期（工作日）"
        rules={[{ required: true }]}
        fieldProps={{ format: 'YYYY-MM-DD' }}
      />
      <ProFormDigit name="dueWorkingDays" label="完成期限（工作日，留空按年度策略）" min={1} />
    </ModalForm>
  );
}

/** 指定承办党员 (the agency's secretary), from the agency's reported-in members. */
export function NameMembersDialog({ task, onDone }: { task: TaskRow; onDone: () => void }) {
  const { message } = App.useApp();
  return (
    <ModalForm
      title={`指定承办党员：${task.taskNo}`}
      trigger={<Button size="small">指定党员</Button>}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async (v: { memberIds: string[] }) => {
        const { data, error } = await api.POST('/api/v1/programme/tasks/{id}/members', {
          params: { path: { id: task.id } },
          body: { memberIds: v.memberIds },
        });
        if (!data) {
          message.error(errorMessage(error, '指定失败'));
          return false;
        }
        message.success('已指定承办党员');
        onDone();
        return true;
      }}
    >
      <ProFormSelect
        name="memberIds"
        label="承办党员"
        mode="multiple"
        rules={[{ required: true }]}
        showSearch
        debounceTime={300}
        fieldProps={{ filterOption: false, placeholder: '输入姓名搜索' }}
        request={async ({ keyWords }: { keyWords?: string }) => {
          const { data } = await api.GET('/api/v1/programme/members', {
            params: {
              query: {
                pageSize: 50,
                ...(task.partyOrgId ? { partyOrgId: task.partyOrgId } : {}),
                ...(keyWords?.trim() ? { q: keyWords.trim() } : {}),
              },
            },
          });
          const seen = new Map((data?.items ?? []).map((m) => [m.personId, m.personName]));
          return [...seen].map(([value, label]) => ({ value, label }));
        }}
      />
    </ModalForm>
  );
}

/** 提交完成材料 (a named member). */
export function SubmitEvidenceDialog({ task, onDone }: { task: TaskRow; onDone: () => void }) {
  const { message } = App.useApp();
  return (
    <ModalForm
      title={`提交完成材料：${task.taskNo}`}
      trigger={
        <Button size="small" type="primary">
          提交材料
        </Button>
      }
      modalProps={{ destroyOnHidden: true }}
      onFinish={async (v: { description?: string; photos?: string; attendance?: string; beneficiary?: string }) => {
        const { data, error } = await api.POST('/api/v1/programme/tasks/{id}/evidence', {
          params: { path: { id: task.id } },
          body: {
            ...(v.description ? { description: v.description } : {}),
            ...(lines(v.photos).length ? { photos: lines(v.photos) } : {}),
            ...(lines(v.attendance).length ? { attendance: lines(v.attendance) } : {}),
            ...(v.beneficiary ? { beneficiaryConfirmation: { name: v.beneficiary } } : {}),
          },
        });
        if (!data) {
          message.error(errorMessage(error, '提交失败'));
          return false;
        }
        message.success('完成材料已提交，待社区确认');
        onDone();
        return true;
      }}
    >
      <ProFormTextArea name="description" label="情况说明" />
      <ProFormTextArea name="photos" label="现场照片（每行一个文件）" />
      <ProFormTextArea name="attendance" label="参加人员签到（每行一人）" />
      <ProFormText name="beneficiary" label="受助群众或企业（确认人姓名）" />
    </ModalForm>
  );
}

/** 确认或退回 (the community): the evidence, then confirm, or send back with a comment. */
export function ReviewEvidenceDialog({ task, onDone }: { task: TaskRow; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const review = async (accept: boolean) => {
    if (!accept && !comment.trim()) {
      message.error('退回时请填写退回意见');
      return;
    }
    setBusy(true);
    const { data, error } = await api.POST('/api/v1/programme/tasks/{id}/review', {
      params: { path: { id: task.id } },
      body: accept ? { accept } : { accept, comment: comment.trim() },
    });
    setBusy(false);
    if (!data) {
      message.error(errorMessage(error, '操作失败'));
      return;
    }
    message.success(accept ? `任务 ${task.taskNo} 已确认完成` : `任务 ${task.taskNo} 已退回补充`);
    setOpen(false);
    onDone();
  };
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)}>
        审核材料
      </Button>
      {open && (
        <Modal open title={`审核完成材料：${task.taskNo}`} onCancel={() => setOpen(false)} footer={null}>
          <TaskEvidenceView evidence={task.evidence} />
          <label htmlFor="review-comment" style={{ display: 'block', marginTop: 16 }}>
            退回意见（退回时必填）
          </label>
          <Input.TextArea id="review-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" loading={busy} onClick={() => void review(true)}>
              确认完成
            </Button>
            <Button danger loading={busy} onClick={() => void review(false)}>
              退回补充
            </Button>
          </Space>
        </Modal>
      )}
    </>
  );
}
