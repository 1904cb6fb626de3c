import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import type { CaseStatus } from '../../generated/prisma/enums';
import type { UnitScope } from '../../common/auth/unit-scope';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { FINISHED, statusesBefore } from '../../shared/process/request-case.states';
import type { CaseAction } from '../../shared/process/request-case.states';
import { isUuid, unitsInScope } from '../org/org.repository';

type Tx = Prisma.TransactionClient;

/** Cases whose grid lies in the scope; an administrator also sees cases without a grid. */
export const casesInScope = (scope: UnitScope): Prisma.RequestCaseWhereInput =>
  scope.all ? {} : { grid: unitsInScope(scope) };

/** What staff may read: cases in their scope as above, and cases where a unit in their scope co-handles (removed ones no longer do). */
export const casesVisibleTo = (scope: UnitScope): Prisma.RequestCaseWhereInput =>
  scope.all
    ? {}
    : {
        OR: [
          { grid: unitsInScope(scope) },
          { coHandlers: { some: { state: { not: 'REMOVED' }, unit: unitsInScope(scope) } } },
        ],
      };

const statusSql = (statuses: CaseStatus[]) => Prisma.join(statuses.map((s) => Prisma.sql`${s}::"CaseStatus"`));
/** The units at or under the scope's roots, through the closure table: `unitsInScope` in SQL. */
const unitsUnderSql = (roots: string[]) =>
  Prisma.sql`SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ANY(${roots}::uuid[])`;

/** 主办单位 first: the accountable unit, then the grid a re-dispatched case waits on (both lead until it accepts). */
export const leadUnitIds = (row: { accountableUnitId: string | null; gridId: string | null }): string[] => [
  ...new Set([row.accountableUnitId, row.gridId].filter((id): id is string => !!id)),
];

/** Cases a person reported: by their phone, or by their person id when staff registered it for them. */
export interface Reporter {
  personId: string;
  phone: string;
}
export const reportedBy = (who: Reporter): Prisma.RequestCaseWhereInput => ({
  OR: [{ reporterPhone: who.phone }, { reporterPersonId: who.personId }],
});

export interface DuplicateSearch {
  category: string;
  since: Date;
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number };
  scope: UnitScope;
}

