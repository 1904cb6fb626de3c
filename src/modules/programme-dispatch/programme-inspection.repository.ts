import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../infra/prisma/prisma.service';

type Tx = Prisma.TransactionClient;

/** Inspection rounds, their per-agency items and the interviews a round's close calls. */
@Injectable()
export class ProgrammeInspectionRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  /** The round for the month, created once (a rerun finds it), with an item for each agency not yet in it. */
  async openOnce(
    round: { year: number; month: number; deadline: Date; workflowId: string },
    agencies: string[],
    checklist: readonly string[],
  ) {
    return this.prisma.$transaction(async (tx) => {
      await tx.programmeInspectionRound.createMany({ data: [round], skipDuplicates: true });
      const row = await tx.programmeInspectionRound.findUniqueOrThrow({
        where: { year_month: { year: round.year, month: round.month } },
      });
      if (row.status === 'OPEN')
        await tx.programmeInspectionItem.createMany({
          data: agencies.map((partyOrgId) => ({ roundId: row.id, partyOrgId, checklist: [...checklist] })),
          skipDuplicates: true,
        });
      return row;
    });
  }

  round(id: string, tx: Tx = this.prisma) {
    return tx.programmeInspectionRound.findUnique({ where: { id }, include: { items: true } });
  }

  /** Locks the round row until the transaction ends: findings and the close never interleave. */
  async lockRound(id: string, tx: Tx) {
    const rows = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text FROM programme_inspection_round WHERE id = ${id}::uuid FOR UPDATE`;
    return rows[0]?.status;
  }

  rounds(year?: number) {
    return this.prisma.programmeInspectionRound.findMany({
      where: year ? { year } : {},
      orderBy: [{ year: 'desc' }, { month: 'desc' }],
      include: { items: { select: { findings: true } } },
    });
  }

  interviews(where: Prisma.ProgrammeInterviewWhereInput) {
    return this.prisma.programmeInterview.findMany({ where, orderBy: { scheduledAt: 'asc' } });
  }

  interview(id: string) {
    return this.prisma.programmeInterview.findUnique({ where: { id } });
  }
}
