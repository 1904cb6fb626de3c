import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { CHINA_ZONE } from '../lib/time';
import type { AgreementDto, DisputeDetail } from './mediation-api';
import { MEDIATOR_ROLE_LABELS, partyKindLabel } from './mediation-labels';

const DESIGNATIONS = ['甲方', '乙方', '丙方', '丁方', '戊方', '己方'];
const SLOT_ROLES: Record<string, string> = {
  secretary: 'COMMUNITY_SECRETARY',
  security: 'SECURITY_DIRECTOR',
  police: 'POLICE_OFFICER',
  lawyer: 'LAWYER',
  elder: 'FIVE_ELDERS',
  department: 'DEPARTMENT',
  labour: 'DEPARTMENT',
};

/** A first draft from the dispute: its parties, facts and the panel's members, dated today (China time). */
export function draftAgreement(d: DisputeDetail): AgreementDto {
  const today = dayjs().tz(CHINA_ZONE).format('YYYY-MM-DD');
  const parties = d.parties.map((p, i) => ({
    designation: DESIGNATIONS[i] ?? `第${i + 1}方`,
    name: p.name,
    kind: p.kind,
    headCount: p.headCount ?? 1,
    idNumber: p.idNumber,
    address: p.address,
    contact: p.phone,
    representative: p.representative,
  }));
  return {
    committeeName: '',
    parties,
    facts: d.description,
    disputedMatters: [d.subject],
    responsibilities: parties.map((p) => ({ party: p.designation, text: '' })),
    terms: [''],
    performance: { method: '', deadline: '' },
    partySignatures: parties.map((p) => ({
      party: p.designation,
      signedBy: p.representative ?? p.name,
      signedOn: today,
    })),
    mediatorSignatures: d.slots
      .filter((s) => s.memberName)
      .map((s) => ({
        name: s.memberName as string,
        role: SLOT_ROLES[s.key] ?? 'OTHER',
        roleNote: SLOT_ROLES[s.key] === 'DEPARTMENT' ? s.label : undefined,
        signedOn: today,
      })),
    effectiveOn: today,
  };
}

function TextList({ name, label, add }: { name: string; label: string; add: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add: push, remove }) => (
        <>
          {fields.map((field, i) => (
            <Space key={field.key} align="start" style={{ display: 'flex' }}>
              <Form.Item name={field.name} label={`${label} ${i + 1}`} style={{ width: 720 }}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
              </Form.Item>
              <Button
                icon={<MinusCircleOutlined />}
                aria-label={`删除${label} ${i + 1}`}
                onClick={() => remove(field.name)}
                style={{ marginTop: 30 }}
              />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => push('')} style={{ marginBottom: 16 }}>
            {add}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * 调解协议书 editor: the content 《人民调解法》第二十九条 requires, the signatures and the committee. The API checks the
 * content and names what is missing; the PDF is generated after it is recorded.
 */
export function AgreementEditor({
  detail,
  refusal,
  busy,
  onSubmit,
}: {
  detail: DisputeDetail;
  refusal: string | null;
  busy: boolean;
  onSubmit: (body: AgreementDto) => void;
}) {
  const [form] = Form.useForm<AgreementDto>();
  return (
    <Form<AgreementDto>
      form={form}
      layout="vertical"
      aria-label="调解协议书"
      initialValues={draftAgreement(detail)}
      onFinish={(v) => onSubmit(v)}
    >
      <Card size="small" title="一、当事人基本情况" style={{ marginBottom: 12 }}>
        <Form.List name="parties">
          {(fields) =>
            fields.map((field, i) => (
              <Row gutter={8} key={field.key}>
                <Col span={2}>
                  <Form.Item name={[field.name, 'designation']} label={`称谓 ${i + 1}`}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[field.name, 'name']} label={`姓名或名称 ${i + 1}`}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[field.name, 'kind']} label={`类别 ${i + 1}`}>
                    <Select options={Object.entries(partyKindLabel).map(([value, label]) => ({ value, label }))} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Form.Item name={[field.name, 'headCount']} label={`人数 ${i + 1}`}>
                    <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[field.name, 'idNumber']} label={`证件号码 ${i + 1}`}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[field.name, 'address']} label={`住所 ${i + 1}`}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item name={[field.name, 'representative']} label={`代表人 ${i + 1}`}>
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
            ))
          }
        </Form.List>
      </Card>
      <Card size="small" title="二、纠纷事实、争议事项与责任" style={{ marginBottom: 12 }}>
        <Form.Item name="facts" label="纠纷的主要事实">
          <Input.TextArea rows={4} maxLength={10_000} />
        </Form.Item>
        <TextList name="disputedMatters" label="争议事项" add="增加争议事项" />
        <Form.List name="responsibilities">
          {(fields) =>
            fields.map((field) => (
              <Form.Item
                key={field.key}
                name={[field.name, 'text']}
                label={`${form.getFieldValue(['responsibilities', field.name, 'party']) ?? ''}的责任`}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
              </Form.Item>
            ))
          }
        </Form.List>
      </Card>
      <Card size="small" title="三、协议内容与履行" style={{ marginBottom: 12 }}>
        <TextList name="terms" label="协议条款" add="增加协议条款" />
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name={['performance', 'method']} label="履行方式">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name={['performance', 'deadline']} label="履行期限">
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title="四、签名与调解委员会" style={{ marginBottom: 12 }}>
        <Form.List name="partySignatures">
          {(fields) =>
            fields.map((field) => {
              const party = form.getFieldValue(['partySignatures', field.name, 'party']) as string;
              return (
                <Row gutter={8} key={field.key}>
                  <Col span={8}>
                    <Form.Item name={[field.name, 'signedBy']} label={`${party}签名人`}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[field.name, 'signedOn']} label={`${party}签名日期`}>
                      <Input type="date" />
                    </Form.Item>
                  </Col>
                </Row>
              );
            })
          }
        </Form.List>
        <Form.List name="mediatorSignatures">
          {(fields) =>
            fields.map((field, i) => (
              <Row gutter={8} key={field.key}>
                <Col span={6}>
                  <Form.Item name={[field.name, 'name']} label={`调解员 ${i + 1}`}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[field.name, 'role']} label={`调解员 ${i + 1} 身份`}>
                    <Select
                      options={Object.entries(MEDIATOR_ROLE_LABELS).map(([value, label]) => ({ value, label }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item name={[field.name, 'signedOn']} label={`调解员 ${i + 1} 签名日期`}>
                    <Input type="date" />
                  </Form.Item>
                </Col>
              </Row>
            ))
          }
        </Form.List>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name="committeeName" label="人民调解委员会">
              <Input placeholder="例：××社区人民调解委员会" maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="effectiveOn" label="协议生效日期">
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary">
          协议生效后，当事人可自生效之日起三十日内共同向人民法院申请司法确认（《人民调解法》第三十三条），PDF
          中载明此告知。
        </Typography.Text>
      </Card>
      {refusal && <Alert type="error" showIcon role="alert" message={refusal} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy}>
        登记调解协议并生成 PDF
      </Button>
    </Form>
  );
}
