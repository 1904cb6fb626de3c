import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import type { OrgUnitKind, Role } from '../../generated/prisma/enums';
import { PrismaService } from '../../infra/prisma/prisma.service';
import type { UnitScope } from '../../common/auth/unit-scope';
import { closureRowsFor } from './closure-rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** Prisma filter: units inside the scope (themselves or below one of its roots). */
export function unitsInScope(scope: UnitScope): Prisma.OrgUnitWhereInput {
  return scope.all ? {} : { ancestors: { some: { ancestorId: { in: scope.roots } } } };
}

type Tx = Prisma.TransactionClient;

@Injectable()
export class OrgRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  async exists(unitId: string): Promise<boolean> {
    return isUuid(unitId) && (await this.prisma.orgUnit.count({ where: { id: unitId } })) === 1;
  }

  async isWithin(unitId: string, roots: string[]): Promise<boolean> {
    if (!isUuid(unitId) || !roots.length) return false;
    return (await this.prisma.orgUnitClosure.count({ where: { descendantId: unitId, ancestorId: { in: roots } } })) > 0;
  }

  findUnit(id: string) {
    return isUuid(id) ? this.prisma.orgUnit.findUnique({ where: { id } }) : Promise.resolve(null);
  }

  listUnits(where: Prisma.OrgUnitWhereInput, page: { skip: number; take: number }) {
    return this.prisma.$transaction([
      this.prisma.orgUnit.findMany({
        where,
        orderBy: [{ depth: 'asc' }, { code: 'asc' }],
        skip: page.skip,
        take: page.take,
      }),
      this.prisma.orgUnit.count({ where }),
    ]);
  }

  /** Every unit under `unitId` (itself excluded), optionally of one kind: one closure-table index scan. */
  descendants(unitId: string, scope: UnitScope, kind?: OrgUnitKind, page = { skip: 0, take: 500 }) {
    return this.listUnits(
      {
        ...unitsInScope(scope),
        ancestors: { some: { ancestorId: unitId, distance: { gt: 0 } } },
        ...(kind ? { kind } : {}),
      },
      page,
    );
  }

  ancestorsOf(unitId: string) {
    return this.prisma.orgUnitClosure.findMany({
      where: { descendantId: unitId },
      orderBy: { distance: 'desc' },
      include: { ancestor: true },
    });
  }

  createUnit(
    data: {
      id: string;
      code: string;
      name: string;
      kind: OrgUnitKind;
      parentId: string | null;
      depth: number;
      deptType?: string;
    },
    tx: Tx,
  ) {
    return tx.orgUnit.create({ data });
  }

  async insertClosure(unitId: string, parentId: string | null, tx: Tx): Promise<void> {
    const parentAncestors = parentId
      ? await tx.orgUnitClosure.findMany({
          where: { descendantId: parentId },
          select: { ancestorId: true, distance: true },
        })
      : [];
    await tx.orgUnitClosure.createMany({ data: closureRowsFor(unitId, parentAncestors) });
  }

  /** Re-hangs a subtree under a new parent: drop the links from outside ancestors, add links to the new ones. */
  async moveSubtree(unitId: string, newParentId: string, depthDelta: number, tx: Tx): Promise<void> {
    await tx.$executeRaw`DELETE FROM org_unit_closure c USING org_unit_closure sub
      WHERE c.descendant_id = sub.descendant_id AND sub.ancestor_id = ${unitId}::uuid
        AND c.ancestor_id NOT IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ${unitId}::uuid)`;
    await tx.$executeRaw`INSERT INTO org_unit_closure (ancestor_id, descendant_id, distance)
      SELECT up.ancestor_id, sub.descendant_id, up.distance + sub.distance + 1
      FROM org_unit_closure up, org_unit_closure sub
      WHERE up.descendant_id = ${newParentId}::uuid AND sub.ancestor_id = ${unitId}::uuid`;
    await tx.$executeRaw`UPDATE org_unit SET depth = depth + ${depthDelta}
      WHERE id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ${unitId}::uuid)`;
    await tx.orgUnit.update({ where: { id: unitId }, data: { parentId: newParentId } });
  }

  gridOfAddress(text: string) {
    return this.prisma.address.findUnique({ where: { text }, include: { grid: true } });
  }

  staffOf(unitId: string, roles: Role[], day: Date) {
    return this.prisma.position.findMany({
      where: { unitId, role: { in: roles }, startsOn: { lte: day }, OR: [{ endsOn: null }, { endsOn: { gte: day } }] },
      include: { person: { select: { id: true, name: true, phone: true } } },
      orderBy: { role: 'asc' },
    });
  }

  departmentFor(streetId: string, category: string) {
    return this.prisma.orgUnit.findFirst({
      where: { parentId: streetId, kind: 'DEPARTMENT', categories: { some: { category } } },
    });
  }
}
