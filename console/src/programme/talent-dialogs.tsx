import { ModalForm, ProFormDigit, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { App, Button } from 'antd';
import { api, errorMessage } from '../api/client';
import { kindLabel, taskKinds } from './programme-labels';
import { availabilityOptions, skillOptions } from './talent-labels';

/** A member registers (or updates) one skill; without an address they are placed at the community they report to. */
export function RegisterTalentDialog({ onDone }: { onDone: () => void }) {
  const { message } = App.useApp();
  return (
    <ModalForm<{ skill: string; availability: string; note?: string; address?: string }>
      title="登记我的技能"
      trigger={<Button>登记我的技能</Button>}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ availability: 'ANYTIME' }}
      onFinish={async (v) => {
        const { data, error } = await api.POST('/api/v1/my/talents', {
          body: {
            ...v,
            skill: v.skill as never,
            availability: v.availability as never,
            address: v.address || undefined,
          },
        });
        if (!data) {
          message.error(errorMessage(error, '登记失败'));
          return false;
        }
        message.success('已登记到人才超市');
        onDone();
        return true;
      }}
    >
      <ProFormSelect name="skill" label="技能" rules={[{ required: true }]} options={skillOptions} showSearch />
      <ProFormSelect
        name="availability"
        label="可服务时间"
        rules={[{ required: true }]}
        options={availabilityOptions}
      />
      <ProFormText name="note" label="特长说明" placeholder="如：执业律师、电工证" />
      <ProFormText name="address" label="居住地址" placeholder="已登记的门牌地址；不填则按报到社区定位" />
    </ModalForm>
  );
}

interface NeedForm {
  communityId: string;
  skill: string;
  kind: string;
  title: string;
  description: string;
  address: string;
  headcount: number;
}

/** A community publishes a need for a skill at a place in it. */
export function PublishNeedDialog({
  communities,
  onDone,
}: {
  communities: { id: string; name: string }[];
  onDone: () => void;
}) {
  const { message } = App.useApp();
  return (
    <ModalForm<NeedForm>
      title="发布人才需求"
      trigger={<Button type="primary">发布需求</Button>}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ kind: 'LIVELIHOOD_PROJECT', headcount: 1 }}
      onFinish={async (v) => {
        const { data, error } = await api.POST('/api/v1/programme/talent-needs', {
          body: { ...v, skill: v.skill as never, kind: v.kind as never },
        });
        if (!data) {
          message.error(errorMessage(error, '发布失败'));
          return false;
        }
        message.success(`已发布需求「${data.title}」`);
        onDone();
        return true;
      }}
    >
      <ProFormSelect
        name="communityId"
        label="社区"
        rules={[{ required: true }]}
        options={communities.map((c) => ({ value: c.id, label: c.name }))}
      />
      <ProFormSelect name="skill" label="所需技能" rules={[{ required: true }]} options={skillOptions} showSearch />
      <ProFormSelect
        name="kind"
        label="计入任务类别"
        rules={[{ required: true }]}
        options={taskKinds.map((k) => ({ value: k, label: kindLabel[k] }))}
      />
      <ProFormText name="title" label="需求名称" rules={[{ required: true }]} />
      <ProFormTextArea name="description" label="需求说明" rules={[{ required: true }]} />
      <ProFormText name="address" label="需求地点（门牌地址）" rules={[{ required: true }]} />
      <ProFormDigit name="headcount" label="需要人数" rules={[{ required: true }]} min={1} max={20} />
    </ModalForm>
  );
}
