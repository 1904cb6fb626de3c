import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../infra/prisma/prisma.service';

/** What a monthly dispatch counts, and the stored reports (one per programme month). */
@Injectable()
export class ProgrammeDispatchRepository {
  constructor(private readonly prisma: PrismaService) {}

  tasks(year: number) {
    return this.prisma.programmeTask.findMany({
      where: { year },
      select: { partyOrgId: true, communityId: true, kind: true, status: true, overdue: true, confirmedMonth: true },
    });
  }

  wishes(until: Date) {
    return this.prisma.microWish.findMany({
      where: { createdAt: { lt: until } },
      select: { communityId: true, claimedByOrgId: true, status: true, createdAt: true, fulfilledAt: true },
    });
  }

  livePairings() {
    return this.prisma.programmePairing.findMany({
      where: { endedAt: null },
      select: { partyOrgId: true, communityId: true },
    });
  }

  liveReportIns() {
    return this.prisma.memberReportIn.findMany({
      where: { endedAt: null },
      select: { personId: true, partyOrgId: true, communityId: true, status: true },
    });
  }

  /** Volunteer activities held in [from, to), with their confirmed attendances. */
  activities(from: Date, to: Date) {
    return this.prisma.volunteerActivity.findMany({
      where: { startsAt: { gte: from, lt: to } },
      select: {
        communityId: true,
        signups: { where: { confirmedAt: { not: null } }, select: { personId: true, hours: true } },
      },
    });
  }

  /** Party member posts held on `day` under each of these organisations. */
  async memberCounts(orgIds: string[], day: Date): Promise<Map<string, number>> {
    const rows = await this.prisma.orgUnitClosure.findMany({
      where: { ancestorId: { in: orgIds } },
      select: { ancestorId: true, descendantId: true },
    });
    const positions = await this.prisma.position.findMany({
      where: {
        role: 'PARTY_MEMBER',
        unitId: { in: [...new Set(rows.map((r) => r.descendantId))] },
        startsOn: { lte: day },
        OR: [{ endsOn: null }, { endsOn: { gte: day } }],
      },
      select: { personId: true, unitId: true },
    });
    const counts = new Map<string, number>();
    for (const org of orgIds) {
      const under = new Set(rows.filter((r) => r.ancestorId === org).map((r) => r.descendantId));
      counts.set(org, new Set(positions.filter((p) => under.has(p.unitId)).map((p) => p.personId)).size);
    }
    return counts;
  }

  units(ids: string[]) {
    return this.prisma.orgUnit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  }

  /** The first district above these units (the supervisors who get the roll-up). */
  async districtsOf(unitIds: string[]): Promise<string[]> {
    const rows = await this.prisma.orgUnitClosure.findMany({
      where: { descendantId: { in: unitIds }, ancestor: { kind: 'DISTRICT' } },
      select: { ancestorId: true },
    });
    return [...new Set(rows.map((r) => r.ancestorId))];
  }

  /** Stores the month's report once: a rerun finds the row by (year, month) and writes nothing. */
  storeOnce(
    row: Prisma.ProgrammeDispatchReportUncheckedCreateInput,
    onCreated: (id: string, tx: Prisma.TransactionClient) => Promise<void>,
  ): Promise<{ id: string; created: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.programmeDispatchReport.createMany({ data: [row], skipDuplicates: true });
      const stored = await tx.programmeDispatchReport.findUniqueOrThrow({
        where: { year_month: { year: row.year, month: row.month } },
        select: { id: true },
      });
      if (created.count === 1) await onCreated(stored.id, tx);
      return { id: stored.id, created: created.count === 1 };
    });
  }

  list(year?: number) {
    return this.prisma.programmeDispatchReport.findMany({
      where: year ? { year } : {},
      orderBy: [{ year: 'desc' }, { month: 'desc' }],
    });
  }

  byId(id: string) {
    return this.prisma.programmeDispatchReport.findUnique({ where: { id } });
  }
}
