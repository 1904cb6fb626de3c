import { PageContainer, ProCard, ProForm } from '@ant-design/pro-components';
import { Alert, App, Button, Form, Result, Space, Spin, Steps } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { mayConfigureDistrictSettings } from '../auth/permissions';
import { Forbidden } from '../auth/require-permission';
import { useSession } from '../auth/session-context';
import { PageTitle } from '../layout/page-title';
import { formatTime } from '../lib/time';
import { CalendarPreview } from '../policy/calendar-preview';
import { placeIssues, PolicyDiffTable, RefusalAlert, type Refusal } from '../policy/policy-editor-parts';
import { PolicyFormFields } from '../policy/policy-form-fields';
import { PolicyMigrationStep } from '../policy/policy-migration-step';
import {
  diffPolicies,
  fieldOfIssue,
  fromFormValues,
  toFormValues,
  type FieldChange,
  type PolicyFormValues,
  type RequestLoopPolicy,
} from '../policy/request-loop-policy';

interface Current {
  version: number;
  data: RequestLoopPolicy;
  createdAt: string;
  note: string | null;
}

/** The first category whose resolution limit the draft changes: what the calendar preview opens with. */
function changedCategory(before: RequestLoopPolicy, after: RequestLoopPolicy): string | undefined {
  const limitOf = (p: RequestLoopPolicy, c: string) =>
    JSON.stringify(p.clocks.resolution[p.categoryLimits[c] ?? p.defaultPriority]);
  return Object.keys(after.categoryLimits).find((c) => limitOf(before, c) !== limitOf(after, c));
}

function Editor() {
  const { me } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<PolicyFormValues>();
  const [current, setCurrent] = useState<Current | null>(null);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<{ policy: RequestLoopPolicy; note?: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState<{ version: number; category?: string } | null>(null);
  // Deadlines are previewed on the calendar of the person's district (the one cases in it are frozen with).
  const districtId = me?.positions.find((p) => p.unitKind === 'DISTRICT')?.unitId;

  const load = useCallback(async () => {
    const { data, error } = await api.GET('/api/v1/policies/{process}', {
      params: { path: { process: 'request-loop' } },
    });
    if (!data) return setLoadFailure(errorMessage(error, '流程策略加载失败'));
    const view = { ...data, data: data.data as unknown as RequestLoopPolicy };
    setCurrent(view);
    form.setFieldsValue(toFormValues(view.data));
  }, [form]);
  useEffect(() => {
    void load();
  }, [load]);

  const changes: FieldChange[] = useMemo(
    () => (current && draft ? diffPolicies(current.data, draft.policy) : []),
    [current, draft],
  );

  const review = async () => {
    const values = await form.validateFields();
    setRefusal(null);
    setDraft({ policy: fromFormValues(values), note: values.note?.trim() || undefined });
    setStep(1);
  };

  const save = async () => {
    if (!draft || !current) return;
    setSaving(true);
    // Someone else may have published meanwhile: the diff is then re-checked against their version, never overwritten
    // unseen.
    const latest = await api.GET('/api/v1/policies/{process}', { params: { path: { process: 'request-loop' } } });
    if (latest.data && latest.data.version !== current.version) {
      setSaving(false);
      setCurrent({ ...latest.data, data: latest.data.data as unknown as RequestLoopPolicy });
      setRefusal({
        message: `策略已由他人更新为第 ${latest.data.version} 版，下方变更已改为与新版本对比，请核对后再保存（或返回修改）。`,
        unplaced: [],
      });
      return;
    }
    const { data, error, response } = await api.POST('/api/v1/policies/{process}/versions', {
      params: { path: { process: 'request-loop' } },
      body: { ...draft.policy, ...(draft.note ? { note: draft.note } : {}) } as never,
    });
    setSaving(false);
    if (data) {
      message.success(`已发布第 ${data.version} 版`);
      setSaved({ version: data.version, category: changedCategory(current.data, draft.policy) });
      setStep(2);
      return;
    }
    const placed = placeIssues(form, error, response.status, fieldOfIssue);
    setRefusal(placed.refusal);
    if (placed.placed) setStep(0);
  };

  if (loadFailure) return <Result status="error" title="流程策略加载失败" subTitle={loadFailure} />;
  if (!current) return <Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />;

  return (
    <PageContainer
      title={<PageTitle>诉求流程策略</PageTitle>}
      subTitle={`当前生效：第 ${current.version} 版（${formatTime(current.createdAt)}${current.note ? `，${current.note}` : ''}）`}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Steps
          current={step}
          items={[{ title: '编辑策略' }, { title: '核对变更并保存' }, { title: '迁移进行中的诉求' }]}
        />
        {refusal && <RefusalAlert refusal={refusal} onClose={() => setRefusal(null)} />}
        <div style={{ display: step === 0 ? 'block' : 'none' }}>
          <ProForm<PolicyFormValues>
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
                      form.setFieldsValue(toFormValues(current.data));
                      setRefusal(null);
                    }}
                  >
                    恢复为当前版本
                  </Button>
                </Space>
              ),
            }}
          >
            <PolicyFormFields />
          </ProForm>
        </div>
        {step === 1 && draft && (
          <>
            <PolicyDiffTable changes={changes} version={current.version} />
            <ProCard title="工作日历预览" bordered subTitle="按当前生效的工作日历（节假日、调休）计算，时间为北京时间">
              <CalendarPreview
                before={current.data}
                after={draft.policy}
                districtId={districtId}
                initialCategory={changedCategory(current.data, draft.policy)}
              />
            </ProCard>
            <Space>
              <Button onClick={() => setStep(0)}>返回修改</Button>
              <Button type="primary" loading={saving} disabled={!changes.length} onClick={() => void save()}>
                保存为第 {current.version + 1} 版
              </Button>
            </Space>
          </>
        )}
        {step === 2 && saved && (
          <ProCard title={`第 ${saved.version} 版已发布`} bordered>
            <Space direction="vertical" style={{ width: '100%' }}>
              <Alert type="success" showIcon message={`此后登记的诉求按第 ${saved.version} 版办理。`} />
              <PolicyMigrationStep toVersion={saved.version} category={saved.category} />
              <Button
                onClick={() => {
                  setSaved(null);
                  setDraft(null);
                  setStep(0);
                  void load();
                }}
              >
                完成，返回编辑
              </Button>
            </Space>
          </ProCard>
        )}
      </Space>
    </PageContainer>
  );
}

/** 流程策略: only an administrator or a district-level supervisor may change it (the API refuses anyone else). */
export default function PolicyEditorPage() {
  const { me } = useSession();
  return mayConfigureDistrictSettings(me) ? <Editor /> : <Forbidden />;
}
