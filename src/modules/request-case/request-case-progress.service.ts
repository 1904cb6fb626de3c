import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { Prisma } from '../../generated/prisma/client';
import type { CaseStatus, Role } from '../../generated/prisma/enums';
import { toCstMinute } from '../../shared/calendar';
import { actionOfStep, caseActions } from '../../shared/process/request-case.states';
import type { CaseActionRule } from '../../shared/process/request-case.states';
import { AuditService } from '../audit/audit.service';
import { NotificationService } from '../notification/notification.service';
import type { Recipient } from '../notification/notification.types';
import { OrgRepository } from '../org/org.repository';
import { CaseRatingWindowService } from '../case-rating/case-rating-window.service';
import type { EscalationLevel } from '../policy/request-loop-policy.schema';
import { CoHandlingRepository } from './co-handling.repository';
import { RequestCaseRepository } from './request-case.repository';
import { clockKey } from './request-case.types';
import type {
  ClockName,
  EscalationInput,
  LadderStep,
  NoteInput,
  ReminderInput,
  TransitionInput,
} from './request-case.types';

type CaseRow = NonNullable<Awaited<ReturnType<RequestCaseRepository['byId']>>>;

const clockLabel: Record<ClockName, string> = {
  accept: '受理',
  resolution: '办结',
  rework: '重新办理',
  firstResponse: '首次反馈',
  contactDepartment: '联系街道部门',
};
const levelLabel: Record<EscalationLevel, string> = {
  GRID_WORKER: '网格',
  COMMUNITY: '社区',
  STREET_DEPARTMENT: '街道部门',
  DISTRICT_SUPERVISION: '区级督办',
};
const eventKind: Partial<Record<CaseStatus, string>> = {
  ACCEPTED: 'ACCEPTED',
  HANDLING: 'HANDLING',
  HANDLED: 'HANDLED',
  CLOSED: 'CLOSED',
  RETURNED: 'RETURNED',
};
const stampOf: Partial<Record<CaseStatus, 'acceptedAt' | 'handledAt' | 'closedAt'>> = {
  ACCEPTED: 'acceptedAt',
  HANDLED: 'handledAt',
  CLOSED: 'closedAt',
};
const departmentRoles: readonly Role[] = ['DEPARTMENT_HEAD', 'DEPARTMENT_STAFF'];
const runOf = (input: { run?: number }) => (input.run ? { run: input.run } : {});

/** The request workflow's activities: each write is keyed by workflowId + step, so a retry writes nothing twice. */
@Injectable()
export class RequestCaseProgressService {
  constructor(
    private readonly cases: RequestCaseRepository,
    private readonly coHandlers: CoHandlingRepository,
    private readonly org: OrgRepository,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
    private readonly ratingWindow: CaseRatingWindowService,
  ) {}

  async recordTransition(workflowId: string, input: TransitionInput): Promise<{ created: boolean }> {
    const { created, status } = await this.writeTransition(workflowId, input);
    // A stale step (the case moved on before its retry landed) has its timeline entry but no effects of the move.
    // A retry of a step that did move the case finds it still there and redoes the (idempotent) follow-ups.
    if (status !== input.status) return { created };
    // 一事一评: closing opens the reporter's rating window (idempotent, so a retried activity opens it once)
    if (input.status === 'CLOSED') await this.ratingWindow.open(await this.requireCase(input.caseId));
    if (input.status === 'RETURNED') {
      const row = await this.requireCase(input.caseId);
      if (row.communityId) {
        await this.notifications.notify({
          recipients: [{ role: 'COMMUNITY_SECRETARY', unitId: row.communityId }],
          template: 'request.returned',
          data: { caseNo: row.caseNo, reason: input.note ?? '' },
          options: { dedupKey: `${workflowId}:${input.step}`, urgency: 'URGENT' },
        });
      }
    }
    return { created };
  }

