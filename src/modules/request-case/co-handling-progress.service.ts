import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { Prisma } from '../../generated/prisma/client';
import { AuditService } from '../audit/audit.service';
import { NotificationService } from '../notification/notification.service';
import type { NotifyRequest, Recipient } from '../notification/notification.types';
import { OrgRepository } from '../org/org.repository';
import { coHandlerRoles } from './co-handling-units';
import { CoHandlingRepository } from './co-handling.repository';
import type { CoHandlingInput } from './co-handling.types';
import { RequestCaseRepository } from './request-case.repository';

type Unit = NonNullable<Awaited<ReturnType<OrgRepository['findUnit']>>>;
type CaseRow = NonNullable<Awaited<ReturnType<RequestCaseRepository['byId']>>>;

/** The co-handling activity: timeline entry, 协办 row and audit in one transaction, keyed by workflowId + step; then the notice. */
@Injectable()
export class CoHandlingProgressService {
  constructor(
    private readonly cases: RequestCaseRepository,
    private readonly coHandlers: CoHandlingRepository,
    private readonly org: OrgRepository,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  async record(workflowId: string, input: CoHandlingInput): Promise<{ created: boolean }> {
    const key = `${workflowId}:${input.step}`;
    const unit = await this.org.findUnit(input.unitId);
    if (!unit) throw ApplicationFailure.nonRetryable(`组织单元 ${input.unitId} 不存在`, 'UNKNOWN_UNIT');
    const { row, created } = await this.cases.transaction(async (tx) => {
      const found = await this.cases.byId(input.caseId, tx);
      if (!found) throw ApplicationFailure.nonRetryable(`诉求 ${input.caseId} 不存在`, 'NOT_FOUND');
      const added = await this.cases.addEventOnce(
        {
          caseId: input.caseId,
          dedupKey: key,
          kind: `CO_HANDLER_${input.action}`,
          actorId: input.actorId,
          note: input.note,
          data: { unitId: unit.id, unitName: unit.name, unitKind: unit.kind },
        },
        tx,
      );
      if (added) await this.apply(workflowId, input, tx);
      return { row: found, created: added };
    });
    const notice = this.noticeFor(row, unit, input);
    if (notice) await this.notifications.notify({ ...notice, options: { dedupKey: key } });
    return { created };
  }

  private async apply(workflowId: string, input: CoHandlingInput, tx: Prisma.TransactionClient): Promise<void> {
    const before = await this.coHandlers.find(input.caseId, input.unitId, tx);
    const { caseId, unitId, actorId, note } = input;
    let after: unknown = { note };
    if (input.action === 'ADDED')
      after = await this.coHandlers.invite({ caseId, unitId, reason: note, addedById: actorId }, tx);
    if (input.action === 'REMOVED')
      after = await this.coHandlers.remove(caseId, unitId, { removedById: actorId, removeReason: note }, tx);
    if (input.action === 'DONE')
      after = await this.coHandlers.markDone(caseId, unitId, { doneById: actorId, doneNote: note }, tx);
    await this.audit.record(
      {
        action: `case.co_handler_${input.action.toLowerCase()}`,
        entityType: 'request_case',
        entityId: caseId,
        unitId,
        actorId,
        workflowId,
        before,
        after,
      },
      tx,
    );
  }

  /** The invited or removed unit's posts hear about it; the lead grid hears when a part is done. Progress notes notify nobody. */
  private noticeFor(row: CaseRow, unit: Unit, input: CoHandlingInput): Omit<NotifyRequest, 'options'> | null {
    const unitPosts: Recipient[] = (coHandlerRoles[unit.kind] ?? []).map((role) => ({ role, unitId: unit.id }));
    switch (input.action) {
      case 'ADDED':
        return {
          recipients: unitPosts,
          template: 'request.co-handling',
          data: { caseNo: row.caseNo, category: row.category, address: row.address, reason: input.note },
        };
      case 'REMOVED':
        return {
          recipients: unitPosts,
          template: 'request.co-handling-removed',
          data: { caseNo: row.caseNo, reason: input.note },
        };
      case 'DONE':
        return row.gridId
          ? {
              recipients: [
                { role: 'GRID_LEADER', unitId: row.gridId },
                { role: 'GRID_WORKER', unitId: row.gridId },
              ],
              template: 'request.co-handling-done',
              data: { caseNo: row.caseNo, unitName: unit.name, note: input.note },
            }
          : null;
      case 'PROGRESS':
        return null;
    }
  }
}
