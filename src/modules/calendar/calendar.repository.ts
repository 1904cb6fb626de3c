import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../infra/prisma/prisma.service';

type Tx = Prisma.TransactionClient;
/** null is the national base calendar; otherwise a district's override. */
export type CalendarScope = string | null;
export interface NewCalendarVersion {
  scopeUnitId: CalendarScope;
  version: number;
  data: Prisma.InputJsonValue;
  note?: string;
  createdBy?: string;
}

@Injectable()
export class CalendarRepository {
  constructor(private readonly prisma: PrismaService) {}

  latest(scopeUnitId: CalendarScope, tx: Tx = this.prisma) {
    return tx.calendarVersion.findFirst({ where: { scopeUnitId }, orderBy: { version: 'desc' } });
  }

  list(scopeUnitId: CalendarScope) {
    return this.prisma.calendarVersion.findMany({ where: { scopeUnitId }, orderBy: { version: 'desc' } });
  }

  latestVersionPerScope() {
    return this.prisma.calendarVersion.groupBy({ by: ['scopeUnitId'], _max: { version: true } });
  }

  /**
   * Serialises version numbering per scope until the transaction ends. The unique (scope_unit_id, version) index
   * cannot do it for the base calendar: PostgreSQL treats NULL scopes as distinct, so (NULL, 2) could be inserted twice.
   */
  async lockScope(scopeUnitId: CalendarScope, tx: Tx): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`calendar_version:${scopeUnitId ?? 'base'}`}, 0))`;
  }

  insert(row: NewCalendarVersion, tx: Tx) {
    return tx.calendarVersion.create({ data: row });
  }

  districts() {
    return this.prisma.orgUnit.findMany({
      where: { kind: 'DISTRICT' },
      select: { id: true, name: true },
      orderBy: { code: 'asc' },
    });
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }
}
