import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import type { UnitScope } from '../../common/auth/unit-scope';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { RollUpLevel, rollUpKind, unitInScopeSql } from '../org/unit-scope-sql';

export interface MeasureCounts {
  total: number;
  accepted: number;
  acceptedOnTime: number;
  responseDue: number;
  handled: number;
  handledOnTime: number;
  resolutionDue: number;
  /** merged into another case or converted into a mediation dispute: answered, but resolved elsewhere */
  transferred: number;
  escalated: number;
  rated: number;
  satisfied: number;
}
export interface UnitCountsRow extends MeasureCounts {
  id: string;
  code: string;
  name: string;
  kind: string;
}
export interface PersonCountsRow extends MeasureCounts {
  id: string;
  name: string;
}
export interface Period {
  from: Date;
  to: Date;
  asOf: Date;
}

/** The counters behind the three rates, one aggregate per group (see the operation's description for the definitions). */
const counts = (asOf: Date) => Prisma.sql`
  count(*)::int AS total,
  count(*) FILTER (WHERE rc.status <> 'REPORTED')::int AS accepted,
  count(*) FILTER (WHERE rc.accepted_at <= rc.accept_deadline)::int AS "acceptedOnTime",
  count(*) FILTER (WHERE rc.status <> 'REPORTED' OR rc.accept_deadline < ${asOf})::int AS "responseDue",
  count(*) FILTER (WHERE rc.status IN ('HANDLED', 'CLOSED'))::int AS handled,
  count(*) FILTER (WHERE rc.status IN ('HANDLED', 'CLOSED') AND rc.handled_at <= rc.resolve_deadline)::int AS "handledOnTime",
  count(*) FILTER (WHERE rc.status IN ('HANDLED', 'CLOSED') OR (rc.status NOT IN ('REPORTED', 'MERGED', 'CONVERTED') AND rc.resolve_deadline < ${asOf}))::int AS "resolutionDue",
  count(*) FILTER (WHERE rc.status IN ('MERGED', 'CONVERTED'))::int AS transferred,
  count(*) FILTER (WHERE rc.escalation_level > 0)::int AS escalated,
  count(*) FILTER (WHERE r.outcome = 'RATED' AND r.struck_out_at IS NULL)::int AS rated,
  count(*) FILTER (WHERE r.outcome = 'RATED' AND r.struck_out_at IS NULL AND r.stars >= 4)::int AS satisfied`;

/** Aggregates in SQL (GROUP BY), so the cost is one scan of the period's cases, never rows in memory. */
@Injectable()
export class CaseMeasuresRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Cases rolled up to their grid, community or street through the closure table; only units inside the scope. */
  byUnit(scope: UnitScope, period: Period, level: RollUpLevel): Promise<UnitCountsRow[]> {
    return this.prisma.$queryRaw<UnitCountsRow[]>`
      SELECT u.id, u.code, u.name, u.kind::text AS kind, ${counts(period.asOf)}
      FROM request_case rc
      LEFT JOIN case_rating r ON r.case_id = rc.id
      JOIN org_unit_closure c ON c.descendant_id = rc.grid_id
      JOIN org_unit u ON u.id = c.ancestor_id AND u.kind = ${rollUpKind[level]}::"OrgUnitKind"
      WHERE rc.created_at >= ${period.from} AND rc.created_at < ${period.to} AND ${unitInScopeSql(scope, Prisma.sql`u.id`)}
      GROUP BY u.id`;
  }

  /** Each case counts once for every person who accepted or handled it (CaseEvent.actorId); only cases inside the scope. */
  byPerson(scope: UnitScope, period: Period): Promise<PersonCountsRow[]> {
    return this.prisma.$queryRaw<PersonCountsRow[]>`
      SELECT p.id, p.name, ${counts(period.asOf)}
      FROM request_case rc
      LEFT JOIN case_rating r ON r.case_id = rc.id
      JOIN LATERAL (SELECT DISTINCT e.actor_id FROM case_event e
        WHERE e.case_id = rc.id AND e.kind IN ('ACCEPTED', 'HANDLED') AND e.actor_id IS NOT NULL) a ON TRUE
      JOIN person p ON p.id = a.actor_id
      WHERE rc.created_at >= ${period.from} AND rc.created_at < ${period.to} AND ${unitInScopeSql(scope, Prisma.sql`rc.grid_id`)}
      GROUP BY p.id`;
  }
}
