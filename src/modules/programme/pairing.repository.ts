import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../infra/prisma/prisma.service';

type Tx = Prisma.TransactionClient;
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
const visible = (units: string[] | undefined) =>
  units ? { OR: [{ communityId: { in: units } }, { partyOrgId: { in: units } }] } : {};

/** Pairings and report-ins (报到): a live row per pair / per member, ended rows kept as history. */
@Injectable()
export class PairingRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  createPairing(data: Prisma.ProgrammePairingUncheckedCreateInput, tx: Tx) {
    return tx.programmePairing.create({ data });
  }

  pairing(id: string, units: string[] | undefined) {
    return isUuid(id)
      ? this.prisma.programmePairing.findFirst({ where: { id, ...visible(units) } })
      : Promise.resolve(null);
  }

  endPairing(id: string, tx: Tx) {
    return tx.programmePairing.updateMany({
      where: { id, endedAt: null },
      data: { endedAt: new Date(), liveKey: null },
    });
  }

  pairings(
    units: string[] | undefined,
    filter: { partyOrgId?: string; communityId?: string; includeEnded: boolean },
    page: { skip: number; take: number },
  ) {
    const where: Prisma.ProgrammePairingWhereInput = {
      ...visible(units),
      ...(filter.partyOrgId ? { partyOrgId: filter.partyOrgId } : {}),
      ...(filter.communityId ? { communityId: filter.communityId } : {}),
      ...(filter.includeEnded ? {} : { endedAt: null }),
    };
    return this.prisma.$transaction([
      this.prisma.programmePairing.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], ...page }),
      this.prisma.programmePairing.count({ where }),
    ]);
  }

  liveReportIn(personId: string, tx: Tx = this.prisma) {
    return tx.memberReportIn.findUnique({ where: { liveKey: personId } });
  }

  reportIn(id: string, units: string[] | undefined) {
    return isUuid(id)
      ? this.prisma.memberReportIn.findFirst({ where: { id, ...visible(units) } })
      : Promise.resolve(null);
  }

  createReportIn(data: Prisma.MemberReportInUncheckedCreateInput, tx: Tx) {
    return tx.memberReportIn.create({ data });
  }

  /** Conditional: only a row still waiting for the community is confirmed. */
  confirmReportIn(id: string, by: string, tx: Tx) {
    return tx.memberReportIn.updateMany({
      where: { id, status: 'REPORTED' },
      data: { status: 'CONFIRMED', confirmedAt: new Date(), confirmedBy: by },
    });
  }

  endReportIn(id: string, reason: string, tx: Tx) {
    return tx.memberReportIn.updateMany({
      where: { id, endedAt: null },
      data: { status: 'ENDED', endedAt: new Date(), endReason: reason, liveKey: null },
    });
  }

  /** `personIds` narrows to those people (a name search); an empty list matches nobody. */
  reportIns(
    units: string[] | undefined,
    filter: { partyOrgId?: string; communityId?: string; personId?: string; includeEnded: boolean },
    personIds: string[] | undefined,
    page: { skip: number; take: number },
  ) {
    const where: Prisma.MemberReportInWhereInput = {
      AND: [
        visible(units),
        filter.partyOrgId ? { partyOrgId: filter.partyOrgId } : {},
        filter.communityId ? { communityId: filter.communityId } : {},
        filter.personId ? { personId: filter.personId } : {},
        personIds ? { personId: { in: personIds } } : {},
        filter.includeEnded ? {} : { endedAt: null },
      ],
    };
    return this.prisma.$transaction([
      this.prisma.memberReportIn.findMany({ where, orderBy: [{ reportedAt: 'desc' }, { id: 'asc' }], ...page }),
      this.prisma.memberReportIn.count({ where }),
    ]);
  }

  /** Ids of the people whose name contains `part` (for the member search). */
  async peopleNamed(part: string): Promise<string[]> {
    const rows = await this.prisma.person.findMany({
      where: { name: { contains: part, mode: 'insensitive' } },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  unitNames(ids: string[]) {
    return this.prisma.orgUnit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  }

  people(ids: string[]) {
    return this.prisma.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  }

  /** Per member: confirmed tasks they carried, confirmed volunteer attendances, and the hours those recorded. */
  async serviceOf(personIds: string[]): Promise<Map<string, { count: number; hours: number }>> {
    const out = new Map<string, { count: number; hours: number }>();
    if (!personIds.length) return out;
    const tasks = await this.prisma.$queryRaw<{ person_id: string; n: number }[]>`
      SELECT m AS person_id, count(*)::int AS n FROM programme_task, unnest(member_ids) AS m
      WHERE status = 'CONFIRMED' AND m = ANY(${personIds}::uuid[]) GROUP BY m`;
    const signups = await this.prisma.volunteerSignup.groupBy({
      by: ['personId'],
      where: { personId: { in: personIds }, confirmedAt: { not: null } },
      _count: { _all: true },
      _sum: { hours: true },
    });
    for (const id of personIds) out.set(id, { count: 0, hours: 0 });
    for (const t of tasks) out.get(t.person_id)!.count += t.n;
    for (const s of signups) {
      const entry = out.get(s.personId)!;
      entry.count += s._count._all;
      entry.hours += Number(s._sum.hours ?? 0);
    }
    return out;
  }

  /** Current posts of a person as an in-service member (their party organisation). */
  memberPosts(personId: string) {
    const today = new Date();
    return this.prisma.position.findMany({
      where: {
        personId,
        role: 'PARTY_MEMBER',
        startsOn: { lte: today },
        OR: [{ endsOn: null }, { endsOn: { gt: today } }],
      },
      select: { unitId: true },
    });
  }

  isUniqueViolation(err: unknown): boolean {
    return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
  }
}
