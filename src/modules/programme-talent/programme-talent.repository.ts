import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { TalentNeedStatus } from '../../generated/prisma/enums';
import { PrismaService } from '../../infra/prisma/prisma.service';
import type { Point } from '../../shared/geo/haversine.util';

type Tx = Prisma.TransactionClient;
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** 人才超市: registered skills, communities' needs and the people chosen for them (once per need and person). */
@Injectable()
export class ProgrammeTalentRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  /** A registered address with its coordinates (when geocoded) and the community and street it lies in. */
  async address(text: string) {
    const row = await this.prisma.address.findUnique({ where: { text } });
    if (!row) return null;
    const above = await this.prisma.orgUnitClosure.findMany({
      where: { descendantId: row.gridId, ancestor: { kind: { in: ['COMMUNITY', 'STREET'] } } },
      select: { ancestorId: true, ancestor: { select: { kind: true } } },
    });
    const of = (kind: string) => above.find((a) => a.ancestor.kind === kind)?.ancestorId;
    const place: Point | null =
      row.latitude === null || row.longitude === null ? null : { latitude: row.latitude, longitude: row.longitude };
    return { text: row.text, place, communityId: of('COMMUNITY'), streetId: of('STREET') };
  }

  /** A community's place: the middle of its geocoded addresses, or null when none has coordinates. */
  async communityCentre(communityId: string): Promise<Point | null> {
    const [row] = await this.prisma.$queryRaw<{ latitude: number | null; longitude: number | null }[]>`
      SELECT avg(a.latitude) AS latitude, avg(a.longitude) AS longitude
      FROM address a JOIN org_unit_closure c ON c.descendant_id = a.grid_id
      WHERE c.ancestor_id = ${communityId}::uuid AND a.latitude IS NOT NULL AND a.longitude IS NOT NULL`;
    return row?.latitude == null || row.longitude == null ? null : { latitude: row.latitude, longitude: row.longitude };
  }

  async streetOf(communityId: string): Promise<string | undefined> {
    const row = await this.prisma.orgUnitClosure.findFirst({
      where: { descendantId: communityId, ancestor: { kind: 'STREET' } },
      select: { ancestorId: true },
    });
    return row?.ancestorId;
  }

  names(personIds: string[], unitIds: string[]) {
    return Promise.all([
      this.prisma.person.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true } }),
      this.prisma.orgUnit.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true } }),
    ]);
  }

  upsertTalent(
    key: { personId: string; skill: string },
    data: Omit<Prisma.ProgrammeTalentUncheckedCreateInput, 'personId' | 'skill'>,
    tx: Tx,
  ) {
    return tx.programmeTalent.upsert({
      where: { personId_skill: key },
      create: { ...key, ...data },
      update: data,
    });
  }

  talentsOf(personId: string) {
    return this.prisma.programmeTalent.findMany({ where: { personId }, orderBy: { createdAt: 'asc' } });
  }

  talent(personId: string, skill: string) {
    return this.prisma.programmeTalent.findUnique({ where: { personId_skill: { personId, skill } } });
  }

  /** Everyone offering the skill now: members of the paired party organisations, residents of the street. */
  candidates(skill: string, partyOrgIds: string[], streetId: string) {
    return this.prisma.programmeTalent.findMany({
      where: {
        skill,
        availability: { not: 'PAUSED' },
        OR: [
          { holderKind: 'MEMBER', partyOrgId: { in: partyOrgIds } },
          { holderKind: 'RESIDENT', streetId },
        ],
      },
    });
  }

  /** Of these people, those holding a member's post today (a member who left the agency is no longer offered). */
  async inService(personIds: string[]): Promise<Set<string>> {
    const today = new Date();
    const rows = await this.prisma.position.findMany({
      where: {
        personId: { in: personIds },
        role: { in: ['PARTY_MEMBER', 'AGENCY_SECRETARY'] },
        startsOn: { lte: today },
        OR: [{ endsOn: null }, { endsOn: { gt: today } }],
      },
      select: { personId: true },
    });
    return new Set(rows.map((r) => r.personId));
  }

  createNeed(data: Prisma.ProgrammeTalentNeedUncheckedCreateInput, tx: Tx) {
    return tx.programmeTalentNeed.create({ data });
  }

  need(id: string, communities: string[] | undefined, tx: Tx = this.prisma) {
    if (!isUuid(id)) return Promise.resolve(null);
    return tx.programmeTalentNeed.findFirst({
      where: { id, ...(communities ? { communityId: { in: communities } } : {}) },
    });
  }

  needs(
    communities: string[] | undefined,
    filter: { communityId?: string; status?: TalentNeedStatus },
    page: { skip: number; take: number },
  ) {
    const where: Prisma.ProgrammeTalentNeedWhereInput = {
      AND: [
        communities ? { communityId: { in: communities } } : {},
        filter.communityId ? { communityId: filter.communityId } : {},
        filter.status ? { status: filter.status } : {},
      ],
    };
    return this.prisma.$transaction([
      this.prisma.programmeTalentNeed.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], ...page }),
      this.prisma.programmeTalentNeed.count({ where }),
    ]);
  }

  matchesOf(needId: string) {
    return this.prisma.programmeTalentMatch.findMany({ where: { needId } });
  }

  match(needId: string, personId: string, tx: Tx = this.prisma) {
    return tx.programmeTalentMatch.findUnique({ where: { needId_personId: { needId, personId } } });
  }

  /** Takes one of the need's places; false = it is full already (the increment is conditional, so racing choices hold the cap). */
  async takePlace(needId: string, tx: Tx): Promise<boolean> {
    const count = await tx.$executeRaw`
      UPDATE programme_talent_need
      SET chosen = chosen + 1, status = CASE WHEN chosen + 1 >= headcount THEN 'FILLED' ELSE 'OPEN' END::"TalentNeedStatus"
      WHERE id = ${needId}::uuid AND chosen < headcount`;
    return count === 1;
  }

  createMatch(data: Prisma.ProgrammeTalentMatchUncheckedCreateInput, tx: Tx) {
    return tx.programmeTalentMatch.create({ data });
  }

  linkTask(matchId: string, taskId: string) {
    return this.prisma.programmeTalentMatch.update({ where: { id: matchId }, data: { taskId } });
  }

  isUniqueViolation(err: unknown): boolean {
    return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
  }
}
