import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { EVIDENCE_LABELS, kindLabel, taskKinds } from './programme-labels';

interface Issue {
  path: string;
  message: string;
}
type Timing = Record<'roundDays' | 'inspectorReminderDays' | 'interviewAfterDays' | 'interviewReminderDays', number>;
type Policy = Record<string, unknown> & {
  targets: Record<string, number>;
  evidence: Record<string, string[]>;
  inspectionTiming?: Timing;
};
type Values = Pick<Policy, 'targets' | 'evidence'> & { inspectionTiming: Timing; note?: string };
const evidenceOptions = Object.entries(EVIDENCE_LABELS).map(([value, label]) => ({ value, label }));
/** What a year saved before the timings were settings runs with (the API's defaults). */
const DEFAULT_TIMING: Timing = {
  roundDays: 15,
  inspectorReminderDays: 3,
  interviewAfterDays: 5,
  interviewReminderDays: 1,
};
const timingFields: [keyof Timing, string][] = [
  ['roundDays', '督查期限（天）'],
  ['inspectorReminderDays', '截止前提醒督查组（天）'],
  ['interviewAfterDays', '督查结束后约谈（天）'],
  ['interviewReminderDays', '约谈前提醒（天）'],
];

/** The year's "五个一" targets, required evidence and inspection/interview timings; the API validates, and its issues land on their fields. */
export function YearPolicyForm({
  year,
  editable,
  onSaved,
}: {
  year: number;
  /** Only a district-level supervisor or an administrator may change a year's policy (the API refuses others). */
  editable: boolean;
  onSaved: (version: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setPolicy(null);
    setRefusal(null);
    void api.GET('/api/v1/programme/years/{year}', { params: { path: { year } } }).then(({ data, error }) => {
      if (!data) return setRefusal(errorMessage(error, '年度设置加载失败'));
      const p = data.policy as Policy;
      setPolicy(p);
      setVersion(data.policyVersion);
      form.setFieldsValue({
        targets: p.targets,
        evidence: p.evidence,
        inspectionTiming: p.inspectionTiming ?? DEFAULT_TIMING,
        note: '',
      });
    });
  }, [year, form]);

  const save = async (v: Values) => {
    if (!policy) return;
    setSaving(true);
    const { data, error, response } = await api.PUT('/api/v1/programme/years/{year}/policy', {
      params: { path: { year } },
      body: {
        ...policy,
        targets: v.targets,
        evidence: v.evidence,
        inspectionTiming: v.inspectionTiming,
        ...(v.note ? { note: v.note } : {}),
      } as never,
    });
    setSaving(false);
    if (data) {
      setRefusal(null);
      setVersion(data.policyVersion);
      setPolicy(data.policy as Policy);
      message.success(`${year} 年度设置已保存（第 ${data.policyVersion} 版）`);
      onSaved(data.policyVersion);
      return;
    }
    const details = (error as { details?: unknown } | undefined)?.details;
    const issues: Issue[] = response.status === 400 && Array.isArray(details) ? (details as Issue[]) : [];
    const placed = issues.filter((i) => /^((targets|evidence)\.[A-Z_]+|inspectionTiming\.[a-zA-Z]+)$/.test(i.path));
    form.setFields(placed.map((i) => ({ name: i.path.split('.'), errors: [i.message] })));
    const unplaced = issues.filter((i) => !placed.includes(i)).map((i) => i.message);
    // Issues shown on their fields need no repeating in the banner (its path text means nothing to a person).
    setRefusal(
      placed.length && !unplaced.length
        ? '未保存：请按标红字段下方的提示修改'
        : [errorMessage(error, '保存失败'), ...unplaced].join('；'),
    );
  };

  return (
    <Card title={`${year} 年度任务设置${version ? `（第 ${version} 版）` : ''}`} style={{ marginBottom: 16 }}>
      {!editable && (
        <Alert
          type="info"
          showIcon
          message="年度设置由区级督导或系统管理员修改，此处仅供查看"
          style={{ marginBottom: 16 }}
        />
      )}
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={!policy || !editable}>
        <Space wrap size="large" align="start">
          {taskKinds.map((k) => (
            <Form.Item key={k} name={['targets', k]} label={`${kindLabel[k]}年度目标（次）`}>
              {/* No min: the API's rule (and its Chinese message) is the one that counts. */}
              <InputNumber precision={0} style={{ width: 140 }} />
            </Form.Item>
          ))}
        </Space>
        {taskKinds.map((k) => (
          <Form.Item key={k} name={['evidence', k]} label={`${kindLabel[k]}完成材料`}>
            <Checkbox.Group options={evidenceOptions} />
          </Form.Item>
        ))}
        <Space wrap size="large" align="start">
          {timingFields.map(([key, label]) => (
            <Form.Item key={key} name={['inspectionTiming', key]} label={label}>
              <InputNumber precision={0} style={{ width: 140 }} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="note" label="修改说明">
          <Input maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存年度设置
        </Button>
      </Form>
    </Card>
  );
}
