import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import type { HolderKind } from '../../generated/prisma/enums';
import type { UnitScope } from '../../common/auth/unit-scope';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { isUuid, unitsInScope } from '../org/org.repository';
import type { CaseKeys } from '../../shared/search-attributes';

type Tx = Prisma.TransactionClient;

/** Cards whose holder unit lies in the scope. */
export const cardsInScope = (scope: UnitScope): Prisma.YellowCardWhereInput => (scope.all ? {} : { unit: unitsInScope(scope) });

/** Ratings, the points ledger and yellow cards: every write keyed so a retried activity writes nothing twice. */
@Injectable()
export class RatingRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  /** The case with the person who last marked it handled (the one a rating credits or warns). */
  async caseForRating(caseId: string, tx: Tx = this.prisma) {
    if (!isUuid(caseId)) return null;
    const row = await tx.requestCase.findUnique({ where: { id: caseId } });
    if (!row) return null;
    const handled = await tx.caseEvent.findFirst({ where: { caseId, kind: 'HANDLED', actorId: { not: null } }, orderBy: { seq: 'desc' } });
    return { ...row, handledBy: handled?.actorId ?? null };
  }

  /** The keys a card's notifications and search attributes carry: the case's number, category and units. */
  caseKeysOf(caseId: string): Promise<CaseKeys | null> {
    return this.prisma.requestCase.findUnique({ where: { id: caseId }, select: { caseNo: true, category: true, gridId: true, communityId: true, streetId: true } });
  }

  ratingOf(caseId: string, tx: Tx = this.prisma) {
    return isUuid(caseId) ? tx.caseRating.findUnique({ where: { caseId } }) : Promise.resolve(null);
  }

  /** Inserts the rating once per case; the existing row when it is already there (a retry, or a racing writer). */
  async insertRatingOnce(data: Prisma.CaseRatingUncheckedCreateInput, tx: Tx) {
    await tx.caseRating.createMany({ data: [data], skipDuplicates: true });
    return tx.caseRating.findUniqueOrThrow({ where: { caseId: data.caseId } });
  }

  async addPointsOnce(entries: Prisma.PointsEntryCreateManyInput[], tx: Tx): Promise<number> {
    if (!entries.length) return 0;
    return (await tx.pointsEntry.createMany({ data: entries, skipDuplicates: true })).count;
  }

  pointsOfCase(caseId: string, tx: Tx) {
    return tx.pointsEntry.findMany({ where: { caseId, reversesId: null, dedupKey: { startsWith: 'rating:' } } });
  }

  strikeOut(ratingId: string, reason: string, at: Date, tx: Tx) {
    return tx.caseRating.updateMany({ where: { id: ratingId, struckOutAt: null }, data: { struckOutAt: at, struckReason: reason } });
  }

  async addCaseEventOnce(data: Prisma.CaseEventUncheckedCreateInput, tx: Tx): Promise<boolean> {
    return (await tx.caseEvent.createMany({ data: [data], skipDuplicates: true })).count === 1;
  }

  cardByWorkflow(workflowId: string, tx: Tx = this.prisma) {
    return tx.yellowCard.findUnique({ where: { workflowId } });
  }

  createCard(data: Prisma.YellowCardUncheckedCreateInput, tx: Tx) {
    return tx.yellowCard.create({ data });
  }

  updateCard(id: string, data: Prisma.YellowCardUncheckedUpdateInput, tx: Tx) {
    return tx.yellowCard.update({ where: { id }, data });
  }

  /** Serialises issuing for one holder, so two cards issued at once still count each other. */
  async lockHolder(key: string, tx: Tx): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`yellow-card:${key}`}))`;
  }

  /** The holder's cards within the period that still stand (void ones do not count towards repeats). */
  liveCardsOf(holder: { holderKind: HolderKind; unitId: string; personId?: string | null }, since: Date, tx: Tx) {
    return tx.yellowCard.count({
      where: {
        holderKind: holder.holderKind, status: { not: 'VOID' }, issuedAt: { gte: since },
        ...(holder.holderKind === 'PERSON' ? { personId: holder.personId } : { unitId: holder.unitId }),
      },
    });
  }

  siblingCards(ratingId: string, workflowId: string, tx: Tx) {
    return tx.yellowCard.findMany({ where: { ratingId, workflowId: { not: workflowId }, status: { notIn: ['VOID', 'RECTIFIED'] } }, select: { workflowId: true } });
  }

  async addCardEventOnce(data: Prisma.CardEventUncheckedCreateInput, tx: Tx): Promise<boolean> {
    return (await tx.cardEvent.createMany({ data: [data], skipDuplicates: true })).count === 1;
  }

  async openInterviewOnce(data: Prisma.CardInterviewUncheckedCreateInput, tx: Tx): Promise<boolean> {
    return (await tx.cardInterview.createMany({ data: [data], skipDuplicates: true })).count === 1;
  }

  updateInterview(cardId: string, data: Prisma.CardInterviewUncheckedUpdateManyInput, tx: Tx) {
    return tx.cardInterview.updateMany({ where: { cardId }, data });
  }

  cardInScope(id: string, scope: UnitScope) {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.prisma.yellowCard.findFirst({
      where: { id, ...cardsInScope(scope) },
      include: { events: { orderBy: { seq: 'asc' } }, interview: true, case: { select: { id: true, caseNo: true, category: true, description: true } } },
    });
  }

  listCards(where: Prisma.YellowCardWhereInput, page: { skip: number; take: number }) {
    return this.prisma.$transaction([
      this.prisma.yellowCard.findMany({ where, orderBy: { issuedAt: 'desc' }, skip: page.skip, take: page.take, include: { interview: true } }),
      this.prisma.yellowCard.count({ where }),
    ]);
  }
}
