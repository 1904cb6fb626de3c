import { Injectable } from '@nestjs/common';
import type { DutyMarking } from '../../generated/prisma/enums';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../infra/prisma/prisma.service';

@Injectable()
export class DutyRepository {
  constructor(private readonly prisma: PrismaService) {}

  item(code: string) {
    return this.prisma.dutyItem.findUnique({ where: { code } });
  }

  override(communityId: string, dutyCode: string) {
    return this.prisma.communityDuty.findUnique({ where: { communityId_dutyCode: { communityId, dutyCode } } });
  }

  itemsWithOverrides(communityId: string) {
    return this.prisma.dutyItem.findMany({
      orderBy: { code: 'asc' },
      include: { communities: { where: { communityId } } },
    });
  }

  setOverride(communityId: string, dutyCode: string, marking: DutyMarking, tx: Prisma.TransactionClient) {
    return tx.communityDuty.upsert({
      where: { communityId_dutyCode: { communityId, dutyCode } },
      create: { communityId, dutyCode, marking },
      update: { marking },
    });
  }

  transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }
}
