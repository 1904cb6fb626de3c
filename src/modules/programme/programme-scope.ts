import { DomainError } from '../../common/errors/domain-error';
import { Permission, rolePermissions, unscopedRoles } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { EVERYTHING, UnitScope } from '../../common/auth/unit-scope';

/**
 * The caller's scope for one programme permission, by the same rule as the access module's PolicyService.scopeFor
 * (which lives in the API-only AccessModule; the programme modules also run in the worker).
 */
export function programmeScope(principal: Principal, permission: Permission): UnitScope {
  const granting = principal.positions.filter((p) => rolePermissions[p.role].includes(permission));
  if (!granting.length) throw new DomainError('FORBIDDEN', `当前岗位无权执行此操作（${permission}）`);
  if (granting.some((p) => unscopedRoles.includes(p.role))) return EVERYTHING;
  return { all: false, roots: [...new Set(granting.map((p) => p.scopeUnitId))] };
}

/** Whether the caller holds the permission at all (for visibility that widens with it). */
export const holds = (principal: Principal, permission: Permission): boolean =>
  principal.positions.some((p) => rolePermissions[p.role].includes(permission));
