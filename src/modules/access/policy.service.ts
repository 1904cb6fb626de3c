import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import type { Principal } from '../../common/auth/principal';
import { Permission, rolePermissions, unscopedRoles } from '../../common/auth/permissions';
import { EVERYTHING, UnitScope } from '../../common/auth/unit-scope';
import { OrgRepository } from '../org/org.repository';

/** The one place that decides who may do what where: role × scope over the organisation tree. */
@Injectable()
export class PolicyService {
  constructor(private readonly org: OrgRepository) {}

  /** The caller's scope for a permission, or FORBIDDEN when none of their roles grants it. */
  scopeFor(principal: Principal, permission: Permission): UnitScope {
    const granting = principal.positions.filter((p) => rolePermissions[p.role].includes(permission));
    if (!granting.length) throw new DomainError('FORBIDDEN', `当前岗位无权执行此操作（${permission}）`);
    if (granting.some((p) => unscopedRoles.includes(p.role))) return EVERYTHING;
    return { all: false, roots: [...new Set(granting.map((p) => p.scopeUnitId))] };
  }

  /** FORBIDDEN without the permission; NOT_FOUND when the unit is outside the scope, so its existence is not revealed. */
  async assertUnit(principal: Principal, permission: Permission, unitId: string): Promise<void> {
    const scope = this.scopeFor(principal, permission);
    const visible = scope.all ? await this.org.exists(unitId) : await this.org.isWithin(unitId, scope.roots);
    if (!visible) throw new DomainError('NOT_FOUND', '组织单元不存在或不在您的管辖范围内');
  }
}
