import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../infra/prisma/prisma.service';

type Tx = Prisma.TransactionClient;
const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Where a caller may see a task: its community, or its agency's party organisation, lies in their scope. */
export function tasksVisibleTo(unitIds: string[] | undefined): Prisma.ProgrammeTaskWhereInput {
  return unitIds ? { OR: [{ communityId: { in: unitIds } }, { partyOrgId: { in: unitIds } }] } : {};
}

/** Quota tasks and their timeline: each step keyed by workflowId + step, so a retried activity writes nothing twice. */
@Injectable()
export class ProgrammeTaskRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  byRequestKey(requestKey: string) {
    return this.prisma.programmeTask.findUnique({ where: { requestKey } });
  }

  byWorkflow(workflowId: string, tx: Tx = this.prisma) {
    return tx.programmeTask.findUnique({ where: { workflowId } });
  }

  create(data: Prisma.ProgrammeTaskUncheckedCreateInput, tx: Tx) {
    return tx.programmeTask.create({ data });
  }

  update(id: string, data: Prisma.ProgrammeTaskUncheckedUpdateInput, tx: Tx) {
    return tx.programmeTask.update({ where: { id }, data });
  }

  async addEventOnce(data: Prisma.ProgrammeTaskEventUncheckedCreateInput, tx: Tx): Promise<boolean> {
    return (await tx.programmeTaskEvent.createMany({ data: [data], skipDuplicates: true })).count === 1;
  }

  /** The beneficiary's rating, written once: null when a rating was already there (a racing second recording). */
  async addRatingOnce(data: Prisma.ProgrammeTaskRatingUncheckedCreateInput, tx: Tx) {
    const { count } = await tx.programmeTaskRating.createMany({ data: [data], skipDuplicates: true });
    return count === 1 ? tx.programmeTaskRating.findUnique({ where: { taskId: data.taskId } }) : null;
  }

  find(id: string, where: Prisma.ProgrammeTaskWhereInput = {}) {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.prisma.programmeTask.findFirst({
      where: { id, ...where },
      include: { events: { orderBy: { seq: 'asc' } }, rating: true },
    });
  }

  list(where: Prisma.ProgrammeTaskWhereInput, page: { skip: number; take: number }) {
    return this.prisma.$transaction([
      this.prisma.programmeTask.findMany({
        where,
        orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
        include: { rating: { select: { stars: true, low: true } } },
        ...page,
      }),
      this.prisma.programmeTask.count({ where }),
    ]);
  }

  /** Adds a helper unless already there; false = nothing changed. */
  async addHelper(id: string, personId: string, tx: Tx): Promise<boolean> {
    const count = await tx.$executeRaw`
      UPDATE programme_task SET helper_ids = array_append(helper_ids, ${personId}::uuid)
      WHERE id = ${id}::uuid AND NOT (${personId}::uuid = ANY(helper_ids))`;
    return count === 1;
  }

  livePairing(partyOrgId: string, communityId: string) {
    return this.prisma.programmePairing.findFirst({ where: { partyOrgId, communityId, endedAt: null } });
  }
}
