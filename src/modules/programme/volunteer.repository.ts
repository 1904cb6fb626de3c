import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../infra/prisma/prisma.service';

type Tx = Prisma.TransactionClient;
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** 志愿服务: the cap is held by a conditional increment in the same transaction as the sign-up row. */
@Injectable()
export class VolunteerRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  people(ids: string[]) {
    return this.prisma.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  }

  create(data: Prisma.VolunteerActivityUncheckedCreateInput, tx: Tx) {
    return tx.volunteerActivity.create({ data });
  }

  find(id: string, communities: string[] | undefined, tx: Tx = this.prisma) {
    if (!isUuid(id)) return Promise.resolve(null);
    return tx.volunteerActivity.findFirst({
      where: { id, ...(communities ? { communityId: { in: communities } } : {}) },
      include: { signups: { orderBy: { signedUpAt: 'asc' } } },
    });
  }

  list(communities: string[] | undefined, communityId: string | undefined, page: { skip: number; take: number }) {
    const where = {
      ...(communities ? { communityId: { in: communities } } : {}),
      ...(communityId ? { communityId } : {}),
    };
    return this.prisma.$transaction([
      this.prisma.volunteerActivity.findMany({ where, orderBy: [{ startsAt: 'desc' }, { id: 'asc' }], ...page }),
      this.prisma.volunteerActivity.count({ where }),
    ]);
  }

  /** One more place taken, only while places remain: 0 rows = full. */
  async takePlace(activityId: string, tx: Tx): Promise<boolean> {
    const n = await tx.$executeRaw`
      UPDATE volunteer_activity SET signed_up = signed_up + 1 WHERE id = ${activityId}::uuid AND signed_up < cap`;
    return n === 1;
  }

  createSignup(data: Prisma.VolunteerSignupUncheckedCreateInput, tx: Tx) {
    return tx.volunteerSignup.create({ data });
  }

  async checkIn(activityId: string, personId: string, tx: Tx): Promise<boolean> {
    const { count } = await tx.volunteerSignup.updateMany({
      where: { activityId, personId, checkedInAt: null },
      data: { checkedInAt: new Date() },
    });
    return count === 1;
  }

  /** Records hours for checked-in sign-ups not yet confirmed; returns how many were confirmed now. */
  async confirmAttendance(activityId: string, personIds: string[], hours: number, tx: Tx): Promise<number> {
    const { count } = await tx.volunteerSignup.updateMany({
      where: { activityId, personId: { in: personIds }, checkedInAt: { not: null }, confirmedAt: null },
      data: { confirmedAt: new Date(), hours: new Prisma.Decimal(hours.toFixed(2)) },
    });
    return count;
  }

  isUniqueViolation(err: unknown): boolean {
    return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
  }
}
