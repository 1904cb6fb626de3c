import { Navigate } from 'react-router';
import { Permission } from '../auth/permissions';
import { useSession } from '../auth/session-context';

export default function HomeRedirect() {
  const { me, permissions } = useSession();
  if (me?.kind === 'RESIDENT') return <Navigate to="/m" replace />; // residents have the phone pages
  // Agency secretaries and party members work in the programme only (双进双联).
  const home = permissions.has(Permission.CaseRead)
    ? '/workbench'
    : permissions.has(Permission.ProgrammeServe)
      ? '/programme/tasks'
      : '/inbox';
  return <Navigate to={home} replace />;
}
