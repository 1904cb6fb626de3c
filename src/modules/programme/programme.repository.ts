import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { OrgUnitKind } from '../../generated/prisma/enums';
import type { UnitScope } from '../../common/auth/unit-scope';
import { PrismaService } from '../../infra/prisma/prisma.service';

type Tx = Prisma.TransactionClient;
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Programme years and the org-tree look-ups the programme's modules share (scope, agencies, districts). */
@Injectable()
export class ProgrammeRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  years() {
    return this.prisma.programmeYear.findMany({ orderBy: { year: 'desc' } });
  }

  year(year: number, tx: Tx = this.prisma) {
    return tx.programmeYear.findUnique({ where: { year } });
  }

  /** Serialises opening and re-pinning a year across processes until the transaction ends. */
  async lockYears(tx: Tx): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('programme_year', 0))`;
  }

  upsertYear(row: { year: number; policyVersion: number; openedBy?: string }, tx: Tx) {
    return tx.programmeYear.upsert({
      where: { year: row.year },
      create: row,
      update: { policyVersion: row.policyVersion },
    });
  }

  /** Ids of the units of these kinds the scope reaches; undefined = every unit (an unscoped caller). */
  async unitIdsInScope(scope: UnitScope, kinds: OrgUnitKind[]): Promise<string[] | undefined> {
    if (scope.all) return undefined;
    const rows = await this.prisma.orgUnitClosure.findMany({
      where: { ancestorId: { in: scope.roots }, descendant: { kind: { in: kinds } } },
      select: { descendantId: true },
    });
    return [...new Set(rows.map((r) => r.descendantId))];
  }

  unit(id: string) {
    return isUuid(id) ? this.prisma.orgUnit.findUnique({ where: { id } }) : Promise.resolve(null);
  }

  /** The agency a party organisation belongs to (an agency stands for its own party organisation). */
  async agencyOf(orgId: string): Promise<string | undefined> {
    const unit = await this.unit(orgId);
    if (unit?.kind === 'AGENCY') return unit.id;
    if (unit?.kind === 'PARTY_ORG' && unit.parentId) {
      const parent = await this.unit(unit.parentId);
      if (parent?.kind === 'AGENCY') return parent.id;
    }
    return undefined;
  }

  /** Whether the person holds a PARTY_MEMBER or AGENCY_SECRETARY post today within the agency's subtree. */
  async serves(personId: string, agencyId: string): Promise<boolean> {
    const today = new Date();
    const count = await this.prisma.position.count({
      where: {
        personId,
        role: { in: ['PARTY_MEMBER', 'AGENCY_SECRETARY'] },
        startsOn: { lte: today },
        OR: [{ endsOn: null }, { endsOn: { gt: today } }],
        unit: { ancestors: { some: { ancestorId: agencyId } } },
      },
    });
    return count > 0;
  }

  /** The district above a unit, for the district supervisors' notifications. */
  async districtOf(unitId: string): Promise<string | undefined> {
    const row = await this.prisma.orgUnitClosure.findFirst({
      where: { descendantId: unitId, ancestor: { kind: 'DISTRICT' } },
      select: { ancestorId: true },
    });
    return row?.ancestorId;
  }

  /** Live pairings of these party organisations (or all), for scoping agencies to the communities they serve. */
  pairedCommunities(orgIds: string[] | undefined) {
    return this.prisma.programmePairing.findMany({
      where: { endedAt: null, ...(orgIds ? { partyOrgId: { in: orgIds } } : {}) },
      select: { communityId: true, partyOrgId: true },
    });
  }

  /** The community a member reports to now (报到), if any. */
  async reportedCommunityOf(personId: string): Promise<string | undefined> {
    const row = await this.prisma.memberReportIn.findUnique({ where: { liveKey: personId } });
    return row?.communityId;
  }
}
