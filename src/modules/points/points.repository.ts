import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import type { UnitScope } from '../../common/auth/unit-scope';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { unitInScopeSql } from '../org/unit-scope-sql';

export interface BalanceRow {
  id: string;
  name: string;
  points: number;
  entries: number;
}
export interface PointsEntryRow {
  id: string;
  holderKind: string;
  unitId: string;
  personId: string | null;
  points: number;
  reason: string;
  caseId: string | null;
  policyVersion: number;
  reversesId: string | null;
  at: Date;
}

type Tx = Prisma.TransactionClient;

/** The append-only points ledger: entries keyed so a retried activity writes nothing twice; balances are aggregates computed in SQL. */
@Injectable()
export class PointsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async addPointsOnce(entries: Prisma.PointsEntryCreateManyInput[], tx: Tx): Promise<number> {
    if (!entries.length) return 0;
    return (await tx.pointsEntry.createMany({ data: entries, skipDuplicates: true })).count;
  }

  pointsOfCase(caseId: string, tx: Tx) {
    return tx.pointsEntry.findMany({ where: { caseId, reversesId: null, dedupKey: { startsWith: 'rating:' } } });
  }

  /** One page of the ranking and the number of holders ranked (window count: one query). */
  async balances(
    scope: UnitScope,
    from: Date,
    to: Date,
    groupBy: 'unit' | 'person',
    page: { skip: number; take: number },
  ): Promise<{ rows: BalanceRow[]; total: number }> {
    const holder =
      groupBy === 'unit'
        ? Prisma.sql`JOIN org_unit h ON h.id = pe.unit_id WHERE pe.holder_kind = 'UNIT'`
        : Prisma.sql`JOIN person h ON h.id = pe.person_id WHERE pe.holder_kind = 'PERSON'`;
    const rows = await this.prisma.$queryRaw<(BalanceRow & { total: number })[]>`
      SELECT h.id, h.name, sum(pe.points)::int AS points, count(*)::int AS entries, (count(*) OVER ())::int AS total
      FROM points_entry pe ${holder}
        AND pe.at >= ${from} AND pe.at < ${to} AND ${unitInScopeSql(scope, Prisma.sql`pe.unit_id`)}
      GROUP BY h.id, h.name
      ORDER BY points DESC, h.name, h.id
      LIMIT ${page.take} OFFSET ${page.skip}`;
    if (!rows.length && page.skip > 0) {
      // past the last page: the count still answers
      const [{ n }] = await this.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(DISTINCT h.id)::int AS n FROM points_entry pe ${holder}
          AND pe.at >= ${from} AND pe.at < ${to} AND ${unitInScopeSql(scope, Prisma.sql`pe.unit_id`)}`;
      return { rows: [], total: n };
    }
    return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  async entries(
    scope: UnitScope,
    q: { unitId?: string; personId?: string; from?: Date; to?: Date },
    page: { skip: number; take: number },
  ) {
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
