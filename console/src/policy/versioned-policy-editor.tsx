import { PageContainer, ProForm } from '@ant-design/pro-components';
import { Alert, App, Button, Form, Result, Space, Spin, Steps } from 'antd';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { NamePath } from 'antd/es/form/interface';
import { api, errorMessage } from '../api/client';
import { PageTitle } from '../layout/page-title';
import { formatTime } from '../lib/time';
import { placeIssues, PolicyDiffTable, RefusalAlert, type FieldChange, type Refusal } from './policy-editor-parts';

/** What differs between the editors of one versioned process policy and another. */
export interface VersionedPolicyEditorProps<P, F extends { note?: string }> {
  process: 'rating' | 'mediation';
  /** e.g. 评价规则 */
  name: string;
  /** what the policy governs, before the version in force in the subtitle */
  governs: string;
  /** what happens once a version is published, after 第 n 版已发布： */
  appliesFrom: string;
  toForm(policy: P): F;
  fromForm(values: F): P;
  diff(before: P, after: P): FieldChange[];
  fieldOfIssue(path: string, values: F): NamePath | null;
  fields: ReactNode;
}

interface Current<P> {
  version: number;
  data: P;
  createdAt: string;
  note: string | null;
}

/**
 * Edit → review the old → new diff → publish a new version. The API's 400 `details` land on their fields; a version
 * someone else published meanwhile is diffed against, never overwritten unseen.
 */
export function VersionedPolicyEditor<P, F extends { note?: string }>(props: VersionedPolicyEditorProps<P, F>) {
  const { process, name, toForm, fromForm, diff, fieldOfIssue } = props;
  const path = useMemo(() => ({ params: { path: { process } } }) as const, [process]);
  const { message } = App.useApp();
  const [form] = Form.useForm<F>();
  const [current, setCurrent] = useState<Current<P> | null>(null);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<{ policy: P; note?: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

  const load = useCallback(async () => {
    const { data, error } = await api.GET('/api/v1/policies/{process}', path);
    if (!data) return setLoadFailure(errorMessage(error, `${name}加载失败`));
    const view = { ...data, data: data.data as unknown as P };
    setCurrent(view);
    form.setFieldsValue(toForm(view.data) as never);
  }, [form, path, name, toForm]);
  useEffect(() => {
    void load();
  }, [load]);

  const changes = useMemo(() => (current && draft ? diff(current.data, draft.policy) : []), [current, draft, diff]);

  const review = async () => {
    const values = await form.validateFields();
    setRefusal(null);
    setSaved(null);
    setDraft({ policy: fromForm(values), note: values.note?.trim() || undefined });
    setStep(1);
  };

  const save = async () => {
    if (!draft || !current) return;
    setSaving(true);
    const latest = await api.GET('/api/v1/policies/{process}', path);
    if (latest.data && latest.data.version !== current.version) {
      setSaving(false);
      setCurrent({ ...latest.data, data: latest.data.data as unknown as P });
      setRefusal({
        message: `${name}已由他人更新为第 ${latest.data.version} 版，下方变更已改为与新版本对比，请核对后再保存。`,
        unplaced: [],
      });
      return;
    }
    const { data, error, response } = await api.POST('/api/v1/policies/{process}/versions', {
      ...path,
      body: { ...draft.policy, ...(draft.note ? { note: draft.note } : {}) } as never,
    });
    setSaving(false);
    if (data) {
      message.success(`已发布第 ${data.version} 版`);
      setSaved(data.version);
      setDraft(null);
      setStep(0);
      await load();
      return;
    }
    const placed = placeIssues(form, error, response.status, fieldOfIssue);
    setRefusal(placed.refusal);
    if (placed.placed) setStep(0);
  };

  if (loadFailure) return <Result status="error" title={`${name}加载失败`} subTitle={loadFailure} />;
  if (!current) return <Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />;
  return (
    <PageContainer
      title={<PageTitle>{name}</PageTitle>}
      subTitle={`${props.governs} · 当前生效：第 ${current.version} 版（${formatTime(current.createdAt)}${current.note ? `，${current.note}` : ''}）`}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Steps current={step} items={[{ title: '编辑规则' }, { title: '核对变更并保存' }]} />
        {saved && (
          <Alert
            type="success"
            showIcon
            message={`第 ${saved} 版已发布：${props.appliesFrom}`}
            closable
            onClose={() => setSaved(null)}
          />
        )}
        {refusal && <RefusalAlert refusal={refusal} onClose={() => setRefusal(null)} />}
        <div style={{ display: step === 0 ? 'block' : 'none' }}>
          <ProForm<F>
            form={form}
            layout="vertical"
            submitter={{
              render: () => (
                <Space>
                  <Button type="primary" onClick={() => void review().catch(() => undefined)}>
                    核对变更
                  </Button>
                  <Button
                    onClick={() => {
                      form.resetFields();
                      form.setFieldsValue(toForm(current.data) as never);
                      setRefusal(null);
                    }}
                  >
                    恢复为当前版本
                  </Button>
                </Space>
              ),
            }}
          >
            {props.fields}
          </ProForm>
        </div>
        {step === 1 && draft && (
          <>
            <PolicyDiffTable changes={changes} version={current.version} />
            <Space>
              <Button onClick={() => setStep(0)}>返回修改</Button>
              <Button type="primary" loading={saving} disabled={!changes.length} onClick={() => void save()}>
                保存为第 {current.version + 1} 版
              </Button>
            </Space>
          </>
        )}
      </Space>
    </PageContainer>
  );
}
