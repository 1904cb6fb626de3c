import { ProCard, ProFormList, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { Space } from 'antd';
import { mayConfigureDistrictSettings } from '../auth/permissions';
import { Forbidden } from '../auth/require-permission';
import { useSession } from '../auth/session-context';
import { LimitField, NumberField, required } from '../policy/policy-editor-parts';
import {
  cardLevelLabel,
  diffRatingPolicies,
  fromRatingForm,
  holderLabel,
  ratingFieldOfIssue,
  ratingLabels as L,
  toRatingForm,
} from '../policy/rating-policy';
import { VersionedPolicyEditor } from '../policy/versioned-policy-editor';

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

/** 评价规则: district-wide, so only an administrator or a district-level supervisor (the API refuses anyone else). */
export default function RatingPolicyPage() {
  const { me } = useSession();
  if (!mayConfigureDistrictSettings(me)) return <Forbidden />;
  return (
    <VersionedPolicyEditor
      process="rating"
      name="评价规则"
      governs="一事一评与黄牌预警"
      appliesFrom="此后的评价与黄牌按新规则办理"
      toForm={toRatingForm}
      fromForm={fromRatingForm}
      diff={diffRatingPolicies}
      fieldOfIssue={ratingFieldOfIssue}
      fields={<RatingFields />}
    />
  );
}
