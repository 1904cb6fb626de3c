import { PageContainer, ProCard, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Alert, Col, Empty, Row, Tag, Tree, Typography } from 'antd';
import type { EventDataNode } from 'antd/es/tree';
import { useEffect, useState, type Key } from 'react';
import { api, errorMessage } from '../api/client';
import { useSession } from '../auth/session-context';
import { roleLabel } from '../layout/console-layout';
import { PageTitle } from '../layout/page-title';
import { tableOptions } from '../layout/table-options';

type Paths = import('../../../api-types/openapi').paths;
type Unit = Paths['/api/v1/org/units']['get']['responses'][200]['content']['application/json']['items'][number];
type Person = Paths['/api/v1/people']['get']['responses'][200]['content']['application/json']['items'][number];

export const unitKindLabel: Record<string, string> = {
  DISTRICT: '区',
  STREET: '街道',
  COMMUNITY: '社区',
  COMPOUND: '小区',
  GRID: '网格',
  BUILDING: '楼栋',
  ENTRANCE: '单元',
  DEPARTMENT: '部门',
  AGENCY: '机关',
  PARTY_ORG: '党组织',
  ENTERPRISE: '企业',
  PROPERTY_COMPANY: '物业公司',
  OWNERS_COMMITTEE: '业委会',
};
const CHILD_PAGE = 100;
// Buildings and entrances have no children worth a click here; they stay leaves.
const LEAF_KINDS = ['ENTRANCE', 'PARTY_ORG', 'ENTERPRISE', 'PROPERTY_COMPANY', 'OWNERS_COMMITTEE'];

interface Node {
  key: string;
  title: string;
  isLeaf?: boolean;
  unit?: Unit;
  /** A "more" node: the next page of its parent's children. */
  more?: { parentId: string; page: number };
  children?: Node[];
}

const nodeOf = (u: Unit): Node => ({
  key: u.id,
  title: `${u.name}（${unitKindLabel[u.kind] ?? u.kind}）`,
  unit: u,
  isLeaf: LEAF_KINDS.includes(u.kind),
});

async function childrenPage(parentId: string, page: number): Promise<Node[]> {
  const { data, error } = await api.GET('/api/v1/org/units', {
    params: { query: { parentId, page, pageSize: CHILD_PAGE } },
  });
  if (!data) throw new Error(errorMessage(error, '下级单元加载失败'));
  const nodes = data.items.map(nodeOf);
  const shown = (page - 1) * CHILD_PAGE + data.items.length;
  if (shown < data.total)
    nodes.push({
      key: `more:${parentId}:${page + 1}`,
      title: `加载更多（还有 ${data.total - shown} 个）`,
      isLeaf: true,
      more: { parentId, page: page + 1 },
    });
  return nodes;
}

const replaceIn = (nodes: Node[], key: string, f: (n: Node) => Node[]): Node[] =>
  nodes.flatMap((n) => (n.key === key ? f(n) : n.children ? [{ ...n, children: replaceIn(n.children, key, f) }] : [n]));

const personColumns: ProColumns<Person>[] = [
  { title: '姓名', dataIndex: 'name' },
  { title: '手机号', dataIndex: 'phone' },
  {
    title: '岗位',
    key: 'positions',
    render: (_, p) =>
      p.positions.map((pos) => (
        <Tag key={pos.id}>
          {pos.unit.name} · {roleLabel[pos.role] ?? pos.role}
        </Tag>
      )),
  },
  { title: '账号', dataIndex: 'username', render: (_, p) => p.username ?? '—' },
];

/** 组织架构: the tree in scope, children fetched a page at a time when a node opens; the people of the chosen unit, paged. */
export default function OrgPage() {
  const { me } = useSession();
  const [tree, setTree] = useState<Node[]>([]);
  const [selected, setSelected] = useState<Unit | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Key[]>([]);

  useEffect(() => {
    const roots = [...new Set(me?.positions.map((p) => p.scopeUnitId) ?? [])];
    void Promise.all(roots.map((id) => api.GET('/api/v1/org/units/{id}', { params: { path: { id } } }))).then(
      (answers) => {
        const units = answers.flatMap((a) => (a.data ? [a.data as unknown as Unit] : []));
        if (!units.length) return setFailure(errorMessage(answers[0]?.error, '组织架构加载失败'));
        setTree(units.map(nodeOf));
      },
    );
  }, [me]);

  const loadData = async (node: EventDataNode<Node>) => {
    if (node.children || node.more) return;
    try {
      const children = await childrenPage(node.key as string, 1);
      setTree((t) => replaceIn(t, node.key as string, (n) => [{ ...n, children, isLeaf: !children.length }]));
    } catch (e) {
      setFailure((e as Error).message);
    }
  };

  const onSelect = async (_keys: Key[], info: { node: EventDataNode<Node> }) => {
    const n = info.node;
    if (n.more) {
      const next = await childrenPage(n.more.parentId, n.more.page);
      setTree((t) => replaceIn(t, n.key as string, () => next));
      return;
    }
    if (n.unit) setSelected(n.unit);
  };

  return (
    <PageContainer
      title={<PageTitle>组织架构</PageTitle>}
      subTitle="区 → 街道 → 社区 → 网格 / 部门；选择单元查看其人员"
    >
      {failure && <Alert type="error" showIcon role="alert" message={failure} style={{ marginBottom: 12 }} />}
      <Row gutter={16}>
        <Col xs={24} md={9}>
          <ProCard title="组织单元" bordered>
            <nav aria-label="组织单元树">
              <Tree<Node>
                treeData={tree}
                loadData={loadData}
                expandedKeys={expanded}
                onExpand={(keys) => setExpanded(keys)}
                selectedKeys={selected ? [selected.id] : []}
                onSelect={(keys, info) => void onSelect(keys, info)}
                height={560}
                blockNode
              />
            </nav>
          </ProCard>
        </Col>
        <Col xs={24} md={15}>
          {selected ? (
            <ProTable<Person>
              key={selected.id}
              rowKey="id"
              headerTitle={`${selected.name} 的人员`}
              columns={personColumns}
              search={false}
              options={tableOptions}
              pagination={{ defaultPageSize: 20, showSizeChanger: true }}
              request={async ({ current, pageSize }) => {
                const { data, error } = await api.GET('/api/v1/people', {
                  params: { query: { unitId: selected.id, page: current ?? 1, pageSize: pageSize ?? 20 } },
                });
                if (!data) throw new Error(errorMessage(error, '人员加载失败'));
                return { data: data.items, total: data.total, success: true };
              }}
              locale={{ emptyText: <Typography.Text type="secondary">该单元暂无人员</Typography.Text> }}
            />
          ) : (
            <ProCard bordered>
              <Empty description="在左侧选择一个单元" />
            </ProCard>
          )}
        </Col>
      </Row>
    </PageContainer>
  );
}
