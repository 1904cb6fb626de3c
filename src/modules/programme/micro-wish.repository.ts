import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../infra/prisma/prisma.service';

type Tx = Prisma.TransactionClient;
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** 微心愿: every change of hands is a conditional write on the status, so two racing claims cannot both win. */
@Injectable()
export class MicroWishRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  create(data: Prisma.MicroWishUncheckedCreateInput, tx: Tx) {
    return tx.microWish.create({ data });
  }

  find(id: string, communities: string[] | undefined, tx: Tx = this.prisma) {
    if (!isUuid(id)) return Promise.resolve(null);
    return tx.microWish.findFirst({ where: { id, ...(communities ? { communityId: { in: communities } } : {}) } });
  }

  list(
    communities: string[] | undefined,
    filter: { communityId?: string; status?: Prisma.MicroWishWhereInput['status'] },
    page: { skip: number; take: number },
  ) {
    const where: Prisma.MicroWishWhereInput = {
      ...(communities ? { communityId: { in: communities } } : {}),
      ...(filter.communityId ? { communityId: filter.communityId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    return this.prisma.$transaction([
      this.prisma.microWish.findMany({ where, orderBy: [{ deadline: 'asc' }, { id: 'asc' }], ...page }),
      this.prisma.microWish.count({ where }),
    ]);
  }

  /** Wins only while the wish is open and not past its deadline; 0 rows = someone else was first (or it lapsed). */
  async claim(id: string, personId: string, orgId: string, tx: Tx): Promise<boolean> {
    const now = new Date();
    const { count } = await tx.microWish.updateMany({
      where: { id, status: 'OPEN', deadline: { gt: now } },
      data: { status: 'CLAIMED', claimedByPersonId: personId, claimedByOrgId: orgId, claimedAt: now },
    });
    return count === 1;
  }

  async release(id: string, personId: string, tx: Tx): Promise<boolean> {
    const { count } = await tx.microWish.updateMany({
      where: { id, status: 'CLAIMED', claimedByPersonId: personId },
      data: { status: 'OPEN', claimedByPersonId: null, claimedByOrgId: null, claimedAt: null },
    });
    return count === 1;
  }

  async fulfil(id: string, residentPhone: string, tx: Tx): Promise<boolean> {
    const { count } = await tx.microWish.updateMany({
      where: { id, status: 'CLAIMED', residentPhone },
      data: { status: 'FULFILLED', fulfilledAt: new Date() },
    });
    return count === 1;
  }

  byResident(id: string, residentPhone: string) {
    return isUuid(id) ? this.prisma.microWish.findFirst({ where: { id, residentPhone } }) : Promise.resolve(null);
  }
}
