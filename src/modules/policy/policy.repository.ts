import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../infra/prisma/prisma.service';

type Tx = Prisma.TransactionClient;
export interface NewPolicyVersion {
  process: string;
  version: number;
  data: Prisma.InputJsonValue;
  note?: string;
  createdBy?: string;
}

@Injectable()
export class PolicyRepository {
  constructor(private readonly prisma: PrismaService) {}

  latest(process: string, tx: Tx = this.prisma) {
    return tx.policyVersion.findFirst({ where: { process }, orderBy: { version: 'desc' } });
  }

  find(process: string, version: number) {
    return this.prisma.policyVersion.findUnique({ where: { process_version: { process, version } } });
  }

  list(process: string) {
    return this.prisma.policyVersion.findMany({ where: { process }, orderBy: { version: 'desc' } });
  }

  /** Serialises version numbering per process across API and worker processes until the transaction ends. */
  async lockProcess(process: string, tx: Tx): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`policy_version:${process}`}, 0))`;
  }

  insert(row: NewPolicyVersion, tx: Tx) {
    return tx.policyVersion.create({ data: row });
  }

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work);
  }
}
