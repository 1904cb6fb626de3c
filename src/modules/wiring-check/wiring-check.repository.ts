import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../infra/prisma/prisma.service';

@Injectable()
export class WiringCheckRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Keyed by workflowId: a retried activity finds the row it wrote before. */
  upsertByWorkflow(workflowId: string, note: string) {
    return this.prisma.wiringCheck.upsert({ where: { workflowId }, create: { workflowId, note }, update: {} });
  }

  /** Inserts the echo at most once per check; returns false when it already existed. */
  async insertEcho(checkId: string, jobId: string): Promise<boolean> {
    const { count } = await this.prisma.wiringCheckEcho.createMany({ data: [{ checkId, jobId }], skipDuplicates: true });
    return count === 1;
  }

  findByWorkflow(workflowId: string) {
    return this.prisma.wiringCheck.findUnique({ where: { workflowId }, include: { echo: true } });
  }
}
