import { Alert, Button, Card, Descriptions, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import type { DisputeDetail, JudicialConfirmationBody } from './mediation-api';
import { chineseDate, judicialWindow, todayInChina } from './mediation-derived';

export const JUDICIAL_RESULT_LABELS: Record<JudicialConfirmationBody['result'], string> = {
  PENDING: '已申请，待法院裁定',
  CONFIRMED: '法院裁定确认协议有效',
  REJECTED: '法院裁定不予确认（驳回申请）',
};
const resultColor: Record<string, string> = { PENDING: 'processing', CONFIRMED: 'green', REJECTED: 'red' };

function Reminder({ detail }: { detail: DisputeDetail }) {
  const w = judicialWindow(detail);
  if (!w) return null;
  const left = w.daysLeft > 0 ? `还剩 ${w.daysLeft} 天` : w.daysLeft === 0 ? '今天是最后一天' : '已超过申请期限';
  return (
    <section aria-label="司法确认提醒">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={
          <span>
            {`双方当事人可以自调解协议生效之日（${chineseDate(detail.agreement?.effectiveOn ?? '')}）起 ${w.days} 日内共同向人民法院申请司法确认（《人民调解法》第三十三条），最后一日为 `}
            <Typography.Text strong data-last-day={w.lastDay}>
              {chineseDate(w.lastDay)}
            </Typography.Text>
            （北京时间）。
          </span>
        }
        description={left}
      />
    </section>
  );
}

/**
 * 司法确认: the Article 33 reminder with its last day, then the application (date, court) and later the court's ruling,
 * as the API records them. The date and court are checked by the API, which answers in Chinese; nothing is recorded
 * on a refusal.
 */
export function JudicialConfirmationPanel({
  detail,
  canWrite,
  busy,
  refusal,
  onRecord,
}: {
  detail: DisputeDetail;
  canWrite: boolean;
  busy: boolean;
  refusal: string | null;
  onRecord: (body: JudicialConfirmationBody) => Promise<boolean>;
}) {
  const [applyForm] = Form.useForm<JudicialConfirmationBody>();
  const [resultForm] = Form.useForm<{ result: JudicialConfirmationBody['result']; note?: string }>();
  const recorded = detail.judicialConfirmation;
  const writable = canWrite && ['AGREED', 'CLOSED'].includes(detail.status);
  return (
    <Card size="small" title="司法确认" style={{ marginBottom: 16 }}>
      <Reminder detail={detail} />
      {recorded ? (
        <section aria-label="司法确认记录">
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="申请日期">{chineseDate(recorded.appliedOn)}</Descriptions.Item>
            <Descriptions.Item label="受理法院">{recorded.court}</Descriptions.Item>
            <Descriptions.Item label="结果">
              <Tag color={resultColor[recorded.result]} data-judicial-result={recorded.result}>
                {JUDICIAL_RESULT_LABELS[recorded.result] ?? recorded.result}
              </Tag>
            </Descriptions.Item>
            {recorded.note && <Descriptions.Item label="备注">{recorded.note}</Descriptions.Item>}
          </Descriptions>
        </section>
      ) : (
        !writable && <Typography.Text type="secondary">尚未登记司法确认申请。</Typography.Text>
      )}
      {writable && !recorded && (
        <Form<JudicialConfirmationBody>
          form={applyForm}
          layout="vertical"
          aria-label="登记司法确认申请"
          style={{ maxWidth: 640, marginTop: 12 }}
          initialValues={{ appliedOn: todayInChina(), court: '', result: 'PENDING' }}
          onFinish={(v) => void onRecord({ ...v, note: v.note?.trim() || undefined })}
        >
          <Form.Item name="appliedOn" label="申请日期" extra="格式 YYYY-MM-DD（北京时间）">
            <Input maxLength={10} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="court" label="受理法院">
            <Input maxLength={100} placeholder="如：某某区人民法院" />
          </Form.Item>
          <Form.Item name="result" label="结果">
            <Radio.Group options={Object.entries(JUDICIAL_RESULT_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Space direction="vertical">
            {refusal && <Alert type="error" showIcon role="alert" message={refusal} />}
            <Button type="primary" htmlType="submit" loading={busy}>
              登记司法确认申请
            </Button>
          </Space>
        </Form>
      )}
      {writable && recorded?.result === 'PENDING' && (
        <Form
          form={resultForm}
          layout="vertical"
          aria-label="登记司法确认结果"
          style={{ maxWidth: 640, marginTop: 12 }}
          onFinish={(v) =>
            void onRecord({
              appliedOn: recorded.appliedOn,
              court: recorded.court,
              result: v.result,
              note: v.note?.trim() || recorded.note || undefined,
            })
          }
        >
          <Form.Item name="result" label="法院裁定结果" rules={[{ required: true, message: '请选择法院的裁定结果' }]}>
            <Radio.Group
              options={(['CONFIRMED', 'REJECTED'] as const).map((value) => ({
                value,
                label: JUDICIAL_RESULT_LABELS[value],
              }))}
            />
          </Form.Item>
          <Form.Item name="note" label="备注（如裁定书文号）">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <Space direction="vertical">
            {refusal && <Alert type="error" showIcon role="alert" message={refusal} />}
            <Button type="primary" htmlType="submit" loading={busy}>
              登记司法确认结果
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
