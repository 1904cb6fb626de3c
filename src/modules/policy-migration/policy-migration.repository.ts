import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { CaseStatus } from '../../generated/prisma/enums';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { isUuid, unitsInScope } from '../org/org.repository';

type Tx = Prisma.TransactionClient;

/** The filters a migration was started with, with the caller's scope (null roots: the whole district). */
export interface StoredFilters {
  category?: string;
  unitId?: string;
  states: CaseStatus[];
  scopeRoots: string[] | null;
}

export type MigrationOutcome = 'MIGRATED' | 'SKIPPED';

const candidateSelect = {
  id: true,
  caseNo: true,
  status: true,
  category: true,
  policyVersion: true,
  workflowId: true,
  departmentId: true,
  streetId: true,
  gridId: true,
} satisfies Prisma.RequestCaseSelect;
export type CandidateCase = Prisma.RequestCaseGetPayload<{ select: typeof candidateSelect }>;

/** Cases a migration to `toVersion` considers: matching the filters, in scope, not on that version yet. */
const candidatesWhere = (f: StoredFilters, toVersion: number): Prisma.RequestCaseWhereInput => ({
  AND: [
    f.scopeRoots ? { grid: unitsInScope({ all: false, roots: f.scopeRoots }) } : {},
    f.unitId ? { grid: unitsInScope({ all: false, roots: [f.unitId] }) } : {},
  ],
  ...(f.category ? { category: f.category } : {}),
  status: { in: f.states },
  policyVersion: { not: toVersion },
});

@Injectable()
export class PolicyMigrationRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  /** One page of candidates in id order after `after` (keyset), and how many there are in all. */
  candidates(f: StoredFilters, toVersion: number, after: string | null | undefined, take: number) {
    const where = candidatesWhere(f, toVersion);
    return this.prisma.requestCase.findMany({
      where: after ? { AND: [where, { id: { gt: after } }] } : where,
      select: candidateSelect,
      orderBy: { id: 'asc' },
      take,
    });
  }

  countCandidates(f: StoredFilters, toVersion: number) {
    return this.prisma.requestCase.count({ where: candidatesWhere(f, toVersion) });
  }

  districtOfStreet(streetId: string) {
    return this.prisma.orgUnit
      .findUnique({ where: { id: streetId }, select: { parentId: true } })
      .then((u) => u?.parentId ?? undefined);
  }

  create(data: Prisma.PolicyMigrationUncheckedCreateInput, tx: Tx) {
    return tx.policyMigration.create({ data });
  }

  find(id: string) {
    return isUuid(id) ? this.prisma.policyMigration.findUnique({ where: { id } }) : Promise.resolve(null);
  }

  decided(migrationId: string, caseIds: string[]) {
    return this.prisma.policyMigrationCase
      .findMany({ where: { migrationId, caseId: { in: caseIds } }, select: { caseId: true } })
      .then((rows) => new Set(rows.map((r) => r.caseId)));
  }

  /** Written once per case: a retried batch finds the row and leaves it. */
  async recordOutcome(data: Prisma.PolicyMigrationCaseUncheckedCreateInput): Promise<void> {
    await this.prisma.policyMigrationCase.createMany({ data: [data], skipDuplicates: true });
  }

  /** Moves the cursor forward only (a late retry never moves it back) and recounts the outcomes. */
  async advance(migrationId: string, cursor: string | null, done: boolean): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const counts = await tx.policyMigrationCase.groupBy({
        by: ['outcome'],
        where: { migrationId },
        _count: { _all: true },
      });
      const count = (o: MigrationOutcome) => counts.find((c) => c.outcome === o)?._count._all ?? 0;
      await tx.policyMigration.update({
        where: { id: migrationId },
        data: { migrated: count('MIGRATED'), skipped: count('SKIPPED') },
      });
      if (cursor) {
        await tx.policyMigration.updateMany({
          where: { id: migrationId, OR: [{ cursor: null }, { cursor: { lt: cursor } }] },
          data: { cursor },
        });
      }
      if (done) {
        await tx.policyMigration.updateMany({
          where: { id: migrationId, status: 'RUNNING' },
          data: { status: 'COMPLETED', finishedAt: new Date() },
        });
      }
    });
  }

  fail(migrationId: string, error: string) {
    return this.prisma.policyMigration.updateMany({
      where: { id: migrationId, status: 'RUNNING' },
      data: { status: 'FAILED', error, finishedAt: new Date() },
    });
  }

  skippedCases(migrationId: string, take: number) {
    return this.prisma.policyMigrationCase.findMany({
      where: { migrationId, outcome: 'SKIPPED' },
      orderBy: { caseId: 'asc' },
      take,
      select: { caseId: true, caseNo: true, reason: true, fromVersion: true },
    });
  }

  skippedByReason(migrationId: string) {
    return this.prisma.policyMigrationCase.groupBy({
      by: ['reason'],
      where: { migrationId, outcome: 'SKIPPED' },
      _count: { _all: true },
    });
  }
}
