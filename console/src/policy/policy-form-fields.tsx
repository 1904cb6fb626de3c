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
import { removeButton } from './remove-button';
import { LimitField, NumberField, required } from './policy-editor-parts';
import {
  escalationLevelLabel,
  limitText,
  limitUnitLabel,
  priorityText,
  type PolicyFormValues,
} from './request-loop-policy';

const unitOptions = Object.entries(limitUnitLabel).map(([value, label]) => ({ value, label }));
const levelOptions = Object.entries(escalationLevelLabel).map(([value, label]) => ({
  value,
  label: `${label}（${value}）`,
}));
const roleOptions = Object.entries(roleLabel).map(([value, label]) => ({ value, label }));

const priorityOptions = (v: Partial<PolicyFormValues>) =>
  (v.resolution ?? [])
    .filter((r) => r?.key)
    .map((r) => ({ value: r.key, label: `${priorityText(r.key)} · ${limitText(r)}` }));

/** Every setting of the request-loop policy, grouped as supervisors think of them. */
export function PolicyFormFields() {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ProCard title="受理与反馈时限" bordered>
        <LimitField name="accept" label="受理时限" />
        <LimitField name="firstResponse" label="首次反馈时限" />
        <LimitField name="contactDepartment" label="联系街道部门时限" />
      </ProCard>

      <ProCard title="办结时限等级" bordered subTitle="各等级的办结时限；类别按下方对应关系取等级">
        <ProFormList
          name="resolution"
          creatorButtonProps={{ creatorButtonText: '添加时限等级' }}
          creatorRecord={{ unit: 'workingDays' }}
          copyIconProps={false}
          actionRender={removeButton('等级', 1)}
          min={1}
        >
          {(_f, index) => (
            <Space align="start" wrap>
              <ProFormText
                name="key"
                label="等级键"
                width="sm"
                fieldProps={{ 'aria-label': `时限等级 ${index + 1} 键` }}
                rules={required('等级键')}
              />
              <ProFormDigit
                name="amount"
                label="时长"
                width="xs"
                min={0}
                fieldProps={{ 'aria-label': `时限等级 ${index + 1} 时长`, precision: 2 }}
                rules={required('时长')}
              />
              <ProFormSelect
                name="unit"
                label="单位"
                width="sm"
                options={unitOptions}
                allowClear={false}
                fieldProps={{ 'aria-label': `时限等级 ${index + 1} 单位` }}
                rules={required('单位')}
              />
            </Space>
          )}
        </ProFormList>
        <ProFormDependency name={['resolution']}>
          {(v) => (
            <ProFormSelect
              name="defaultPriority"
              label="默认时限等级（未单列的类别）"
              width="md"
              options={priorityOptions(v)}
              allowClear={false}
              fieldProps={{ 'aria-label': '默认时限等级' }}
              rules={required('默认时限等级')}
            />
          )}
        </ProFormDependency>
      </ProCard>

      <ProCard title="按类别的办结时限" bordered subTitle="单列的类别取所选等级的时限">
        <ProFormDependency name={['resolution']}>
          {(v) => (
            <ProFormList
              name="categoryLimits"
              creatorButtonProps={{ creatorButtonText: '添加类别' }}
              copyIconProps={false}
              actionRender={removeButton('类别', 0)}
            >
              {(_f, index) => (
                <Space align="start" wrap>
                  <ProFormText
                    name="category"
                    label="类别"
                    width="md"
                    fieldProps={{ 'aria-label': `类别 ${index + 1} 名称` }}
                    rules={required('类别')}
                  />
                  <ProFormSelect
                    name="priority"
                    label="时限等级"
                    width="md"
                    options={priorityOptions(v)}
                    allowClear={false}
                    fieldProps={{ 'aria-label': `类别 ${index + 1} 时限等级` }}
                    rules={required('时限等级')}
                  />
                </Space>
              )}
            </ProFormList>
          )}
        </ProFormDependency>
      </ProCard>

      <ProCard title="提醒点" bordered subTitle="时限用去多少时提醒（百分比，严格递增）">
        <ProFormList
          name="reminders"
          creatorButtonProps={{ creatorButtonText: '添加提醒点' }}
          copyIconProps={false}
          actionRender={removeButton('提醒点', 0)}
        >
          {(_f, index) => (
            <ProFormDigit
              name="percent"
              label={`第 ${index + 1} 次提醒（%）`}
              width="xs"
              fieldProps={{ 'aria-label': `第 ${index + 1} 次提醒百分比`, precision: 2 }}
              rules={required('百分比')}
            />
          )}
        </ProFormList>
      </ProCard>

      <ProCard title="升级阶梯" bordered subTitle="逐级向上：网格员 → 社区 → 街道部门 → 区级督办；每级督办单有其时限">
        <ProFormList
          name="ladder"
          creatorButtonProps={{ creatorButtonText: '添加一级' }}
          copyIconProps={false}
          actionRender={removeButton('级', 0)}
        >
          {(_f, index) => (
            <Space align="start" wrap>
              <ProFormSelect
                name="level"
                label={`第 ${index + 1} 级`}
                width="sm"
                options={levelOptions}
                allowClear={false}
                fieldProps={{ 'aria-label': `升级第 ${index + 1} 级层级` }}
                rules={required('层级')}
              />
              <ProFormSelect
                name="notify"
                label="通知岗位"
                width="md"
                mode="multiple"
                options={roleOptions}
                fieldProps={{ 'aria-label': `升级第 ${index + 1} 级通知岗位` }}
              />
              <LimitField name="limit" label={`第 ${index + 1} 级督办单时限`} />
            </Space>
          )}
        </ProFormList>
      </ProCard>

      <ProCard title="延期、疑似重复与评价" bordered>
        <Space align="start" wrap>
          <NumberField name={['extension', 'maxWorkingDays']} label="延期最多工作日" min={0} />
          <NumberField name={['extension', 'maxExtensions']} label="最多延期次数" min={0} />
          <NumberField name={['duplicates', 'radiusMeters']} label="疑似重复半径（米）" min={0} />
          <NumberField name={['duplicates', 'windowHours']} label="疑似重复时间窗（小时）" min={0} />
          <NumberField name={['rating', 'windowDays']} label="评价期限（天）" min={0} />
        </Space>
        <Typography.Text type="secondary">
          保存时由服务端按策略规则逐项校验，未通过的项目会在对应字段下标出。
        </Typography.Text>
      </ProCard>

      <ProFormTextArea
        name="note"
        label="版本说明"
        fieldProps={{ maxLength: 200, showCount: true }}
        placeholder="如：缩短占道经营类办结时限"
      />
    </Space>
  );
}
