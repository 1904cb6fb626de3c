import { ExportOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useSession } from '../auth/session-context';

const operatorRoles = new Set(['ADMIN', 'SUPERVISOR']);
let template: Promise<string | null> | null = null;

/** The workflow's page in the Temporal Web UI, for administrators and supervisors (the API says where it is). */
export function TemporalLink({ workflowId }: { workflowId: string }) {
  const { me } = useSession();
  const operator = !!me?.positions.some((p) => operatorRoles.has(p.role));
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    if (!operator) return;
    template ??= api.GET('/api/v1/temporal-ui').then(({ data }) => {
      if (!data) template = null; // asked again next time rather than remembering a failure
      return data?.workflowUrlTemplate ?? null;
    });
    void template.then((t) => setHref(t ? t.replace('{workflowId}', encodeURIComponent(workflowId)) : null));
  }, [operator, workflowId]);
  if (!operator || !href) return null;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" data-testid="temporal-link">
      在 Temporal 中查看 <ExportOutlined aria-hidden />
    </a>
  );
}
