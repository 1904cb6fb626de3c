import { Button } from 'antd';
import { Link, useNavigate } from 'react-router';
import { FINISHED, type CaseState } from '../../../src/shared/process/request-case.states';
import type { CaseDetail } from '../api/client';
import { Permission } from '../auth/permissions';
import { useSession } from '../auth/session-context';

/**
 * On a resident request: the dispute it was converted into, or (for a handler, while the request is open) the way to
 * convert it — the intake form, filled from the request.
 */
export function CaseMediationLink({ detail }: { detail: CaseDetail }) {
  const { permissions } = useSession();
  const navigate = useNavigate();
  const converted = detail.timeline.find((e) => e.kind === 'CONVERTED_TO_MEDIATION') as
    { data?: { disputeId?: string; disputeNo?: string } } | undefined;
  if (converted?.data?.disputeId)
    return <Link to={`/mediation/${converted.data.disputeId}`}>联调小组纠纷 {converted.data.disputeNo ?? ''}</Link>;
  const communityId = (detail as { communityId?: string | null }).communityId;
  if (!permissions.has(Permission.CaseWrite) || !communityId || FINISHED.includes(detail.status as CaseState))
    return null;
  return (
    <Button onClick={() => void navigate(`/mediation/new?case=${encodeURIComponent(detail.id)}`)}>
      转入联调小组调解
    </Button>
  );
}