@Injectable()
export class RequestCaseRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  byRequestKey(requestKey: string) {
    return this.prisma.requestCase.findUnique({ where: { requestKey } });
  }

  byId(id: string, tx: Tx = this.prisma) {
    return isUuid(id) ? tx.requestCase.findUnique({ where: { id } }) : Promise.resolve(null);
  }

  inScope(id: string, scope: UnitScope) {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.prisma.requestCase.findFirst({
      where: { id, ...casesInScope(scope) },
      include: { events: { orderBy: { seq: 'asc' } }, supervisionOrders: { orderBy: { openedAt: 'asc' } } },
    });
  }

  visible(id: string, scope: UnitScope) {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.prisma.requestCase.findFirst({
      where: { id, ...casesVisibleTo(scope) },
      include: { events: { orderBy: { seq: 'asc' } }, supervisionOrders: { orderBy: { openedAt: 'asc' } } },
    });
  }

  /** The reporter's own case with its timeline; null for anyone else's. */
  ownCase(id: string, who: Reporter) {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.prisma.requestCase.findFirst({
      where: { id, ...reportedBy(who) },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
  }

  /**
   * Open cases of a category created since `since` whose location falls in the box; the (category, created_at) index
   * narrows the rows first, the box the rest. The caller checks the exact distance.
   */
  duplicateCandidates(q: DuplicateSearch) {
    return this.prisma.requestCase.findMany({
      where: {
        category: q.category,
        createdAt: { gte: q.since },
        status: { notIn: [...FINISHED] },
        latitude: { gte: q.box.minLat, lte: q.box.maxLat },
        longitude: { gte: q.box.minLng, lte: q.box.maxLng },
        ...casesInScope(q.scope),
      },
      select: { id: true, caseNo: true, latitude: true, longitude: true },
      orderBy: { createdAt: 'desc' },
      take: 200,
    });
  }

  list(
    where: Prisma.RequestCaseWhereInput,
    page: { skip: number; take: number },
    include?: Prisma.RequestCaseInclude,
    orderBy: Prisma.RequestCaseOrderByWithRelationInput[] = [{ createdAt: 'desc' }],
  ) {
    return this.prisma.$transaction([
      this.prisma.requestCase.findMany({
        where,
        orderBy,
        skip: page.skip,
        take: page.take,
        include,
      }),
      this.prisma.requestCase.count({ where }),
    ]);
  }

  /** One page by offset, without counting (the list's total comes from the counts read model). */
  page(
    where: Prisma.RequestCaseWhereInput,
    page: { skip: number; take: number },
    include: Prisma.RequestCaseInclude,
    orderBy: Prisma.RequestCaseOrderByWithRelationInput[],
  ) {
    return this.prisma.requestCase.findMany({ where, orderBy, skip: page.skip, take: page.take, include });
  }

  /**
   * The cases of one page by offset in filing order, for the scope and statuses alone (what `casesVisibleTo` says, in
   * SQL): their ids come from the covering index without reading the rows skipped, then only the page's rows are read.
   */
  async pageInScope(
    scope: UnitScope,
    statuses: CaseStatus[],
    page: { skip: number; take: number },
    include: Prisma.RequestCaseInclude,
  ) {
    const visible = scope.all
      ? Prisma.sql`TRUE`
      : Prisma.sql`(
          grid_id IN (${unitsUnderSql(scope.roots)})
          OR id IN (
            SELECT case_id FROM case_co_handler
            WHERE unit_id IN (${unitsUnderSql(scope.roots)}) AND state <> 'REMOVED'
          )
        )`;
    const ids = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM request_case
      WHERE status IN (${statusSql(statuses)}) AND ${visible}
      ORDER BY created_at DESC, id DESC
      OFFSET ${page.skip} LIMIT ${page.take}`;
    return this.prisma.requestCase.findMany({
      where: { id: { in: ids.map((r) => r.id) } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      include,
    });
  }

  /** Cases whose latest extension event is a request: one awaits a supervisor's decision (the workflow allows one at a time). */
  async withPendingExtension(): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT case_id::text AS id FROM case_event
      WHERE kind IN ('EXTENSION_REQUESTED', 'EXTENSION_APPROVED', 'EXTENSION_REJECTED')
      GROUP BY case_id
      HAVING (array_agg(kind ORDER BY seq DESC))[1] = 'EXTENSION_REQUESTED'`;
    return rows.map((r) => r.id);
  }

  count(where: Prisma.RequestCaseWhereInput) {
    return this.prisma.requestCase.count({ where });
  }

  /** One page in keyset order (newest first, then id): no rows are skipped, however deep the page. */
  listAfter(
    where: Prisma.RequestCaseWhereInput,
    after: { createdAt: Date; id: string } | undefined,
    take: number,
    include?: Prisma.RequestCaseInclude,
  ) {
    return this.prisma.requestCase.findMany({
      where: after
        ? {
            AND: [
              where,
              { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] },
            ],
          }
        : where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      include,
    });
  }

  /**
   * The exact number of cases in `statuses` the scope sees, from the counts read model (one row per grid, status and
   * bucket) for cases whose grid is in the scope, plus the co-handled ones outside it (few, counted directly).
   */
  async countVisible(scope: UnitScope, statuses: CaseStatus[]): Promise<number> {
    const statusList = statusSql(statuses);
    const [gridPart, coHandled] = await Promise.all([
      scope.all
        ? this.prisma.$queryRaw<{ n: bigint | null }[]>`
            SELECT sum(n)::bigint AS n FROM case_count WHERE status IN (${statusList})`
        : this.prisma.$queryRaw<{ n: bigint | null }[]>`
            SELECT sum(cc.n)::bigint AS n FROM case_count cc
            WHERE cc.status IN (${statusList})
              AND cc.grid_id IN (${unitsUnderSql(scope.roots)})`,
      scope.all
        ? 0
        : this.prisma.requestCase.count({
            where: {
              status: { in: statuses },
              OR: [{ gridId: null }, { NOT: casesInScope(scope) }],
              coHandlers: { some: { state: { not: 'REMOVED' }, unit: unitsInScope(scope) } },
            },
          }),
    ]);
    return Number(gridPart[0]?.n ?? 0) + coHandled;
  }

  /** Open cases (their clocks still run) with the district they belong to; all districts when `districtId` is null. */
  openCasesWithDistrict(districtId: string | null) {
    return this.prisma.$queryRaw<{ workflowId: string; districtId: string }[]>`
      SELECT c.workflow_id AS "workflowId", s.parent_id::text AS "districtId"
      FROM request_case c JOIN org_unit s ON s.id = c.street_id
      WHERE c.status::text <> ALL(${[...FINISHED]}::text[]) -- a returned case's accept clock and a handled case's department clock still run
        AND (${districtId}::uuid IS NULL OR s.parent_id = ${districtId}::uuid)`;
  }

  create(data: Prisma.RequestCaseUncheckedCreateInput, tx: Tx) {
    return tx.requestCase.create({ data });
  }

  update(id: string, data: Prisma.RequestCaseUncheckedUpdateInput, tx: Tx) {
    return tx.requestCase.update({ where: { id }, data });
  }

  /**
   * Moves the case only from a state the step may leave (the state table's from-states), so a retried older step
   * landing after a newer one changes nothing; false when the case had already moved on.
   */
  async moveStatus(
    id: string,
    action: CaseAction,
    data: Prisma.RequestCaseUncheckedUpdateInput & { status: CaseStatus },
    tx: Tx,
  ): Promise<boolean> {
    const { count } = await tx.requestCase.updateMany({
      where: { id, status: { in: [...statusesBefore(action)] } },
      data,
    });
    return count === 1;
  }

  /** Writes the event once per dedup key; false when a retried activity finds it already there. */
  async addEventOnce(data: Prisma.CaseEventUncheckedCreateInput, tx: Tx): Promise<boolean> {
    const { count } = await tx.caseEvent.createMany({ data: [data], skipDuplicates: true });
    return count === 1;
  }

  /**
   * An escalation's writes in one statement (atomic as one): its timeline entry and 督办单 once per dedup key, the
   * case's level raised (never lowered), and the audit entry when this call wrote the entry. True when it did.
   */
  async escalateOnce(e: {
    caseId: string;
    dedupKey: string;
    note: string;
    data: Record<string, unknown>;
    level: number;
    orderLevel: string;
    clock: string;
    orderDeadline: Date;
    unitId: string | null;
    workflowId: string;
  }): Promise<boolean> {
    const data = JSON.stringify(e.data);
    const [row] = await this.prisma.$queryRaw<{ created: boolean }[]>`
      WITH event AS (
        INSERT INTO case_event (id, case_id, kind, note, data, dedup_key)
        VALUES (gen_random_uuid(), ${e.caseId}::uuid, 'ESCALATED', ${e.note}, ${data}::jsonb, ${e.dedupKey})
        ON CONFLICT (dedup_key) DO NOTHING
        RETURNING id
      ), supervision AS (
        INSERT INTO supervision_order (id, case_id, level, clock, deadline, dedup_key)
        VALUES (gen_random_uuid(), ${e.caseId}::uuid, ${e.orderLevel}, ${e.clock}, ${e.orderDeadline}, ${e.dedupKey})
        ON CONFLICT (dedup_key) DO NOTHING
        RETURNING id
      ), raised AS (
        UPDATE request_case SET escalation_level = ${e.level}
        WHERE id = ${e.caseId}::uuid AND escalation_level < ${e.level}
        RETURNING id
      ), audit AS (
        INSERT INTO audit_entry (action, entity_type, entity_id, unit_id, after, actor_roles, workflow_id)
        SELECT 'case.escalate', 'request_case', ${e.caseId}, ${e.unitId}::uuid, ${data}::jsonb, '{}', ${e.workflowId}
        WHERE EXISTS (SELECT 1 FROM event)
        RETURNING id
      )
      SELECT EXISTS (SELECT 1 FROM event) AS created`;
    return row?.created ?? false;
  }
}
