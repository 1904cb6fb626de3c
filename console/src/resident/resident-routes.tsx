import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RequireResident } from './require-resident';

// The residents' phone pages under /console/m, each its own chunk (no ProComponents, no charts).
const ResidentLoginPage = lazy(() => import('./pages/resident-login-page'));
const ResidentLayout = lazy(() => import('./resident-layout'));
const MyCasesPage = lazy(() => import('./pages/my-cases-page'));
const ReportPage = lazy(() => import('./pages/report-page'));
const MyCasePage = lazy(() => import('./pages/my-case-page'));

const page = (node: ReactNode) => (
  <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} aria-label="加载中" />}>{node}</Suspense>
);

export const residentRoutes: RouteObject[] = [
  { path: '/m/login', element: page(<ResidentLoginPage />) },
  {
    path: '/m',
    element: <RequireResident>{page(<ResidentLayout />)}</RequireResident>,
    children: [
      { index: true, element: page(<MyCasesPage />) },
      { path: 'report', element: page(<ReportPage />) },
      { path: 'cases/:id', element: page(<MyCasePage />) },
    ],
  },
];
