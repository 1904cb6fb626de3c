import { ProCard, ProFormDigit, ProFormSelect } from '@ant-design/pro-components';
import { Alert, Empty, Space, Table, Typography, type FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { ComponentProps } from 'react';
import { errorMessage } from '../api/client';

/** Shared by every versioned-policy editor (request loop, rating …): fields, the diff, and the API's refusals. */

export type LimitUnit = 'minutes' | 'hours' | 'workingHours' | 'workingDays';
export interface Limit {
  unit: LimitUnit;
  amount: number;
}
export const limitUnitLabel: Record<LimitUnit, string> = {
  minutes: '分钟',
  hours: '小时（全天候）',
  workingHours: '工作小时',
  workingDays: '个工作日',
};
export const limitText = (l: Limit | undefined): string =>
  l ? `${l.amount} ${limitUnitLabel[l.unit] ?? l.unit}` : '—';
const unitOptions = Object.entries(limitUnitLabel).map(([value, label]) => ({ value, label }));

export const required = (what: string) => [{ required: true, message: `请填写${what}` }];

/** A labelled number with its required rule; the label doubles as the screen-reader name. */
export function NumberField({
  name,
  label,
  min,
  precision,
  ...rest
}: { name: NamePath; label: string; min?: number; precision?: number } & Omit<
  ComponentProps<typeof ProFormDigit>,
  'name' | 'label'
>) {
  return (
    <ProFormDigit
      name={name}
      label={label}
      width="xs"
      min={min}
      fieldProps={{ 'aria-label': label, ...(precision !== undefined ? { precision } : {}) }}
      rules={required(label)}
      {...rest}
    />
  );
}

/** A limit: amount and unit side by side, each with its own label for screen readers. */
export function LimitField({ name, label }: { name: NamePath; label: string }) {
  const path = Array.isArray(name) ? name : [name];
  return (
    <Space align="start" wrap>
      <ProFormDigit
        name={[...path, 'amount']}
        label={label}
        min={0}
        fieldProps={{ 'aria-label': `${label}时长`, precision: 2 }}
        rules={required(`${label}时长`)}
        width="xs"
      />
      <ProFormSelect
        name={[...path, 'unit']}
        label="单位"
        options={unitOptions}
        fieldProps={{ 'aria-label': `${label}单位` }}
        rules={required(`${label}单位`)}
        allowClear={false}
        width="sm"
      />
    </Space>
  );
}

export interface FieldChange {
  key: string;
  label: string;
  before: string;
  after: string;
}
export type Described = Map<string, { label: string; value: string }>;

/** Changed settings, old → new; added and removed rows show 「（无）」 on their missing side. */
export function diffDescribed(a: Described, b: Described): FieldChange[] {
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys
    .filter((k) => a.get(k)?.value !== b.get(k)?.value)
    .map((k) => ({
      key: k,
      label: (b.get(k) ?? a.get(k))!.label,
      before: a.get(k)?.value ?? '（无）',
      after: b.get(k)?.value ?? '（无）',
    }));
}

/** The changes against the version in force, before anything is saved. */
export function PolicyDiffTable({ changes, version }: { changes: FieldChange[]; version: number }) {
  return (
    <ProCard title={`与第 ${version} 版相比的变更`} bordered>
      <Table<FieldChange>
        aria-label="策略变更"
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={changes}
        locale={{ emptyText: <Empty description="与当前版本相同，没有变更" /> }}
        columns={[
          { title: '项目', dataIndex: 'label' },
          {
            title: '原值',
            dataIndex: 'before',
            render: (v: string) => (v === '（无）' ? v : <Typography.Text delete>{v}</Typography.Text>),
          },
          {
            title: '新值',
            dataIndex: 'after',
            render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
          },
        ]}
      />
    </ProCard>
  );
}

export interface Issue {
  path: string;
  message: string;
}
export interface Refusal {
  message: string;
  unplaced: Issue[];
}

/** The refusal above the form, with the issues that have no field of their own. */
export function RefusalAlert({ refusal, onClose }: { refusal: Refusal; onClose: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message="保存未成功"
      description={
        <>
          <div>{refusal.message}</div>
          {refusal.unplaced.map((i) => (
            <div key={i.path + i.message}>
              {i.path}：{i.message}
            </div>
          ))}
        </>
      }
      closable
      onClose={onClose}
    />
  );
}

/**
 * The API's validation (`400 { details: [{ path, message }] }`), field by field, back on the form where each setting
 * was entered; `fieldOf` maps an issue's path to the form's name for it (null: listed above the form instead).
 */
export function placeIssues<V>(
  form: FormInstance<V>,
  error: unknown,
  status: number,
  fieldOf: (path: string, values: V) => NamePath | null,
): { refusal: Refusal; placed: number } {
  const details = (error as { details?: unknown } | undefined)?.details;
  const issues: Issue[] = status === 400 && Array.isArray(details) ? (details as Issue[]) : [];
  const values = form.getFieldsValue(true) as V;
  const unplaced: Issue[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of issues) {
    const name = fieldOf(issue.path, values);
    if (!name) {
      unplaced.push(issue);
      continue;
    }
    const path = (Array.isArray(name) ? name : [name]) as (string | number)[];
    const key = JSON.stringify(path);
    const entry = byField.get(key) ?? { name: path, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()] as Parameters<FormInstance<V>['setFields']>[0]);
  return { refusal: { message: errorMessage(error, '保存失败'), unplaced }, placed: byField.size };
}
