import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { isUuid } from '../org/org.repository';

type Tx = Prisma.TransactionClient;

/** 一事一评 rating rows (one per case) and the case events they add: every write keyed so a retried activity writes nothing twice. */
@Injectable()
export class CaseRatingRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  /** The case with the person who last marked it handled (the one a rating credits or warns). */
  async caseForRating(caseId: string, tx: Tx = this.prisma) {
    if (!isUuid(caseId)) return null;
    const row = await tx.requestCase.findUnique({ where: { id: caseId } });
    if (!row) return null;
    const handled = await tx.caseEvent.findFirst({
      where: { caseId, kind: 'HANDLED', actorId: { not: null } },
      orderBy: { seq: 'desc' },
    });
    return { ...row, handledBy: handled?.actorId ?? null };
  }

  ratingOf(caseId: string, tx: Tx = this.prisma) {
    return isUuid(caseId) ? tx.caseRating.findUnique({ where: { caseId } }) : Promise.resolve(null);
  }

  /** Inserts the rating once per case; the existing row when it is already there (a retry, or a racing writer). */
  async insertRatingOnce(data: Prisma.CaseRatingUncheckedCreateInput, tx: Tx) {
    await tx.caseRating.createMany({ data: [data], skipDuplicates: true });
    return tx.caseRating.findUniqueOrThrow({ where: { caseId: data.caseId } });
  }

  strikeOut(ratingId: string, reason: string, at: Date, tx: Tx) {
    return tx.caseRating.updateMany({
      where: { id: ratingId, struckOutAt: null },
      data: { struckOutAt: at, struckReason: reason },
    });
  }

  async addCaseEventOnce(data: Prisma.CaseEventUncheckedCreateInput, tx: Tx): Promise<boolean> {
    return (await tx.caseEvent.createMany({ data: [data], skipDuplicates: true })).count === 1;
  }
}
