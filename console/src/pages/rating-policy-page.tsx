import {
  PageContainer,
  ProCard,
  ProForm,
  ProFormList,
  ProFormSelect,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Alert, App, Button, Form, Result, Space, Spin, Steps } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { mayConfigureDistrictSettings } from '../auth/permissions';
import { Forbidden } from '../auth/require-permission';
import { useSession } from '../auth/session-context';
import { PageTitle } from '../layout/page-title';
import { formatTime } from '../lib/time';
import {
  LimitField,
  NumberField,
  placeIssues,
  PolicyDiffTable,
  RefusalAlert,
  required,
  type Refusal,
} from '../policy/policy-editor-parts';
import {
  cardLevelLabel,
  diffRatingPolicies,
  fromRatingForm,
  holderLabel,
  ratingFieldOfIssue,
  ratingLabels as L,
  toRatingForm,
  type RatingFormValues,
  type RatingPolicy,
} from '../policy/rating-policy';

interface Current {
  version: number;
  data: RatingPolicy;
  createdAt: string;
  note: string | null;
}
const PROCESS = { params: { path: { process: 'rating' } } } as const;

function RatingFields() {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ProCard title="一事一评积分" bordered subTitle="好评加分、差评扣分（黄牌申诉成立时冲销）">
        <Space wrap align="start">
          <NumberField name={['points', 'fiveStar', 'unit']} label={L['points.fiveStar.unit']} />
          <NumberField name={['points', 'fiveStar', 'person']} label={L['points.fiveStar.person']} />
          <NumberField name={['points', 'oneStar', 'unit']} label={L['points.oneStar.unit']} />
          <NumberField name={['points', 'oneStar', 'person']} label={L['points.oneStar.person']} />
        </Space>
      </ProCard>
      <ProCard title="黄牌预警" bordered>
        <ProFormSelect
          name={['yellowCard', 'holder']}
          label={L['yellowCard.holder']}
          width="sm"
          allowClear={false}
          options={Object.entries(holderLabel).map(([value, label]) => ({ value, label }))}
          fieldProps={{ 'aria-label': L['yellowCard.holder'] }}
          rules={required(L['yellowCard.holder'])}
        />
        <LimitField name={['yellowCard', 'explanationLimit']} label={L['yellowCard.explanationLimit']} />
        <LimitField name={['yellowCard', 'resubmitLimit']} label={L['yellowCard.resubmitLimit']} />
        <LimitField name={['yellowCard', 'appealWindow']} label={L['yellowCard.appealWindow']} />
        <ProFormList
          name={['yellowCard', 'reminders']}
          label={`${L['yellowCard.reminderFractions']}（时限的百分比，递增）`}
          creatorButtonProps={{ creatorButtonText: '添加提醒点' }}
          copyIconProps={false}
          deleteIconProps={{ tooltipText: '删除此提醒点' }}
        >
          {(_f, index) => <NumberField name="percent" label={`第 ${index + 1} 次黄牌提醒（%）`} precision={2} />}
        </ProFormList>
        <ProFormSelect
          name={['yellowCard', 'escalation']}
          label={`${L['yellowCard.escalation']}（按顺序）`}
          mode="multiple"
          width="md"
          options={Object.entries(cardLevelLabel).map(([value, label]) => ({ value, label }))}
          fieldProps={{ 'aria-label': L['yellowCard.escalation'] }}
        />
      </ProCard>
      <ProCard title="重复黄牌" bordered subTitle="统计周期内累计黄牌达到阈值时约谈、列入述职评议">
        <Space wrap align="start">
          <NumberField name={['repeats', 'periodDays']} label={L['repeats.periodDays']} />
          <NumberField name={['repeats', 'interviewAt']} label={L['repeats.interviewAt']} />
          <NumberField name={['repeats', 'annualReviewAt']} label={L['repeats.annualReviewAt']} />
        </Space>
        <LimitField name={['repeats', 'interviewLimit']} label={L['repeats.interviewLimit']} />
      </ProCard>
      <ProFormTextArea
        name="note"
        label="修改说明（可选）"
        fieldProps={{ 'aria-label': '修改说明', maxLength: 200, showCount: true }}
      />
    </Space>
  );
}

function Editor() {
  const { message } = App.useApp();
  const [form] = Form.useForm<RatingFormValues>();
  const [current, setCurrent] = useState<Current | null>(null);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<{ policy: RatingPolicy; note?: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [saved, setSaved] = useState<number | null>(null);

  const load = useCallback(async () => {
    const { data, error } = await api.GET('/api/v1/policies/{process}', PROCESS);
    if (!data) return setLoadFailure(errorMessage(error, '评价规则加载失败'));
    const view = { ...data, data: data.data as unknown as RatingPolicy };
    setCurrent(view);
    form.setFieldsValue(toRatingForm(view.data));
  }, [form]);
  useEffect(() => {
    void load();
  }, [load]);

  const changes = useMemo(
    () => (current && draft ? diffRatingPolicies(current.data, draft.policy) : []),
    [current, draft],
  );

  const review = async () => {
    const values = await form.validateFields();
    setRefusal(null);
    setSaved(null);
    setDraft({ policy: fromRatingForm(values), note: values.note?.trim() || undefined });
    setStep(1);
  };

  const save = async () => {
    if (!draft || !current) return;
    setSaving(true);
    // A version published meanwhile is diffed against, never overwritten unseen.
    const latest = await api.GET('/api/v1/policies/{process}', PROCESS);
    if (latest.data && latest.data.version !== current.version) {
      setSaving(false);
      setCurrent({ ...latest.data, data: latest.data.data as unknown as RatingPolicy });
      setRefusal({
        message: `评价规则已由他人更新为第 ${latest.data.version} 版，下方变更已改为与新版本对比，请核对后再保存。`,
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
    const placed = placeIssues(form, error, response.status, ratingFieldOfIssue);
    setRefusal(placed.refusal);
    if (placed.placed) setStep(0);
  };

  if (loadFailure) return <Result status="error" title="评价规则加载失败" subTitle={loadFailure} />;
  if (!current) return <Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />;
  return (
    <PageContainer
      title={<PageTitle>评价规则</PageTitle>}
      subTitle={`一事一评与黄牌预警 · 当前生效：第 ${current.version} 版（${formatTime(current.createdAt)}${current.note ? `，${current.note}` : ''}）`}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Steps current={step} items={[{ title: '编辑规则' }, { title: '核对变更并保存' }]} />
        {saved && (
          <Alert
            type="success"
            showIcon
            message={`第 ${saved} 版已发布：此后的评价与黄牌按新规则办理`}
            closable
            onClose={() => setSaved(null)}
          />
        )}
        {refusal && <RefusalAlert refusal={refusal} onClose={() => setRefusal(null)} />}
        <div style={{ display: step === 0 ? 'block' : 'none' }}>
          <ProForm<RatingFormValues>
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
                      form.setFieldsValue(toRatingForm(current.data));
                      setRefusal(null);
                    }}
                  >
                    恢复为当前版本
                  </Button>
                </Space>
              ),
            }}
          >
            <RatingFields />
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

/** 评价规则: district-wide, so only an administrator or a district-level supervisor (the API refuses anyone else). */
export default function RatingPolicyPage() {
  const { me } = useSession();
  return mayConfigureDistrictSettings(me) ? <Editor /> : <Forbidden />;
}
