import { Result } from 'antd';
import type { ReactNode } from 'react';
import type { Permission } from '../../../src/common/auth/permissions';
import { useSession } from './session-context';

export function Forbidden() {
  return (
    <Result status="403" title="无权访问" subTitle="您当前的岗位没有查看此页面的权限。如需开通，请联系上级管理员。" />
  );
}

/** A route typed into the address bar still checks the person's roles (and the API refuses on its own). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { permissions } = useSession();
  return permissions.has(permission) ? <>{children}</> : <Forbidden />;
}
