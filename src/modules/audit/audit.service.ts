import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { currentRequest } from '../../common/http/request-context';
import { AuditFilter, AuditRepository } from './audit.repository';
import type { UnitScope } from '../../common/auth/unit-scope';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Defaults to the signed-in caller; set for actions before sign-in (login) or from workflows. */
  actorId?: string;
  workflowId?: string;
}

const json = (value: unknown) =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/** Appends who did what, when, from where, before/after and the correlation id. Pass `tx` to commit with the change. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  async record(input: AuditInput, tx?: Prisma.TransactionClient): Promise<void> {
    const ctx = currentRequest();
    await this.repository.append(
      {
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId,
        unitId: input.unitId ?? undefined,
        before: json(input.before),
        after: json(input.after),
        actorId: input.actorId ?? ctx?.principal?.personId,
        actorRoles: ctx?.principal?.positions.map((p) => p.role) ?? [],
        ip: ctx?.ip,
        userAgent: ctx?.userAgent,
        correlationId: ctx?.correlationId,
        workflowId: input.workflowId ?? ctx?.workflowId,
      },
      tx,
    );
  }

  list(scope: UnitScope, filter: AuditFilter, page: { skip: number; take: number }) {
    return this.repository.list(scope, filter, page);
  }

  stream(scope: UnitScope, filter: AuditFilter) {
    return this.repository.stream(scope, filter);
  }
}
