import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../infra/prisma/prisma.service';
import { stopOnMerge } from '../../shared/process/co-handling.states';
import { isUuid } from '../org/org.repository';

type Tx = Prisma.TransactionClient;
const withUnit = { unit: { select: { id: true, name: true, kind: true } } } as const;

/** 协办单位 rows: one per case and unit, written only by the case's workflow activities. */
@Injectable()
export class CoHandlingRepository {
  constructor(private readonly prisma: PrismaService) {}

  ofCase(caseId: string, tx: Tx = this.prisma) {
    return tx.caseCoHandler.findMany({ where: { caseId }, include: withUnit, orderBy: { addedAt: 'asc' } });
  }

  find(caseId: string, unitId: string, tx: Tx = this.prisma) {
    return isUuid(unitId)
      ? tx.caseCoHandler.findUnique({ where: { caseId_unitId: { caseId, unitId } }, include: withUnit })
      : Promise.resolve(null);
  }

  /** Invites the unit; a unit removed earlier and invited again starts a fresh part on its row. */
  invite(data: { caseId: string; unitId: string; reason: string; addedById?: string }, tx: Tx) {
    const fresh = {
      state: 'OPEN' as const,
      reason: data.reason,
      addedById: data.addedById ?? null,
      addedAt: new Date(),
    };
    return tx.caseCoHandler.upsert({
      where: { caseId_unitId: { caseId: data.caseId, unitId: data.unitId } },
      create: { caseId: data.caseId, unitId: data.unitId, ...fresh },
      update: {
        ...fresh,
        doneAt: null,
        doneById: null,
        doneNote: null,
        removedAt: null,
        removedById: null,
        removeReason: null,
      },
    });
  }

  remove(caseId: string, unitId: string, by: { removedById?: string; removeReason: string }, tx: Tx) {
    return tx.caseCoHandler.update({
      where: { caseId_unitId: { caseId, unitId } },
      data: { state: 'REMOVED', removedAt: new Date(), ...by },
    });
  }

  markDone(caseId: string, unitId: string, by: { doneById?: string; doneNote: string }, tx: Tx) {
    return tx.caseCoHandler.update({
      where: { caseId_unitId: { caseId, unitId } },
      data: { state: 'DONE', doneAt: new Date(), ...by },
    });
  }

  /** A merged case carries on elsewhere: its open parts stop. */
  stopOpen(caseId: string, tx: Tx) {
    return tx.caseCoHandler.updateMany({ where: { caseId, state: stopOnMerge.from }, data: { state: stopOnMerge.to } });
  }
}
