import { Navigate } from 'react-router';
import { Permission } from '../auth/permissions';
import { useSession } from '../auth/session-context';

export default function HomeRedirect() {
  const { permissions } = useSession();
  return <Navigate to={permissions.has(Permission.CaseRead) ? '/workbench' : '/inbox'} replace />;
}
