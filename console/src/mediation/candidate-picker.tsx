import { Alert, Form, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { roleLabel } from '../layout/console-layout';
import type { DisputeSlot } from './mediation-api';

interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

type Person = { id: string; name: string; positions: { role: string; unit: { name: string } }[] };

/** People in my units matching a name, asked only once typing pauses; a slower earlier answer never replaces a later one. */
function usePeopleSearch(text: string) {
  const [people, setPeople] = useState<Person[]>([]);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setPeople([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      void api.GET('/api/v1/people', { params: { query: { q, page: 1, pageSize: 20 } } }).then(({ data }) => {
        if (!live) return;
        setLoading(false);
        setPeople(data?.items ?? []);
      });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  return { people, loading };
}

const optionOf = (p: Person, known: ReadonlySet<string>): Option => {
  const posts = p.positions.map((pos) => `${pos.unit.name} ${roleLabel[pos.role] ?? pos.role}`).join('、');
  const already = known.has(p.id);
  return {
    value: p.id,
    label: `${p.name}${posts ? `（${posts}）` : ''}${already ? ' · 已在候选名单' : ''}`,
    disabled: already,
  };
};

/**
 * 补充候选人: the convener names people from the organisation for an open slot (e.g. when its candidates are used up);
 * they are invited in the order chosen, after anyone already asked. Mounted only while open.
 */
export function CandidatePicker({
  slot,
  known,
  onSubmit,
  onClose,
}: {
  slot: DisputeSlot;
  /** Already on the slot's list: shown but not selectable. */
  known: ReadonlySet<string>;
  /** Resolves to the API's refusal, or null when the candidates were taken. */
  onSubmit: (personIds: string[]) => Promise<string | null>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ personIds: string[] }>();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { people, loading } = usePeopleSearch(text);
  const options = people.map((p) => optionOf(p, known));
  // selected people stay labelled after the search moves on
  const [picked, setPicked] = useState<Option[]>([]);
  const shown = [...picked.filter((p) => !options.some((o) => o.value === p.value)), ...options];

  const submit = async ({ personIds }: { personIds: string[] }) => {
    setBusy(true);
    setRefusal(null);
    const refused = await onSubmit(personIds);
    setBusy(false);
    if (refused) setRefusal(refused);
    else onClose();
  };

  return (
    <Modal
      open
      title={`补充候选人：${slot.label}`}
      okText="确认补充"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">按所选顺序邀请；已在候选名单中的人员不能重复添加。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="personIds" label="候选人" rules={[{ required: true, message: '请选择候选人' }]}>
          <Select
            mode="multiple"
            showSearch
            filterOption={false}
            searchValue={text}
            onSearch={setText}
            loading={loading}
            options={shown}
            placeholder="输入姓名搜索本辖区人员"
            notFoundContent={text.trim() ? (loading ? '搜索中…' : '没有找到') : '输入姓名搜索'}
            onChange={(ids: string[]) =>
              setPicked((prev) =>
                ids.map((id) => [...prev, ...options].find((o) => o.value === id) ?? { value: id, label: id }),
              )
            }
          />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon role="alert" message={refusal} />}
    </Modal>
  );
}