  /** The timeline entry once per step; the status only from a state the step may leave (the state table). */
  private async writeTransition(
    workflowId: string,
    input: TransitionInput,
  ): Promise<{ created: boolean; status: CaseStatus }> {
    const action = actionOfStep(input.step);
    if (!action || (caseActions[action] as CaseActionRule).to !== input.status) {
      throw ApplicationFailure.nonRetryable(`步骤 ${input.step} 不会把诉求改为 ${input.status}`, 'VALIDATION_FAILED');
    }
    return this.cases.transaction(async (tx) => {
      const before = await this.requireCase(input.caseId, tx);
      const created = await this.cases.addEventOnce(
        {
          caseId: input.caseId,
          dedupKey: `${workflowId}:${input.step}`,
          kind: input.kind ?? eventKind[input.status] ?? input.status,
          actorId: input.actorId,
          note: input.note,
          data: { ...input.data, status: input.status } as Prisma.InputJsonValue,
        },
        tx,
      );
      if (!created) return { created, status: before.status };
      const stamp = stampOf[input.status];
      const moved = await this.cases.moveStatus(
        input.caseId,
        action,
        {
          status: input.status,
          ...(stamp ? { [stamp]: new Date() } : {}),
          ...(input.assignGridId ? await this.unitsOfGrid(input.assignGridId) : {}),
          ...(input.mergedIntoId ? { mergedIntoId: input.mergedIntoId } : {}),
          ...(input.convertedDisputeId
            ? {
                convertedDisputeId: input.convertedDisputeId,
                clocksStoppedAt: new Date(),
                clocksStopReason: input.clocksStopReason ?? null,
              }
            : {}),
          // the first unit stays accountable until the one a case was handed to accepts it
          ...(input.status === 'ACCEPTED' ? { accountableUnitId: before.gridId } : {}),
          ...(input.resolveDeadlineMs ? { resolveDeadline: new Date(input.resolveDeadlineMs) } : {}),
          ...(input.resolveDeadlineMs && input.resolveDeadlineProvisional !== undefined
            ? { resolveDeadlineProvisional: input.resolveDeadlineProvisional }
            : {}),
        },
        tx,
      );
      if (moved && (input.status === 'MERGED' || input.status === 'CONVERTED'))
        await this.coHandlers.stopOpen(input.caseId, tx);
      const after = moved ? await this.requireCase(input.caseId, tx) : before;
      await this.audit.record(
        {
          action: `case.${(input.kind ?? input.step).toLowerCase().replace(/-\d+$/, '')}`,
          entityType: 'request_case',
          entityId: input.caseId,
          unitId: before.gridId,
          actorId: input.actorId,
          workflowId,
          before,
          after,
        },
        tx,
      );
      return { created, status: after.status };
    });
  }

  /** A timeline entry that changes no status (progress, info requested, extension …), written once per step. */
  async recordNote(workflowId: string, input: NoteInput): Promise<{ created: boolean }> {
    return this.cases.transaction(async (tx) => {
      const before = await this.requireCase(input.caseId, tx);
      const created = await this.cases.addEventOnce(
        {
          caseId: input.caseId,
          dedupKey: `${workflowId}:${input.step}`,
          kind: input.kind,
          actorId: input.actorId,
          note: input.note,
          data: input.data as Prisma.InputJsonValue,
        },
        tx,
      );
      if (!created) return { created };
      const provisional = input.resolveDeadlineProvisional ?? before.resolveDeadlineProvisional;
      if (
        input.resolveDeadlineMs &&
        (input.resolveDeadlineMs !== before.resolveDeadline?.getTime() ||
          provisional !== before.resolveDeadlineProvisional)
      ) {
        await this.cases.update(
          input.caseId,
          { resolveDeadline: new Date(input.resolveDeadlineMs), resolveDeadlineProvisional: provisional },
          tx,
        );
      }
      if (input.policyVersion) {
        await this.cases.update(
          input.caseId,
          {
            policyVersion: input.policyVersion,
            ...(input.acceptDeadlineMs ? { acceptDeadline: new Date(input.acceptDeadlineMs) } : {}),
          },
          tx,
        );
      }
      await this.audit.record(
        {
          action: `case.${input.kind.toLowerCase()}`,
          entityType: 'request_case',
          entityId: input.caseId,
          unitId: before.gridId,
          actorId: input.actorId,
          workflowId,
          after: { note: input.note, ...input.data },
        },
        tx,
      );
      return { created };
    });
  }

  private async unitsOfGrid(gridId: string) {
    const chain = await this.org.ancestorsOf(gridId);
    const of = (kind: string) => chain.find((c) => c.ancestor.kind === kind)?.ancestor.id ?? null;
    if (!chain.some((c) => c.distance === 0 && c.ancestor.kind === 'GRID'))
      throw ApplicationFailure.nonRetryable(`${gridId} 不是网格`, 'UNKNOWN_UNIT');
    return { gridId, communityId: of('COMMUNITY'), streetId: of('STREET') };
  }

