import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../infra/prisma/prisma.service';

/** What the completion table counts: confirmed tasks per agency and kind, and fulfilled micro-wishes, in a year. */
@Injectable()
export class CompletionRepository {
  constructor(private readonly prisma: PrismaService) {}

  confirmedTasks(year: number) {
    return this.prisma.programmeTask.groupBy({
      by: ['partyOrgId', 'kind'],
      where: { year, status: 'CONFIRMED', partyOrgId: { not: null } },
      _count: { _all: true },
    });
  }

  /** Wishes count in the year (China time) they were fulfilled, for the party organisation that claimed them. */
  fulfilledWishes(year: number) {
    return this.prisma.microWish.groupBy({
      by: ['claimedByOrgId'],
      where: {
        status: 'FULFILLED',
        claimedByOrgId: { not: null },
        fulfilledAt: {
          gte: new Date(`${year}-01-01T00:00:00+08:00`),
          lt: new Date(`${year + 1}-01-01T00:00:00+08:00`),
        },
      },
      _count: { _all: true },
    });
  }

  units(ids: string[]) {
    return this.prisma.orgUnit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, code: true } });
  }
}
