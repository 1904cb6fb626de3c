import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../infra/prisma/prisma.service';
import type { UnitScope } from '../../common/auth/unit-scope';
import { unitsInScope } from '../org/org.repository';

export interface AuditFilter {
  from?: Date;
  to?: Date;
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  append(data: Prisma.AuditEntryUncheckedCreateInput, tx: Prisma.TransactionClient = this.prisma) {
    return tx.auditEntry.create({ data, select: { id: true } });
  }

  list(scope: UnitScope, filter: AuditFilter, page: { skip: number; take: number }) {
    const where = this.where(scope, filter);
    return this.prisma.$transaction([
      this.prisma.auditEntry.findMany({ where, orderBy: { id: 'desc' }, skip: page.skip, take: page.take }),
      this.prisma.auditEntry.count({ where }),
    ]);
  }

  async *stream(scope: UnitScope, filter: AuditFilter, batch = 1_000) {
    let cursor: bigint | undefined;
    for (;;) {
      const rows = await this.prisma.auditEntry.findMany({
        where: { ...this.where(scope, filter), ...(cursor ? { id: { lt: cursor } } : {}) },
        orderBy: { id: 'desc' },
        take: batch,
      });
      if (!rows.length) return;
      yield rows;
      cursor = rows[rows.length - 1].id;
    }
  }

  private where(scope: UnitScope, filter: AuditFilter): Prisma.AuditEntryWhereInput {
    return {
      ...(scope.all ? {} : { unit: unitsInScope(scope) }),
      ...(filter.from || filter.to ? { at: { gte: filter.from, lt: filter.to } } : {}),
      ...(filter.entityType ? { entityType: filter.entityType } : {}),
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.action ? { action: filter.action } : {}),
    };
  }
}
