import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import type { UnitScope } from '../../common/auth/unit-scope';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { RollUpLevel, rollUpKind, unitInScopeSql } from '../org/unit-scope-sql';


export interface CardSummaryRow {
  id: string; code: string; name: string; kind: string;
  issued: number; rectified: number; rectifiedOnTime: number; open: number; appealed: number; upheld: number; interviews: number; annualReview: number;
}
export interface BalanceRow { id: string; name: string; points: number; entries: number }
export interface PointsEntryRow {
  id: string; holderKind: string; unitId: string; personId: string | null; points: number; reason: string; caseId: string | null;
  policyVersion: number; reversesId: string | null; at: Date;
}


/** Derived figures only: card summaries and points balances are aggregates over append-only rows, computed in SQL. */
@Injectable()
export class RatingMeasuresRepository {
  constructor(private readonly prisma: PrismaService) {}

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

  balances(scope: UnitScope, from: Date, to: Date, groupBy: 'unit' | 'person'): Promise<BalanceRow[]> {
    const holder = groupBy === 'unit'
      ? Prisma.sql`JOIN org_unit h ON h.id = pe.unit_id WHERE pe.holder_kind = 'UNIT'`
      : Prisma.sql`JOIN person h ON h.id = pe.person_id WHERE pe.holder_kind = 'PERSON'`;
    return this.prisma.$queryRaw<BalanceRow[]>`
      SELECT h.id, h.name, sum(pe.points)::int AS points, count(*)::int AS entries
      FROM points_entry pe ${holder}
        AND pe.at >= ${from} AND pe.at < ${to} AND ${unitInScopeSql(scope, Prisma.sql`pe.unit_id`)}
      GROUP BY h.id, h.name
      ORDER BY points DESC, h.name`;
  }

  async entries(scope: UnitScope, q: { unitId?: string; personId?: string; from?: Date; to?: Date }, page: { skip: number; take: number }) {
    const where = Prisma.sql`WHERE ${unitInScopeSql(scope, Prisma.sql`pe.unit_id`)}
      AND (${q.unitId ?? null}::uuid IS NULL OR pe.unit_id = ${q.unitId ?? null}::uuid)
      AND (${q.personId ?? null}::uuid IS NULL OR pe.person_id = ${q.personId ?? null}::uuid)
      AND (${q.from ?? null}::timestamptz IS NULL OR pe.at >= ${q.from ?? null}::timestamptz)
      AND (${q.to ?? null}::timestamptz IS NULL OR pe.at < ${q.to ?? null}::timestamptz)`;
    const [items, [{ total }]] = await Promise.all([
      this.prisma.$queryRaw<PointsEntryRow[]>`
        SELECT pe.id, pe.holder_kind::text AS "holderKind", pe.unit_id AS "unitId", pe.person_id AS "personId", pe.points, pe.reason, pe.case_id AS "caseId",
          pe.policy_version AS "policyVersion", pe.reverses_id AS "reversesId", pe.at
        FROM points_entry pe ${where} ORDER BY pe.at DESC, pe.id LIMIT ${page.take} OFFSET ${page.skip}`,
      this.prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM points_entry pe ${where}`,
    ]);
    return { items, total };
  }
}
