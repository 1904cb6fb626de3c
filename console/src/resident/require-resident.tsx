import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../auth/session-context';

/** The resident pages behind sign-in: without a session, the code sign-in page (and back afterwards). */
export function RequireResident({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading')
    return <Spin size="large" style={{ display: 'block', marginTop: 120 }} aria-label="正在恢复登录状态" />;
  if (status === 'anonymous')
    return <Navigate to={`/m/login?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`} replace />;
  return <>{children}</>;
}
