import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSession } from './auth/require-session';
import { Permission } from './auth/permissions';
import { RequirePermission } from './auth/require-permission';
import { residentRoutes } from './resident/resident-routes';

// Each page is its own chunk: the first screen downloads only what it shows.
const LoginPage = lazy(() => import('./pages/login-page'));
const ConsoleLayout = lazy(() => import('./layout/console-layout'));
const WorkbenchPage = lazy(() => import('./pages/workbench-page'));
const CaseDetailPage = lazy(() => import('./pages/case-detail-page'));
const InboxPage = lazy(() => import('./pages/inbox-page'));
const AuditPage = lazy(() => import('./pages/audit-page'));
const PolicyEditorPage = lazy(() => import('./pages/policy-editor-page'));
const DashboardPage = lazy(() => import('./pages/dashboard-page'));
const YellowCardsPage = lazy(() => import('./pages/yellow-cards-page'));
const YellowCardDetailPage = lazy(() => import('./pages/yellow-card-detail-page'));
const RatingPolicyPage = lazy(() => import('./pages/rating-policy-page'));
const MediationPolicyPage = lazy(() => import('./pages/mediation-policy-page'));
const CalendarPage = lazy(() => import('./pages/calendar-page'));
const TemplatesPage = lazy(() => import('./pages/templates-page'));
const EscalationsPage = lazy(() => import('./pages/escalations-page'));
const ExtensionsPage = lazy(() => import('./pages/extensions-page'));
const PointsPage = lazy(() => import('./pages/points-page'));
const OrgPage = lazy(() => import('./pages/org-page'));
const SettingsPage = lazy(() => import('./pages/settings-page'));
const QueueDashboardPage = lazy(() => import('./pages/queue-dashboard-page'));
const MediationDisputesPage = lazy(() => import('./pages/mediation-disputes-page'));
const MediationIntakePage = lazy(() => import('./pages/mediation-intake-page'));
const MediationDisputePage = lazy(() => import('./pages/mediation-dispute-page'));
const ProgrammeTasksPage = lazy(() => import('./pages/programme-tasks-page'));
const ProgrammeWishesPage = lazy(() => import('./pages/programme-wishes-page'));
const ProgrammeActivitiesPage = lazy(() => import('./pages/programme-activities-page'));
const ProgrammeMembersPage = lazy(() => import('./pages/programme-members-page'));
const ProgrammeCompletionPage = lazy(() => import('./pages/programme-completion-page'));
const ProgrammeTalentPage = lazy(() => import('./pages/programme-talent-page'));
const ProgrammeSettingsPage = lazy(() => import('./pages/programme-settings-page'));
const NotFoundPage = lazy(() => import('./pages/not-found-page'));
const HomeRedirect = lazy(() => import('./pages/home-redirect'));

const page = (node: ReactNode) => (
  <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />}>{node}</Suspense>
);

// 双进双联: every page needs programme.read; what each offers on it follows manage / serve.
const programmeRoutes = () =>
  (
    [
      ['programme/tasks', <ProgrammeTasksPage />, Permission.ProgrammeRead],
      ['programme/wishes', <ProgrammeWishesPage />, Permission.ProgrammeRead],
      ['programme/activities', <ProgrammeActivitiesPage />, Permission.ProgrammeRead],
      ['programme/members', <ProgrammeMembersPage />, Permission.ProgrammeRead],
      ['programme/talent', <ProgrammeTalentPage />, Permission.ProgrammeRead],
      ['programme/completion', <ProgrammeCompletionPage />, Permission.ProgrammeRead],
      ['programme/settings', <ProgrammeSettingsPage />, Permission.ProgrammeManage],
    ] as const
  ).map(([path, node, permission]) => ({
    path,
    element: <RequirePermission permission={permission}>{page(node)}</RequirePermission>,
  }));

