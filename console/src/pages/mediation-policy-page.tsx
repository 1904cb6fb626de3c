import { PageContainer, ProForm } from '@ant-design/pro-components';
import { Alert, App, Button, Form, Result, Space, Spin, Steps } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { mayConfigureDistrictSettings } from '../auth/permissions';
import { Forbidden } from '../auth/require-permission';
import { useSession } from '../auth/session-context';
import { PageTitle } from '../layout/page-title';
import { formatTime } from '../lib/time';
import {
  diffMediationPolicies,
  fromMediationForm,
  mediationFieldOfIssue,
  toMediationForm,
  type MediationFormValues,
  type MediationPolicy,
} from '../policy/mediation-policy';
import { MediationFields } from '../policy/mediation-policy-fields';
import { placeIssues, PolicyDiffTable, RefusalAlert, type Refusal } from '../policy/policy-editor-parts';

interface Current {
  version: number;
  data: MediationPolicy;
  createdAt: string;
  note: string | null;
}
const PROCESS = { params: { path: { process: 'mediation' } } } as const;

function Editor() {
  const { message } = App.useApp();
  const [form] = Form.useForm<MediationFormValues>();
  const [current, setCurrent] = useState<Current | null>(null);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<{ policy: MediationPolicy; note?: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

  const load = useCallback(async () => {
    const { data, error } = await api.GET('/api/v1/policies/{process}', PROCESS);
    if (!data) return setLoadFailure(errorMessage(error, '调解规则加载失败'));
    const view = { ...data, data: data.data as unknown as MediationPolicy };
    setCurrent(view);
    form.setFieldsValue(toMediationForm(view.data));
  }, [form]);
  useEffect(() => {
    void load();
  }, [load]);

  const changes = useMemo(
    () => (current && draft ? diffMediationPolicies(current.data, draft.policy) : []),
    [current, draft],
  );

  const review = async () => {
    const values = await form.validateFields();
    setRefusal(null);
    setSaved(null);
    setDraft({ policy: fromMediationForm(values), note: values.note?.trim() || undefined });
    setStep(1);
  };

  const save = async () => {
    if (!draft || !current) return;
    setSaving(true);
    // A version published meanwhile is diffed against, never overwritten unseen.
    const latest = await api.GET('/api/v1/policies/{process}', PROCESS);
    if (latest.data && latest.data.version !== current.version) {
      setSaving(false);
      setCurrent({ ...latest.data, data: latest.data.data as unknown as MediationPolicy });
      setRefusal({
        message: `调解规则已由他人更新为第 ${latest.data.version} 版，下方变更已改为与新版本对比，请核对后再保存。`,
        unplaced: [],
      });
      return;
    }
    const { data, error, response } = await api.POST('/api/v1/policies/{process}/versions', {
      ...PROCESS,
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
    const placed = placeIssues(form, error, response.status, mediationFieldOfIssue);
    setRefusal(placed.refusal);
    if (placed.placed) setStep(0);
  };

  if (loadFailure) return <Result status="error" title="调解规则加载失败" subTitle={loadFailure} />;
  if (!current) return <Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />;
  return (
    <PageContainer
      title={<PageTitle>调解规则</PageTitle>}
      subTitle={`联调小组风险研判、席位与时限 · 当前生效：第 ${current.version} 版（${formatTime(current.createdAt)}${current.note ? `，${current.note}` : ''}）`}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Steps current={step} items={[{ title: '编辑规则' }, { title: '核对变更并保存' }]} />
        {saved && (
          <Alert
            type="success"
            showIcon
            message={`第 ${saved} 版已发布：此后受理的矛盾纠纷按新规则办理`}
            closable
            onClose={() => setSaved(null)}
          />
        )}
        {refusal && <RefusalAlert refusal={refusal} onClose={() => setRefusal(null)} />}
        <div style={{ display: step === 0 ? 'block' : 'none' }}>
          <ProForm<MediationFormValues>
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
                      form.setFieldsValue(toMediationForm(current.data));
                      setRefusal(null);
                    }}
                  >
                    恢复为当前版本
                  </Button>
                </Space>
              ),
            }}
          >
            <MediationFields />
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

/** 调解规则: district-wide, so only an administrator or a district-level supervisor (the API refuses anyone else). */
export default function MediationPolicyPage() {
  const { me } = useSession();
  return mayConfigureDistrictSettings(me) ? <Editor /> : <Forbidden />;
}