  async sendReminder(workflowId: string, input: ReminderInput): Promise<void> {
    const key = `${workflowId}:${clockKey(input.clock, input.run)}:reminder:${input.index}`;
    const row = await this.cases.transaction(async (tx) => {
      const found = await this.requireCase(input.caseId, tx);
      await this.cases.addEventOnce(
        {
          caseId: input.caseId,
          dedupKey: key,
          kind: 'REMINDED',
          data: { clock: input.clock, ...runOf(input), percent: input.percent },
        },
        tx,
      );
      return found;
    });
    if (!row.gridId) return;
    await this.notifications.notify({
      recipients: [{ role: 'GRID_WORKER', unitId: row.gridId }],
      template: 'request.reminder',
      data: {
        caseNo: row.caseNo,
        clockLabel: clockLabel[input.clock],
        deadline: toCstMinute(input.deadlineMs),
        percent: input.percent,
      },
      options: { dedupKey: key, urgency: input.clock === 'accept' ? 'URGENT' : 'NORMAL' },
    });
  }

  /** The 督办单 and timeline entry first (two round trips: the case, then one statement), then the recipients' inbox. */
  async escalate(workflowId: string, input: EscalationInput): Promise<void> {
    const key = `${workflowId}:${clockKey(input.clock, input.run)}:escalation:${input.level}`;
    const row = await this.requireCase(input.caseId);
    await this.cases.escalateOnce({
      caseId: input.caseId,
      dedupKey: key,
      note: `${clockLabel[input.clock]}超时，升级至${levelLabel[input.step.level]}`,
      data: {
        clock: input.clock,
        ...runOf(input),
        level: input.level,
        levelName: input.step.level,
        missed: input.missed.level,
        lapsedDeadline: new Date(input.lapsedDeadlineMs).toISOString(),
        orderDeadline: new Date(input.orderDeadlineMs).toISOString(),
      },
      level: input.level,
      orderLevel: input.step.level,
      clock: input.clock,
      orderDeadline: new Date(input.orderDeadlineMs),
      unitId: row.gridId,
      workflowId,
    });
    const recipients = [...(await this.recipientsOf(row, input.step)), ...(await this.recipientsOf(row, input.missed))];
    await this.notifications.notify({
      recipients,
      template: 'request.escalation',
      data: {
        caseNo: row.caseNo,
        clockLabel: clockLabel[input.clock],
        deadline: toCstMinute(input.lapsedDeadlineMs),
        levelLabel: levelLabel[input.step.level],
      },
      options: { dedupKey: key, urgency: 'URGENT' },
    });
  }

  /** The rung's roles at the case's unit for that rung: grid → community → street (or its handling department) → district. */
  private async recipientsOf(row: CaseRow, step: LadderStep): Promise<Recipient[]> {
    const unitOf = async (role: Role): Promise<string | null> => {
      switch (step.level) {
        case 'GRID_WORKER':
          return row.gridId;
        case 'COMMUNITY':
          return row.communityId;
        case 'STREET_DEPARTMENT':
          if (row.streetId && departmentRoles.includes(role))
            return (await this.org.departmentFor(row.streetId, row.category))?.id ?? row.streetId;
          return row.streetId;
        case 'DISTRICT_SUPERVISION':
          return this.districtOf(row);
      }
    };
    const out: Recipient[] = [];
    for (const role of step.notify) {
      const unitId = await unitOf(role);
      if (unitId) out.push({ role, unitId });
    }
    return out;
  }

  private async districtOf(row: CaseRow): Promise<string | null> {
    const from = row.streetId ?? row.gridId;
    if (!from) return null;
    return (await this.org.ancestorsOf(from)).find((a) => a.ancestor.kind === 'DISTRICT')?.ancestor.id ?? null;
  }

  private async requireCase(caseId: string, tx?: Prisma.TransactionClient): Promise<CaseRow> {
    const row = await this.cases.byId(caseId, tx);
    if (!row) throw ApplicationFailure.nonRetryable(`诉求 ${caseId} 不存在`, 'NOT_FOUND');
    return row;
  }
}