export const router = createBrowserRouter(
  [
    { path: '/login', element: page(<LoginPage />) },
    ...residentRoutes,
    {
      path: '/',
      element: <RequireSession>{page(<ConsoleLayout />)}</RequireSession>,
      children: [
        { index: true, element: page(<HomeRedirect />) },
        {
          path: 'workbench',
          element: <RequirePermission permission={Permission.CaseRead}>{page(<WorkbenchPage />)}</RequirePermission>,
        },
        {
          path: 'cases/:id',
          element: <RequirePermission permission={Permission.CaseRead}>{page(<CaseDetailPage />)}</RequirePermission>,
        },
        { path: 'inbox', element: page(<InboxPage />) },
        {
          path: 'audit',
          element: <RequirePermission permission={Permission.AuditRead}>{page(<AuditPage />)}</RequirePermission>,
        },
        {
          path: 'dashboard',
          element: (
            <RequirePermission permission={Permission.CaseSupervise}>{page(<DashboardPage />)}</RequirePermission>
          ),
        },
        {
          path: 'policies/request-loop',
          element: (
            <RequirePermission permission={Permission.PolicyWrite}>{page(<PolicyEditorPage />)}</RequirePermission>
          ),
        },
        {
          path: 'policies/rating',
          element: (
            <RequirePermission permission={Permission.PolicyWrite}>{page(<RatingPolicyPage />)}</RequirePermission>
          ),
        },
        {
          path: 'policies/mediation',
          element: (
            <RequirePermission permission={Permission.PolicyWrite}>{page(<MediationPolicyPage />)}</RequirePermission>
          ),
        },
        {
          path: 'calendar',
          element: (
            <RequirePermission permission={Permission.CalendarWrite}>{page(<CalendarPage />)}</RequirePermission>
          ),
        },
        {
          path: 'templates',
          element: (
            <RequirePermission permission={Permission.NotificationAdmin}>{page(<TemplatesPage />)}</RequirePermission>
          ),
        },
        {
          path: 'escalations',
          element: (
            <RequirePermission permission={Permission.CaseSupervise}>{page(<EscalationsPage />)}</RequirePermission>
          ),
        },
        {
          path: 'extensions',
          element: (
            <RequirePermission permission={Permission.CaseSupervise}>{page(<ExtensionsPage />)}</RequirePermission>
          ),
        },
        {
          path: 'points',
          element: <RequirePermission permission={Permission.CaseSupervise}>{page(<PointsPage />)}</RequirePermission>,
        },
        {
          path: 'org',
          element: <RequirePermission permission={Permission.PeopleWrite}>{page(<OrgPage />)}</RequirePermission>,
        },
        {
          path: 'yellow-cards',
          element: (
            <RequirePermission permission={Permission.CaseSupervise}>{page(<YellowCardsPage />)}</RequirePermission>
          ),
        },
        {
          path: 'yellow-cards/:id',
          element: (
            <RequirePermission permission={Permission.CaseRead}>{page(<YellowCardDetailPage />)}</RequirePermission>
          ),
        },
        { path: 'settings', element: page(<SettingsPage />) },
        {
          path: 'queues',
          element: (
            <RequirePermission permission={Permission.SystemDiagnose}>{page(<QueueDashboardPage />)}</RequirePermission>
          ),
        },
        {
          path: 'mediation',
          element: (
            <RequirePermission permission={Permission.CaseRead}>{page(<MediationDisputesPage />)}</RequirePermission>
          ),
        },
        { path: 'mediation/panel', element: page(<MediationDisputesPage panel />) },
        { path: 'mediation/panel/:id', element: page(<MediationDisputePage panel />) },
        {
          path: 'mediation/new',
          element: (
            <RequirePermission permission={Permission.CaseWrite}>{page(<MediationIntakePage />)}</RequirePermission>
          ),
        },
        {
          path: 'mediation/:id',
          element: (
            <RequirePermission permission={Permission.CaseRead}>{page(<MediationDisputePage />)}</RequirePermission>
          ),
        },
        ...programmeRoutes(),
        { path: '*', element: page(<NotFoundPage />) },
      ],
    },
    { path: '*', element: <Navigate to="/" replace /> },
  ],
  { basename: '/console' },
);
