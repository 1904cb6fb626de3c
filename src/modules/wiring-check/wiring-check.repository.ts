import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../infra/prisma/prisma.service';

@Injectable()
export class WiringCheckRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Keyed by workflowId: a retried activity finds the row it wrote before (created is then false). */
  async createOnce(workflowId: string, note: string, tx: Prisma.TransactionClient) {
    const { count } = await tx.wiringCheck.createMany({ data: [{ workflowId, note }], skipDuplicates: true });
    const check = await tx.wiringCheck.findUniqueOrThrow({ where: { workflowId } });
    return { check, created: count === 1 };
  }

  transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }

  /** Inserts the echo at most once per check; returns false when it already existed. */
  async insertEcho(checkId: string, jobId: string): Promise<boolean> {
    const { count } = await this.prisma.wiringCheckEcho.createMany({
      data: [{ checkId, jobId }],
      skipDuplicates: true,
    });
    return count === 1;
  }

  findByWorkflow(workflowId: string) {
    return this.prisma.wiringCheck.findUnique({ where: { workflowId }, include: { echo: true } });
  }
}
