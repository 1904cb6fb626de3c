import { App, Button, Input, Modal, Rate, Space } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../api/client';
import type { TaskRow } from './task-dialogs';

/** 录入受益方评价: the community records the stars the resident or enterprise named in the confirmation gave, once. */
export function TaskRatingDialog({ task, onDone }: { task: TaskRow; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const rater = task.evidence?.beneficiaryConfirmation?.name ?? '';
  const save = async () => {
    if (!stars) return void message.error('请选择 1–5 星');
    setBusy(true);
    const { data, error } = await api.POST('/api/v1/programme/tasks/{id}/rating', {
      params: { path: { id: task.id } },
      body: { stars, ...(comment.trim() ? { comment: comment.trim() } : {}) },
    });
    setBusy(false);
    if (!data) return void message.error(errorMessage(error, '评价录入失败'));
    message.success(`已录入 ${rater} 对任务 ${task.taskNo} 的评价（${stars} 星）`);
    setOpen(false);
    onDone();
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        录入评价
      </Button>
      {open && (
        <Modal open title={`受益方评价：${task.taskNo}`} onCancel={() => setOpen(false)} footer={null}>
          <p>评价人：{rater}（完成材料中确认受益的群众或企业）</p>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Rate aria-label="星级" value={stars} onChange={setStars} />
            <label htmlFor="rating-comment">评价意见（选填）</label>
            <Input.TextArea id="rating-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
            <Button type="primary" loading={busy} onClick={() => void save()}>
              提交评价
            </Button>
          </Space>
        </Modal>
      )}
    </>
  );
}
