import {
  ProCard,
  ProFormDependency,
  ProFormDigit,
  ProFormList,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Space, Typography } from 'antd';
import { roleLabel } from '../layout/console-layout';
import { LimitField, NumberField, required } from './policy-editor-parts';
import { removeButton } from './remove-button';
import {
  gradeLabel,
  levelLabel,
  mediationLabels as L,
  mediationLimitUnitLabel,
  sourceKindLabel,
  type SlotRow,
} from './mediation-policy';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const roleOptions = options(roleLabel);

function GradeField({ name, label }: { name: string; label: string }) {
  return (
    <ProFormSelect
      name={['risk', name]}
      label={label}
      width="xs"
      allowClear={false}
      options={options(gradeLabel)}
      fieldProps={{ 'aria-label': label }}
      rules={required(label)}
    />
  );
}

function SlotFields({ index }: { index: number }) {
  const n = `席位 ${index + 1}`;
  return (
    <Space align="start" wrap>
      <ProFormText
        name="key"
        label="席位键"
        width="sm"
        fieldProps={{ 'aria-label': `${n} 席位键` }}
        rules={required('席位键')}
      />
      <ProFormText
        name="label"
        label="席位名称"
        width="sm"
        fieldProps={{ 'aria-label': `${n} 名称`, maxLength: 20 }}
        rules={required('席位名称')}
      />
      <ProFormSelect
        name="kind"
        label="人选来源"
        width="md"
        allowClear={false}
        options={options(sourceKindLabel)}
        fieldProps={{ 'aria-label': `${n} 人选来源` }}
        rules={required('人选来源')}
      />
      <ProFormDependency name={['kind']}>
        {({ kind }: Partial<SlotRow>) =>
          kind === 'position' ? (
            <Space align="start" wrap>
              <ProFormSelect
                name="level"
                label="范围"
                width="xs"
                allowClear={false}
                initialValue="COMMUNITY"
                options={options(levelLabel)}
                fieldProps={{ 'aria-label': `${n} 岗位范围` }}
                rules={required('岗位范围')}
              />
              <ProFormSelect
                name="roles"
                label="岗位"
                mode="multiple"
                width="md"
                options={roleOptions}
                fieldProps={{ 'aria-label': `${n} 岗位` }}
                rules={required('岗位')}
              />
            </Space>
          ) : kind === 'department' ? (
            <ProFormText
              name="routeCategory"
              label="派往类别（可选）"
              width="sm"
              fieldProps={{ 'aria-label': `${n} 派往类别`, maxLength: 50 }}
            />
          ) : null
        }
      </ProFormDependency>
    </Space>
  );
}

/** Required and optional slots of one panel, chosen among the slots defined above. */
function PanelSlots({ name, what }: { name?: string[]; what: string }) {
  return (
    <ProFormDependency name={['slots']} ignoreFormListField>
      {({ slots }: { slots?: SlotRow[] }) => {
        const slotOptions = (slots ?? [])
          .filter((s) => s?.key)
          .map((s) => ({ value: s.key, label: `${s.label || s.key}（${s.key}）` }));
        return (
          <Space align="start" wrap>
            <ProFormSelect
              name={[...(name ?? []), 'required']}
              label="必选席位"
              mode="multiple"
              width="lg"
              options={slotOptions}
              fieldProps={{ 'aria-label': `${what} 必选席位` }}
            />
            <ProFormSelect
              name={[...(name ?? []), 'optional']}
              label="可选席位"
              mode="multiple"
              width="lg"
              options={slotOptions}
              fieldProps={{ 'aria-label': `${what} 可选席位` }}
            />
          </Space>
        );
      }}
    </ProFormDependency>
  );
}

