import { Navigate } from 'react-router';
import { Permission } from '../auth/permissions';
import { useSession } from '../auth/session-context';

export default function HomeRedirect() {
  const { me, permissions } = useSession();
  if (me?.kind === 'RESIDENT') return <Navigate to="/m" replace />; // residents have the phone pages
  return <Navigate to={permissions.has(Permission.CaseRead) ? '/workbench' : '/inbox'} replace />;
}
