import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../infra/prisma/prisma.service';

const personSelect = { id: true, name: true, phone: true, kind: true, username: true, createdAt: true } as const;

@Injectable()
export class PeopleRepository {
  constructor(private readonly prisma: PrismaService) {}

  createPerson(data: { name: string; phone: string; kind: 'STAFF' | 'RESIDENT' }, tx: Prisma.TransactionClient) {
    return tx.person.create({ data, select: personSelect });
  }

  createPosition(data: Prisma.PositionUncheckedCreateInput, tx: Prisma.TransactionClient) {
    return tx.position.create({ data });
  }

  personExists(id: string) {
    return this.prisma.person.count({ where: { id } }).then((n) => n === 1);
  }

  transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  list(where: Prisma.PersonWhereInput, page: { skip: number; take: number }) {
    return this.prisma.$transaction([
      this.prisma.person.findMany({
        where,
        select: { ...personSelect, positions: { include: { unit: { select: { id: true, name: true, kind: true } } } } },
        orderBy: { createdAt: 'asc' },
        skip: page.skip,
        take: page.take,
      }),
      this.prisma.person.count({ where }),
    ]);
  }

  findOne(where: Prisma.PersonWhereInput) {
    return this.prisma.person.findFirst({
      where,
      select: {
        ...personSelect,
        positions: { include: { unit: { select: { id: true, name: true, kind: true } }, assignments: true } },
      },
    });
  }
}