export function MediationFields() {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ProCard title="风险研判" bordered subTitle="达到阈值或出现所列情形即定为相应等级（取最高者）">
        <Space wrap align="start">
          <NumberField name={['risk', 'headCount', 'medium']} label={L['risk.headCount.medium']} min={1} />
          <NumberField name={['risk', 'headCount', 'high']} label={L['risk.headCount.high']} min={1} />
          <NumberField name={['risk', 'amountYuan', 'medium']} label={L['risk.amountYuan.medium']} min={1} />
          <NumberField name={['risk', 'amountYuan', 'high']} label={L['risk.amountYuan.high']} min={1} />
        </Space>
        <Space wrap align="start">
          <GradeField name="gatheringThreat" label={L['risk.gatheringThreat']} />
          <GradeField name="violenceThreat" label={L['risk.violenceThreat']} />
          <GradeField name="vulnerableParties" label={L['risk.vulnerableParties']} />
        </Space>
      </ProCard>
      <ProCard title="联调小组席位" bordered subTitle="每个席位的人选来源；下方按类别选用">
        <ProFormList
          name="slots"
          creatorButtonProps={{ creatorButtonText: '添加席位' }}
          creatorRecord={{ kind: 'named' }}
          copyIconProps={false}
          alwaysShowItemLabel
          actionRender={removeButton('席位', 1)}
          min={1}
        >
          {(_f, index) => <SlotFields index={index} />}
        </ProFormList>
      </ProCard>
      <ProCard title="按纠纷类别的小组组成" bordered subTitle="未列出的类别按“其他类别”组成">
        <ProFormList
          name="panels"
          creatorButtonProps={{ creatorButtonText: '添加类别' }}
          creatorRecord={{ required: [], optional: [] }}
          copyIconProps={false}
          alwaysShowItemLabel
          actionRender={removeButton('类别', 0)}
        >
          {(_f, index) => (
            <Space align="start" wrap>
              <ProFormText
                name="category"
                label="纠纷类别"
                width="sm"
                fieldProps={{ 'aria-label': `类别 ${index + 1} 名称`, maxLength: 50 }}
                rules={required('纠纷类别')}
              />
              <PanelSlots what={`类别 ${index + 1}`} />
            </Space>
          )}
        </ProFormList>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {L.defaultPanel}
        </Typography.Title>
        <PanelSlots name={['defaultPanel']} what="其他类别" />
      </ProCard>
      <ProCard title="时限与提醒" bordered>
        <LimitField name="invitationLimit" label={L.invitationLimit} />
        <Space align="start" wrap>
          <ProFormDigit
            name={['mediationLimit', 'amount']}
            label={L.mediationLimit}
            min={1}
            width="xs"
            fieldProps={{ 'aria-label': `${L.mediationLimit}天数`, precision: 0 }}
            rules={required(`${L.mediationLimit}天数`)}
          />
          <ProFormSelect
            name={['mediationLimit', 'unit']}
            label="计日方式"
            width="sm"
            allowClear={false}
            options={options(mediationLimitUnitLabel)}
            fieldProps={{ 'aria-label': `${L.mediationLimit}计日方式` }}
            rules={required(`${L.mediationLimit}计日方式`)}
          />
        </Space>
        <LimitField name="supervisionOrderLimit" label={L.supervisionOrderLimit} />
        <LimitField name="sessionReminderLead" label={L.sessionReminderLead} />
        <NumberField name="judicialConfirmationDays" label={L.judicialConfirmationDays} min={1} />
      </ProCard>
      <ProCard title="回访" bordered subTitle="调解成功后按间隔回访（自调解结束起，递增）">
        <ProFormList
          name="visits"
          creatorButtonProps={{ creatorButtonText: '添加回访' }}
          copyIconProps={false}
          alwaysShowItemLabel
          actionRender={removeButton('回访', 1)}
          min={1}
        >
          {(_f, index) => <NumberField name="days" label={`第 ${index + 1} 次回访（天）`} min={1} precision={0} />}
        </ProFormList>
        <Space wrap align="start">
          <NumberField name="visitReminderEveryDays" label={L.visitReminderEveryDays} min={1} />
          <NumberField name="visitMaxReminders" label={L.visitMaxReminders} min={0} />
        </Space>
      </ProCard>
      <ProFormTextArea
        name="note"
        label="修改说明（可选）"
        fieldProps={{ 'aria-label': '修改说明', maxLength: 200, showCount: true }}
      />
    </Space>
  );
}
