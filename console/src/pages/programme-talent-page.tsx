import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { errorMessage } from '../api/client';
import { Permission } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { PageTitle } from '../layout/page-title';
import { tableOptions } from '../layout/table-options';
import { kindLabel, valueEnumOf } from '../programme/programme-labels';
import { CandidatesDialog, type NeedRow } from '../programme/talent-candidates';
import { PublishNeedDialog, RegisterTalentDialog } from '../programme/talent-dialogs';
import { availabilityLabel, needStateLabel, talentSkillLabel } from '../programme/talent-labels';
import { useUnitNames } from '../programme/use-unit-names';

interface MyTalent {
  id: string;
  skill: string;
  availability: string;
}

/** 人才超市: members register skills; communities publish needs, see candidates by distance and choose one (a task). */
export default function ProgrammeTalentPage() {
  const { permissions } = useSession();
  const { communities } = useUnitNames();
  const table = useRef<ActionType>(undefined);
  // null until my skills are loaded: the card must not say 尚未登记技能 before it knows
  const [mine, setMine] = useState<MyTalent[] | null>(null);
  const [open, setOpen] = useState<NeedRow | null>(null);
  const manages = permissions.has(Permission.ProgrammeManage);
  const serves = permissions.has(Permission.ProgrammeServe);
  const reload = () => void table.current?.reload();
  const loadMine = () => void api.GET('/api/v1/my/talents').then(({ data }) => setMine((data ?? []) as MyTalent[]));
  useEffect(() => {
    if (serves) loadMine();
  }, [serves]);

  const columns: ProColumns<NeedRow>[] = [
    { title: '需求', dataIndex: 'title', search: false },
    { title: '所需技能', dataIndex: 'skill', search: false, render: (_, r) => talentSkillLabel(r.skill) },
    {
      title: '计入类别',
      dataIndex: 'kind',
      search: false,
      render: (_, r) => kindLabel[r.kind as keyof typeof kindLabel] ?? r.kind,
    },
    { title: '社区', dataIndex: 'communityName', search: false },
    { title: '地点', dataIndex: 'addressText', search: false },
    { title: '已选 / 需要', dataIndex: 'chosen', search: false, render: (_, r) => `${r.chosen} / ${r.headcount}` },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: valueEnumOf(needStateLabel),
      render: (_, r) => <Tag color={r.status === 'OPEN' ? 'blue' : 'green'}>{needStateLabel[r.status]}</Tag>,
    },
    {
      title: '操作',
      valueType: 'option',
      render: (_, r) =>
        manages && (
          <Button size="small" aria-label={`候选人 ${r.title}`} onClick={() => setOpen(r)}>
            候选人
          </Button>
        ),
    },
  ];

  return (
    <PageContainer
      title={<PageTitle>人才超市</PageTitle>}
      subTitle="党员和居民登记技能，社区按技能和距离选人，选定即成为任务"
    >
      {serves && (
        <Card size="small" style={{ marginBottom: 16 }} title="我的技能">
          <Space wrap>
            {mine === null ? null : mine.length ? (
              mine.map((t) => (
                <Tag key={t.id} color={t.availability === 'PAUSED' ? 'default' : 'blue'}>
                  {talentSkillLabel(t.skill)} · {availabilityLabel[t.availability as never]}
                </Tag>
              ))
            ) : (
              <Typography.Text type="secondary">尚未登记技能</Typography.Text>
            )}
            <RegisterTalentDialog onDone={loadMine} />
          </Space>
        </Card>
      )}
      <ProTable<NeedRow>
        rowKey="id"
        actionRef={table}
        columns={columns}
        options={tableOptions}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        toolBarRender={() =>
          manages ? [<PublishNeedDialog key="publish" communities={communities} onDone={reload} />] : []
        }
        request={async ({ current, pageSize, status }) => {
          const { data, error } = await api.GET('/api/v1/programme/talent-needs', {
            params: { query: { page: current ?? 1, pageSize: pageSize ?? 20, ...(status ? { status } : {}) } },
          });
          if (!data) throw new Error(errorMessage(error, '人才需求加载失败'));
          return { data: data.items as NeedRow[], total: data.total, success: true };
        }}
      />
      {open && (
        <CandidatesDialog
          need={open}
          onClose={() => {
            setOpen(null);
            reload();
          }}
        />
      )}
    </PageContainer>
  );
}
