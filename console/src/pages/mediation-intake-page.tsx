import { PageContainer } from '@ant-design/pro-components';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage } from '../api/client';
import { PageTitle } from '../layout/page-title';
import { mediationApi, type DisputeParty, type IntakeBody } from '../mediation/mediation-api';
import { DISPUTE_CATEGORIES, partyKindLabel, sourceLabel } from '../mediation/mediation-labels';

interface IntakeForm {
  communityId: string;
  source: IntakeBody['source'];
  category: string;
  subject: string;
  description: string;
  parties: DisputeParty[];
  amountYuan?: number;
  threats: ('gatheringThreat' | 'violenceThreat' | 'vulnerableParties')[];
}

/** 受理矛盾纠纷: the API grades the risk by the policy; the dispute page shows the grade and its reasons. */
export default function MediationIntakePage() {
  const [form] = Form.useForm<IntakeForm>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [communities, setCommunities] = useState<{ value: string; label: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  // One key per filled-in form: a double submit or a retry answers the dispute it created.
  const intakeKey = useMemo(() => `console-${crypto.randomUUID()}`, []);
  // 由诉求转入: the resident request this dispute comes from (its timeline will link here).
  const [params] = useSearchParams();
  const caseId = params.get('case');
  const [fromCase, setFromCase] = useState<{ id: string; caseNo: string } | null>(null);

  useEffect(() => {
    if (!caseId) return;
    void api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } }).then(({ data, error }) => {
      if (!data) return setRefusal(errorMessage(error, '诉求加载失败'));
      setFromCase({ id: data.id, caseNo: data.caseNo });
      const communityId = typeof data.communityId === 'string' ? data.communityId : undefined;
      form.setFieldsValue({
        source: 'REQUEST_CASE',
        description: data.description,
        ...(communityId ? { communityId } : {}),
      });
    });
  }, [caseId, form]);

  useEffect(() => {
    void api
      .GET('/api/v1/org/units', { params: { query: { kind: 'COMMUNITY', page: 1, pageSize: 100 } } })
      .then(({ data }) => {
        const options = (data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
        setCommunities(options);
        if (options.length === 1 && !form.getFieldValue('communityId'))
          form.setFieldValue('communityId', options[0].value);
      });
  }, [form]);

  const submit = async (v: IntakeForm) => {
    setBusy(true);
    setRefusal(null);
    try {
      const created = await mediationApi.intake({
        intakeKey,
        communityId: v.communityId,
        source: v.source,
        ...(v.source === 'REQUEST_CASE' && fromCase ? { requestCaseId: fromCase.id } : {}),
        category: v.category,
        subject: v.subject,
        description: v.description,
        parties: v.parties.map((p) => ({ ...p, headCount: p.headCount ?? 1 })),
        amountYuan: v.amountYuan ?? undefined,
        gatheringThreat: v.threats?.includes('gatheringThreat') ?? false,
        violenceThreat: v.threats?.includes('violenceThreat') ?? false,
        vulnerableParties: v.threats?.includes('vulnerableParties') ?? false,
      });
      message.success(`已受理：${created.disputeNo}`);
      void navigate(`/mediation/${created.id}`);
    } catch (e) {
      setRefusal(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageContainer title={<PageTitle>受理矛盾纠纷</PageTitle>} subTitle="提交后按调解策略计算风险等级并组建联调小组">
      {fromCase && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`由诉求 ${fromCase.caseNo} 转入：受理后该诉求的办理经过将链接到本纠纷。`}
        />
      )}
      <Form<IntakeForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          source: 'WALK_IN',
          category: DISPUTE_CATEGORIES[0],
          threats: [],
          parties: [
            { kind: 'GROUP', name: '', headCount: 1 },
            { kind: 'ENTERPRISE', name: '', headCount: 1 },
          ],
        }}
      >
        <Card title="纠纷情况" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="communityId" label="受理社区" rules={[{ required: true, message: '请选择受理社区' }]}>
                <Select options={communities} showSearch optionFilterProp="label" placeholder="选择社区" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="source" label="来源" rules={[{ required: true }]}>
                <Select
                  disabled={!!fromCase}
                  options={Object.entries(sourceLabel)
                    .filter(([k]) => k !== 'REQUEST_CASE' || fromCase)
                    .map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="category" label="纠纷类别" rules={[{ required: true, message: '请选择纠纷类别' }]}>
                <Select options={DISPUTE_CATEGORIES.map((c) => ({ value: c, label: c }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="subject" label="纠纷事由" rules={[{ required: true, message: '请填写纠纷事由' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="description" label="纠纷情况" rules={[{ required: true, message: '请填写纠纷情况' }]}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="amountYuan" label="涉及金额（元）">
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="threats" label="风险情形">
                <Checkbox.Group
                  options={[
                    { value: 'gatheringThreat', label: '有聚集苗头' },
                    { value: 'violenceThreat', label: '扬言过激或暴力行为' },
                    { value: 'vulnerableParties', label: '涉及老幼病残等弱势当事人' },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="当事人（至少两方）" style={{ marginBottom: 16 }}>
          <Form.List name="parties">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Row gutter={8} key={field.key} align="bottom">
                    <Col span={3}>
                      <Form.Item name={[field.name, 'kind']} label={`第 ${i + 1} 方类型`} rules={[{ required: true }]}>
                        <Select options={Object.entries(partyKindLabel).map(([value, label]) => ({ value, label }))} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={`第 ${i + 1} 方姓名或名称`}
                        rules={[{ required: true, message: '请填写姓名或名称' }]}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[field.name, 'headCount']} label={`第 ${i + 1} 方人数`}>
                        <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item
                        name={[field.name, 'phone']}
                        label={`第 ${i + 1} 方手机号`}
                        rules={[{ pattern: /^1\d{10}$/, message: '手机号须为 11 位' }]}
                      >
                        <Input maxLength={11} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[field.name, 'idNumber']} label={`第 ${i + 1} 方证件号码`}>
                        <Input maxLength={30} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[field.name, 'representative']} label={`第 ${i + 1} 方代表人`}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col span={1}>
                      <Form.Item>
                        <Button
                          icon={<MinusCircleOutlined />}
                          aria-label={`删除第 ${i + 1} 方当事人`}
                          disabled={fields.length <= 2}
                          onClick={() => remove(field.name)}
                        />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'PERSON', name: '', headCount: 1 })}>
                  增加当事人
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 16 }} role="alert" />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            受理并评估风险
          </Button>
        </Space>
      </Form>
    </PageContainer>
  );
}
