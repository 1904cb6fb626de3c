import { Injectable } from '@nestjs/common';
import { Permission, mayConfigureDistrict } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { startOnce } from '../../infra/temporal/workflow-calls';
import { monthKey } from '../../shared/process/programme-rhythm';
import type { ProgrammeMonth } from '../../shared/process/programme-rhythm';
import { AuditService } from '../audit/audit.service';
import { ProgrammeVisibilityService } from '../programme/programme-visibility.service';
import { ProgrammeYearService } from '../programme/programme-year.service';
import { ProgrammeInspectionRepository } from './programme-inspection.repository';
import type { InspectionFinding } from './programme-inspection.types';

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Inspection rounds and interviews through the API: findings per agency while a round is open, interview outcomes. */
@Injectable()
export class ProgrammeInspectionService {
  constructor(
    private readonly repository: ProgrammeInspectionRepository,
    private readonly years: ProgrammeYearService,
    private readonly visibility: ProgrammeVisibilityService,
    private readonly temporal: TemporalClientService,
    private readonly audit: AuditService,
  ) {}

  /** Opens the month's round now (a round the Schedule missed); one round per month. */
  async start(principal: Principal, period: ProgrammeMonth): Promise<{ workflowId: string }> {
    this.assertSupervisor(principal, '只有区级督导或系统管理员可以发起督查');
    await this.years.get(period.year);
    const workflowId = `programme-inspection-${monthKey(period)}`;
    await startOnce(this.temporal.client, 'programmeInspectionWorkflow', workflowId, this.temporal.taskQueue, period);
    return { workflowId };
  }

  async list(principal: Principal, year?: number) {
    await this.visibility.units(principal, Permission.ProgrammeRead);
    return (await this.repository.rounds(year)).map(({ items, ...r }) => ({
      ...r,
      agencies: items.length,
      openItems: items.filter((i) => i.findings === null).length,
    }));
  }

  async get(principal: Principal, id: string) {
    const units = await this.visibility.units(principal, Permission.ProgrammeRead);
    const round = isUuid(id) ? await this.repository.round(id) : null;
    if (!round) throw new DomainError('NOT_FOUND', '督查轮次不存在');
    const seen = (unitId: string) => !units || units.includes(unitId);
    return {
      ...round,
      items: round.items.filter((i) => seen(i.partyOrgId)),
      interviews: (await this.repository.interviews({ roundId: id })).filter((i) => seen(i.partyOrgId)),
    };
  }

  /** An inspector's findings for one agency: every checklist item, while the round is open. */
  async recordFindings(principal: Principal, id: string, dto: { partyOrgId: string; results: InspectionFinding[] }) {
    this.assertSupervisor(principal, '只有区级督导（督查组）或系统管理员可以录入督查结果');
    if (!isUuid(id)) throw new DomainError('NOT_FOUND', '督查轮次不存在');
    return this.repository.transaction(async (tx) => {
      const status = await this.repository.lockRound(id, tx);
      if (!status) throw new DomainError('NOT_FOUND', '督查轮次不存在');
      if (status !== 'OPEN') throw new DomainError('CONFLICT', '本轮督查已结束，不能再录入督查结果');
      const item = await tx.programmeInspectionItem.findUnique({
        where: { roundId_partyOrgId: { roundId: id, partyOrgId: dto.partyOrgId } },
      });
      if (!item) throw new DomainError('NOT_FOUND', '该机关党组织不在本轮督查范围内');
      const checklist = item.checklist as string[];
      const missing = checklist.filter((c) => !dto.results.some((r) => r.item === c));
      if (missing.length) throw new DomainError('VALIDATION_FAILED', `督查清单还缺：${missing.join('、')}`);
      const unknown = dto.results.filter((r) => !checklist.includes(r.item)).map((r) => r.item);
      if (unknown.length) throw new DomainError('VALIDATION_FAILED', `不在督查清单中：${unknown.join('、')}`);
      const after = await tx.programmeInspectionItem.update({
        where: { id: item.id },
        data: { findings: dto.results as never, recordedBy: principal.personId, recordedAt: new Date() },
      });
      await this.audit.record(
        {
          action: 'programme.inspection.findings',
          entityType: 'programme_inspection_item',
          entityId: item.id,
          unitId: dto.partyOrgId,
          before: item,
          after,
        },
        tx,
      );
      return after;
    });
  }

  async interviews(principal: Principal, roundId?: string) {
    const units = await this.visibility.units(principal, Permission.ProgrammeRead);
    return this.repository.interviews({
      ...(roundId && isUuid(roundId) ? { roundId } : roundId ? { roundId: { in: [] } } : {}),
      ...(units ? { partyOrgId: { in: units } } : {}),
    });
  }

  /** The supervisor records how the interview went, once. */
  async recordOutcome(principal: Principal, id: string, outcome: string) {
    this.assertSupervisor(principal, '只有区级督导或系统管理员可以记录约谈结果');
    const before = isUuid(id) ? await this.repository.interview(id) : null;
    if (!before) throw new DomainError('NOT_FOUND', '约谈不存在');
    return this.repository.transaction(async (tx) => {
      const held = await tx.programmeInterview.updateMany({
        where: { id, status: 'SCHEDULED' },
        data: { status: 'HELD', outcome, recordedBy: principal.personId, recordedAt: new Date() },
      });
      if (!held.count) throw new DomainError('CONFLICT', '该约谈的结果已记录，不能重复记录');
      const after = await tx.programmeInterview.findUniqueOrThrow({ where: { id } });
      await this.audit.record(
        {
          action: 'programme.interview.outcome',
          entityType: 'programme_interview',
          entityId: id,
          unitId: before.partyOrgId,
          before,
          after,
        },
        tx,
      );
      return after;
    });
  }

  private assertSupervisor(principal: Principal, message: string) {
    if (!mayConfigureDistrict(principal)) throw new DomainError('FORBIDDEN', message);
  }
}
