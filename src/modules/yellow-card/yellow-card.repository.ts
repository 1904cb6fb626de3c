import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import type { HolderKind } from '../../generated/prisma/enums';
import type { UnitScope } from '../../common/auth/unit-scope';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { isUuid, unitsInScope } from '../org/org.repository';
import { RollUpLevel, rollUpKind, unitInScopeSql } from '../org/unit-scope-sql';
import type { CaseKeys } from '../../shared/search-attributes';

type Tx = Prisma.TransactionClient;

export interface CardSummaryRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  issued: number;
  rectified: number;
  rectifiedOnTime: number;
  open: number;
  appealed: number;
  upheld: number;
  interviews: number;
  annualReview: number;
}

/** Cards whose holder unit lies in the scope. */
export const cardsInScope = (scope: UnitScope): Prisma.YellowCardWhereInput =>
  scope.all ? {} : { unit: unitsInScope(scope) };

/** Yellow cards, their timeline and 约谈 interviews: every write keyed so a retried activity writes nothing twice; summaries computed in SQL. */
@Injectable()
export class YellowCardRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  /** The keys a card's notifications and search attributes carry: the case's number, category and units. */
  caseKeysOf(caseId: string): Promise<CaseKeys | null> {
    return this.prisma.requestCase.findUnique({
      where: { id: caseId },
      select: { caseNo: true, category: true, gridId: true, communityId: true, streetId: true },
    });
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
        holderKind: holder.holderKind,
        status: { not: 'VOID' },
        issuedAt: { gte: since },
        ...(holder.holderKind === 'PERSON' ? { personId: holder.personId } : { unitId: holder.unitId }),
      },
    });
  }

  siblingCards(ratingId: string, workflowId: string, tx: Tx) {
    return tx.yellowCard.findMany({
      where: { ratingId, workflowId: { not: workflowId }, status: { notIn: ['VOID', 'RECTIFIED'] } },
      select: { workflowId: true },
    });
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
      include: {
        events: { orderBy: { seq: 'asc' } },
        interview: true,
        case: { select: { id: true, caseNo: true, category: true, description: true } },
      },
    });
  }

  listCards(where: Prisma.YellowCardWhereInput, page: { skip: number; take: number }) {
    return this.prisma.$transaction([
      this.prisma.yellowCard.findMany({
        where,
        orderBy: { issuedAt: 'desc' },
        skip: page.skip,
        take: page.take,
        include: { interview: true },
      }),
      this.prisma.yellowCard.count({ where }),
    ]);
  }

  cardSummary(scope: UnitScope, from: Date, to: Date, level: RollUpLevel): Promise<CardSummaryRow[]> {
    return this.prisma.$queryRaw<CardSummaryRow[]>`
      SELECT u.id, u.code, u.name, u.kind::text AS kind,
        count(*)::int AS issued,
        count(*) FILTER (WHERE yc.status = 'RECTIFIED')::int AS rectified,
        count(*) FILTER (WHERE yc.status = 'RECTIFIED' AND yc.rectified_on_time)::int AS "rectifiedOnTime",
        count(*) FILTER (WHERE yc.status NOT IN ('RECTIFIED', 'VOID'))::int AS open,
        count(*) FILTER (WHERE yc.appealed_at IS NOT NULL)::int AS appealed,
        count(*) FILTER (WHERE yc.appeal_decision = 'UPHELD')::int AS upheld,
        count(ci.id)::int AS interviews,
        count(*) FILTER (WHERE yc.annual_review)::int AS "annualReview"
      FROM yellow_card yc
      LEFT JOIN card_interview ci ON ci.card_id = yc.id
      JOIN org_unit_closure c ON c.descendant_id = yc.unit_id
      JOIN org_unit u ON u.id = c.ancestor_id AND u.kind = ${rollUpKind[level]}::"OrgUnitKind"
      WHERE yc.issued_at >= ${from} AND yc.issued_at < ${to} AND ${unitInScopeSql(scope, Prisma.sql`u.id`)}
      GROUP BY u.id
      ORDER BY issued DESC, u.code`;
  }
}
