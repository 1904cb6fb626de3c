import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  ControlOutlined,
  DesktopOutlined,
  FieldTimeOutlined,
  LogoutOutlined,
  MailOutlined,
  SettingOutlined,
  StarOutlined,
  TrophyOutlined,
  UserOutlined,
  DatabaseOutlined,
  SolutionOutlined,
  TeamOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import { Badge, Button, Space, Typography } from 'antd';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { mayConfigureDistrictSettings, Permission } from '../auth/permissions';
import { useSession } from '../auth/session-context';
import { useInbox } from '../inbox/inbox-context';
import { InboxProvider } from '../inbox/inbox-provider';
import type { Me } from '../api/client';

interface MenuEntry extends MenuDataItem {
  permission?: Permission;
  /** A further condition on the person (district-wide settings need a district-level seat). */
  visible?: (me: Me | null) => boolean;
}

const isSupervisor = (me: Me | null) => !!me?.positions.some((p) => p.role === 'SUPERVISOR' || p.role === 'ADMIN');

const menu: MenuEntry[] = [
  { path: '/workbench', name: '工作台', icon: <DesktopOutlined />, permission: Permission.CaseRead },
  { path: '/inbox', name: '消息中心', icon: <BellOutlined /> },
  { path: '/mediation', name: '矛盾调解', icon: <TeamOutlined />, permission: Permission.CaseRead },
  { path: '/mediation/panel', name: '我的联调小组', icon: <SolutionOutlined /> },
  { path: '/audit', name: '审计', icon: <AuditOutlined />, permission: Permission.AuditRead },
  { path: '/dashboard', name: '三率看板', icon: <BarChartOutlined />, permission: Permission.CaseSupervise },
  { path: '/yellow-cards', name: '黄牌预警', icon: <WarningOutlined />, permission: Permission.CaseSupervise },
  { path: '/escalations', name: '督办', icon: <AlertOutlined />, permission: Permission.CaseSupervise },
  { path: '/extensions', name: '延期审批', icon: <FieldTimeOutlined />, permission: Permission.CaseSupervise },
  { path: '/points', name: '积分排行', icon: <TrophyOutlined />, permission: Permission.CaseSupervise },
  { path: '/org', name: '组织架构', icon: <ApartmentOutlined />, permission: Permission.PeopleWrite },
  {
    path: '/programme',
    name: '双进双联',
    icon: <TeamOutlined />,
    permission: Permission.ProgrammeRead,
    children: [
      { path: '/programme/tasks', name: '任务', permission: Permission.ProgrammeRead },
      { path: '/programme/wishes', name: '微心愿', permission: Permission.ProgrammeRead },
      { path: '/programme/activities', name: '志愿服务', permission: Permission.ProgrammeRead },
      { path: '/programme/members', name: '报到党员', permission: Permission.ProgrammeRead },
      { path: '/programme/talent', name: '人才超市', permission: Permission.ProgrammeRead },
      { path: '/programme/completion', name: '完成情况', permission: Permission.ProgrammeRead },
      {
        path: '/programme/settings',
        name: '年度设置与结对',
        permission: Permission.ProgrammeManage,
        visible: isSupervisor,
      },
    ],
  },
  {
    path: '/policies/request-loop',
    name: '流程策略',
    icon: <SettingOutlined />,
    permission: Permission.PolicyWrite,
    visible: mayConfigureDistrictSettings,
  },
  {
    path: '/policies/rating',
    name: '评价规则',
    icon: <StarOutlined />,
    permission: Permission.PolicyWrite,
    visible: mayConfigureDistrictSettings,
  },
  {
    path: '/policies/mediation',
    name: '调解规则',
    icon: <ControlOutlined />,
    permission: Permission.PolicyWrite,
    visible: mayConfigureDistrictSettings,
  },
  {
    path: '/templates',
    name: '消息模板',
    icon: <MailOutlined />,
    permission: Permission.NotificationAdmin,
  },
  {
    path: '/calendar',
    name: '工作日历',
    icon: <CalendarOutlined />,
    permission: Permission.CalendarWrite,
    visible: mayConfigureDistrictSettings,
  },
  { path: '/queues', name: '队列看板', icon: <DatabaseOutlined />, permission: Permission.SystemDiagnose },
  { path: '/settings', name: '个人设置', icon: <UserOutlined /> },
];

function InboxBell() {
  const { unread } = useInbox();
  return (
    <Link
      to="/inbox"
      aria-label={unread === null ? '消息中心' : `消息中心（${unread} 条未读）`}
      data-unread={unread ?? undefined}
    >
      <Badge count={unread ?? 0} overflowCount={99} size="small">
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Link>
  );
}

function Shell() {
  const { me, permissions, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  // Only what the signed-in person may open: a hidden item is also refused by its route and by the API.
  const allowed = (m: MenuEntry) => (!m.permission || permissions.has(m.permission)) && (!m.visible || m.visible(me));
  const routes = menu.filter(allowed).map(({ visible: _visible, ...m }) => ({
    ...m,
    ...(m.children ? { children: (m.children as MenuEntry[]).filter(allowed).map(({ visible: _v, ...c }) => c) } : {}),
  }));
  const roles = [...new Set(me?.positions.map((p) => roleLabel[p.role] ?? p.role))].join('、');
  return (
    <ProLayout
      title="基层治理工作台"
      logo={false}
      layout="mix"
      fixSiderbar
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes }}
      menuItemRender={(item, dom) => <Link to={item.path ?? '/'}>{dom}</Link>}
      actionsRender={() => [
        <InboxBell key="inbox" />,
        <Space key="me">
          <Typography.Text>
            {me?.name}
            {roles && <Typography.Text type="secondary">（{roles}）</Typography.Text>}
          </Typography.Text>
          <Button icon={<LogoutOutlined />} onClick={() => void signOut().then(() => navigate('/login'))}>
            退出登录
          </Button>
        </Space>,
      ]}
    >
      <Outlet />
    </ProLayout>
  );
}

export default function ConsoleLayout() {
  return (
    <InboxProvider>
      <Shell />
    </InboxProvider>
  );
}

export const roleLabel: Record<string, string> = {
  ADMIN: '系统管理员',
  SUPERVISOR: '督导',
  STREET_LEADER: '街道领导',
  COMMUNITY_SECRETARY: '社区书记',
  COMMITTEE_MEMBER: '两委委员',
  GRID_LEADER: '网格长',
  GRID_WORKER: '网格员',
  BUILDING_HEAD: '楼栋长',
  ENTRANCE_HEAD: '单元长',
  DEPARTMENT_HEAD: '部门负责人',
  DEPARTMENT_STAFF: '部门工作人员',
  AGENCY_SECRETARY: '机关党组织书记',
  PARTY_MEMBER: '在职党员',
};
