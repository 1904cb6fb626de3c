import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';
import type { UnitScope } from '../../common/auth/unit-scope';
import { pageOf, toSkipTake } from '../../common/http/pagination';
import { AuditService } from '../audit/audit.service';
import type { CreateUnitDto, DescendantsQuery, ListUnitsQuery } from './dto/org.dto';
import { allowedParentKinds, kindLabel } from './org-kinds';
import { OrgRepository, unitsInScope } from './org.repository';

const today = () => new Date(new Date().toISOString().slice(0, 10));
const toStaff = (positions: { role: string; person: { id: string; name: string; phone: string } }[]) =>
  positions.map((p) => ({ role: p.role, personId: p.person.id, name: p.person.name, phone: p.person.phone }));

@Injectable()
export class OrgService {
  constructor(
    private readonly repository: OrgRepository,
    private readonly audit: AuditService,
  ) {}

  async createUnit(dto: CreateUnitDto) {
    const parent = await this.repository.findUnit(dto.parentId);
    if (!parent) throw new DomainError('UNKNOWN_UNIT', `上级单元 ${dto.parentId} 不存在`);
    this.assertParentKind(dto.kind, parent.kind);
    const id = randomUUID();
    return this.repository.transaction(async (tx) => {
      const unit = await this.repository
        .createUnit(
          {
            id,
            code: dto.code,
            name: dto.name,
            kind: dto.kind,
            parentId: parent.id,
            depth: parent.depth + 1,
            deptType: dto.deptType,
          },
          tx,
        )
        .catch((err: { code?: string }) => {
          if (err.code === 'P2002') throw new DomainError('UNIT_CODE_TAKEN', `单元编码 ${dto.code} 已被使用`);
          throw err;
        });
      await this.repository.insertClosure(id, parent.id, tx);
      await this.audit.record(
        { action: 'org.unit.create', entityType: 'org_unit', entityId: id, unitId: id, after: unit },
        tx,
      );
      return unit;
    });
  }

  async moveUnit(unitId: string, newParentId: string) {
    const [unit, parent] = await Promise.all([this.repository.findUnit(unitId), this.repository.findUnit(newParentId)]);
    if (!unit) throw new DomainError('NOT_FOUND', `组织单元 ${unitId} 不存在`);
    if (!parent) throw new DomainError('UNKNOWN_UNIT', `上级单元 ${newParentId} 不存在`);
    if (await this.repository.isWithin(parent.id, [unit.id])) {
      throw new DomainError('TREE_CYCLE', `不能把「${unit.name}」移到它自己或其下级「${parent.name}」之下`);
    }
    this.assertParentKind(unit.kind, parent.kind);
    return this.repository.transaction(async (tx) => {
      await this.repository.moveSubtree(unit.id, parent.id, parent.depth + 1 - unit.depth, tx);
      await this.audit.record(
        {
          action: 'org.unit.move',
          entityType: 'org_unit',
          entityId: unit.id,
          unitId: unit.id,
          before: { parentId: unit.parentId },
          after: { parentId: parent.id },
        },
        tx,
      );
      return { ...unit, parentId: parent.id, depth: parent.depth + 1 };
    });
  }

  async getUnit(unitId: string) {
    const unit = await this.repository.findUnit(unitId);
    if (!unit) throw new DomainError('NOT_FOUND', '组织单元不存在或不在您的管辖范围内');
    const chain = await this.repository.ancestorsOf(unitId);
    return {
      ...unit,
      kindLabel: kindLabel[unit.kind],
      ancestors: chain
        .filter((c) => c.distance > 0)
        .map((c) => ({ id: c.ancestor.id, name: c.ancestor.name, kind: c.ancestor.kind })),
    };
  }

  async listUnits(scope: UnitScope, q: ListUnitsQuery) {
    const where = {
      ...unitsInScope(scope),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.parentId ? { parentId: q.parentId } : {}),
      ...(q.q ? { name: { contains: q.q } } : {}),
    };
    const [items, total] = await this.repository.listUnits(where, toSkipTake(q));
    return pageOf(items, total, q);
  }

  async descendants(scope: UnitScope, unitId: string, q: DescendantsQuery) {
    const [items, total] = await this.repository.descendants(unitId, scope, q.kind, toSkipTake(q));
    return pageOf(items, total, q);
  }

  /** The grid an address belongs to and who looks after it (网格长, 网格员, 楼栋长). */
  async resolveAddress(scope: UnitScope, text: string) {
    const address = await this.repository.gridOfAddress(text);
    if (!address || !(scope.all || (await this.repository.isWithin(address.gridId, scope.roots)))) {
      throw new DomainError('NOT_FOUND', `地址「${text}」未登记到任何网格，或不在您的管辖范围内`);
    }
    return {
      address: address.text,
      grid: { id: address.grid.id, name: address.grid.name },
      buildingId: address.buildingId,
      staff: await this.gridStaff(address.gridId),
    };
  }

  async gridStaff(gridId: string) {
    return toStaff(await this.repository.staffOf(gridId, ['GRID_LEADER', 'GRID_WORKER'], today()));
  }

  /** Which department of street S handles category C (for requests beyond a community's authority). */
  async handlingDepartment(streetId: string, category: string) {
    const department = await this.repository.departmentFor(streetId, category);
    if (!department) throw new DomainError('NOT_FOUND', `该街道没有负责「${category}」的部门`);
    return {
      department,
      staff: toStaff(await this.repository.staffOf(department.id, ['DEPARTMENT_HEAD', 'DEPARTMENT_STAFF'], today())),
    };
  }

  private assertParentKind(kind: keyof typeof allowedParentKinds, parentKind: keyof typeof allowedParentKinds): void {
    if (!allowedParentKinds[kind].includes(parentKind)) {
      throw new DomainError(
        'INVALID_PARENT_KIND',
        `${kindLabel[kind]}不能设在${kindLabel[parentKind]}之下（允许：${allowedParentKinds[kind].map((k) => kindLabel[k]).join('、') || '无'}）`,
      );
    }
  }
}
