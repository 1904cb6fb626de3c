import { App, Button, Card, Popconfirm, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client';
import { formatTime } from '../lib/time';
import { useUnitNames } from './use-unit-names';

interface Pairing {
  id: string;
  partyOrgId: string;
  partyOrgName: string;
  communityId: string;
  communityName: string;
  createdAt?: string;
}

/** 结对: agencies' party organisations paired with communities; one live pairing per pair. */
export function PairingCard() {
  const { message } = App.useApp();
  const { names, agencies, communities } = useUnitNames();
  const [pairings, setPairings] = useState<Pairing[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [agency, setAgency] = useState<string>();
  const [community, setCommunity] = useState<string>();
  const load = useCallback(() => {
    void api
      .GET('/api/v1/programme/pairings', { params: { query: { page: page.current, pageSize: page.pageSize } } })
      .then(({ data }) => {
        setPairings((data?.items ?? []) as Pairing[]);
        setTotal(data?.total ?? 0);
      });
  }, [page]);
  useEffect(load, [load]);

  const pair = async () => {
    if (!agency || !community) return;
    const { data, error } = await api.POST('/api/v1/programme/pairings', {
      body: { partyOrgId: agency, communityId: community },
    });
    if (!data) return void message.error(errorMessage(error, '结对失败'));
    message.success(`${names.get(agency)} 已与 ${names.get(community)} 结对`);
    load();
  };
  const end = async (p: Pairing) => {
    const { data, error } = await api.POST('/api/v1/programme/pairings/{id}/end', { params: { path: { id: p.id } } });
    if (!data) return void message.error(errorMessage(error, '解除失败'));
    message.success('已解除结对');
    load();
  };

  return (
    <Card title="机关与社区结对">
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="pair-agency">机关党组织</label>
        <Select
          id="pair-agency"
          style={{ width: 220 }}
          value={agency}
          onChange={setAgency}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          placeholder="选择机关"
        />
        <label htmlFor="pair-community">社区</label>
        <Select
          id="pair-community"
          style={{ width: 220 }}
          value={community}
          onChange={setCommunity}
          options={communities.map((c) => ({ value: c.id, label: c.name }))}
          placeholder="选择社区"
        />
        <Button type="primary" disabled={!agency || !community} onClick={() => void pair()}>
          结对
        </Button>
      </Space>
      <Table<Pairing>
        rowKey="id"
        dataSource={pairings}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total,
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
        aria-label="结对关系"
        columns={[
          { title: '机关党组织', dataIndex: 'partyOrgName' },
          { title: '社区', dataIndex: 'communityName' },
          { title: '结对时间', dataIndex: 'createdAt', render: (v?: string) => formatTime(v) },
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, p: Pairing) => (
              <Popconfirm title="确定解除该结对？" onConfirm={() => void end(p)} okText="解除" cancelText="取消">
                <Button size="small" danger>
                  解除结对
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
