import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client';
import { mayConfigureDistrict } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import type { UnitScope } from '../../common/auth/unit-scope';
import { DomainError } from '../../common/errors/domain-error';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { queryWithin, startOnce } from '../../infra/temporal/workflow-calls';
import type { BusinessCalendar } from '../../shared/calendar';
import { projectClocks } from '../../shared/process/clock-projection';
import type { ProjectableClock } from '../../shared/process/clock-projection';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { OrgRepository } from '../org/org.repository';
import { ProcessPolicyService } from '../policy/policy.service';
import type { RequestLoopPolicy } from '../policy/request-loop-policy.schema';
import { OPEN_CASE_STATES, PreviewMigrationDto, StartMigrationDto } from './dto/policy-migration.dto';
import type { MigrationFilters } from './dto/policy-migration.dto';
import { caseSkipReason, migrationSignalFor, NO_ANSWER_REASON } from './policy-migration.plan';
import { CandidateCase, PolicyMigrationRepository, StoredFilters } from './policy-migration.repository';

const PROCESS = 'request-loop';
const SKIPPED_LISTED = 500;

/** Moving running cases onto another request-loop policy version: preview, start (a workflow does the work), progress. */
@Injectable()
export class PolicyMigrationService {
  constructor(
    private readonly migrations: PolicyMigrationRepository,
    private readonly policies: ProcessPolicyService,
    private readonly calendars: CalendarService,
    private readonly org: OrgRepository,
    private readonly audit: AuditService,
    private readonly temporal: TemporalClientService,
  ) {}

  /** The cases a migration would touch, a page at a time in id order, each with what its clocks' deadlines would become. */
  async preview(principal: Principal, scope: UnitScope, dto: PreviewMigrationDto) {
    const [filters, policy] = await this.checked(principal, scope, dto.toVersion, dto);
    const [rows, total] = await Promise.all([
      this.migrations.candidates(filters, dto.toVersion, dto.after, dto.limit),
      this.migrations.countCandidates(filters, dto.toVersion),
    ]);
    const calendars = new Map<string | undefined, Promise<BusinessCalendar>>();
    const calendarOf = async (row: CandidateCase) => {
      const district = row.streetId ? await this.migrations.districtOfStreet(row.streetId) : undefined;
      if (!calendars.has(district))
        calendars.set(
          district,
          this.calendars.effectiveCalendar(district).then((e) => e.calendar),
        );
      return calendars.get(district) as Promise<BusinessCalendar>;
    };
    const now = Date.now();
    const items = await Promise.all(
      rows.map(async (row) => {
        const base = {
          caseId: row.id,
          caseNo: row.caseNo,
          category: row.category,
          status: row.status,
          gridId: row.gridId,
          fromVersion: row.policyVersion,
          toVersion: dto.toVersion,
        };
        const skip = caseSkipReason(row, dto.toVersion);
        if (skip) return { ...base, action: 'SKIP' as const, reason: skip, clocks: [] };
        const clocks = await queryWithin<ProjectableClock[]>(this.temporal.client, row.workflowId, 'clocksWithPauses');
        if (!clocks) return { ...base, action: 'MIGRATE' as const, reason: NO_ANSWER_REASON, clocks: [] };
        const limits = migrationSignalFor({ id: '', toVersion: dto.toVersion }, policy, row);
        return {
          ...base,
          action: 'MIGRATE' as const,
          clocks: projectClocks(await calendarOf(row), clocks, limits, now),
        };
      }),
    );
    return {
      toVersion: dto.toVersion,
      total,
      items,
      nextAfter: rows.length === dto.limit ? (rows.at(-1)?.id ?? null) : null,
    };
  }

  /** Records the migration and starts its workflow; 202 with its id. Nothing is written when the request is refused. */
  async start(
    principal: Principal,
    scope: UnitScope,
    dto: StartMigrationDto,
  ): Promise<{ migrationId: string; workflowId: string; total: number }> {
    const [filters] = await this.checked(principal, scope, dto.toVersion, dto.filters);
    const total = await this.migrations.countCandidates(filters, dto.toVersion);
    if (total === 0) throw new DomainError('VALIDATION_FAILED', '没有符合条件、需要迁移的诉求');
    const id = randomUUID();
    const workflowId = `policy-migration-${id}`;
    await this.migrations.transaction(async (tx) => {
      const row = await this.migrations.create(
        {
          id,
          process: PROCESS,
          toVersion: dto.toVersion,
          filters: filters as unknown as Prisma.InputJsonValue,
          total,
          workflowId,
          createdBy: principal.personId,
        },
        tx,
      );
      await this.audit.record(
        {
          action: 'policy.migration.start',
          entityType: 'policy_migration',
          entityId: id,
          unitId: filters.unitId ?? null,
          after: { ...row, note: dto.note },
        },
        tx,
      );
    });
    try {
      await startOnce(this.temporal.client, 'policyMigrationWorkflow', workflowId, this.temporal.taskQueue, {
        migrationId: id,
      });
    } catch (err) {
      await this.migrations.fail(id, `流程未能启动：${String(err)}`.slice(0, 500));
      throw err;
    }
    return { migrationId: id, workflowId, total };
  }

  async progress(principal: Principal, id: string) {
    this.assertDistrict(principal);
    const m = await this.migrations.find(id);
    if (!m) throw new DomainError('NOT_FOUND', '策略迁移不存在');
    const [skippedCases, byReason] = await Promise.all([
      this.migrations.skippedCases(id, SKIPPED_LISTED),
      this.migrations.skippedByReason(id),
    ]);
    const { scopeRoots: _scope, ...filters } = m.filters as unknown as StoredFilters;
    return {
      id: m.id,
      process: m.process,
      toVersion: m.toVersion,
      filters,
      status: m.status,
      total: m.total,
      processed: m.migrated + m.skipped,
      migrated: m.migrated,
      skipped: m.skipped,
      skippedByReason: byReason.map((r) => ({ reason: r.reason, count: r._count._all })),
      skippedCases,
      error: m.error,
      workflowId: m.workflowId,
      createdBy: m.createdBy,
      createdAt: m.createdAt,
      finishedAt: m.finishedAt,
    };
  }

  /** District level only → 403; an unknown version → 400; a unit outside the caller's scope → 404. */
  private async checked(
    principal: Principal,
    scope: UnitScope,
    toVersion: number,
    f: MigrationFilters,
  ): Promise<[StoredFilters, RequestLoopPolicy]> {
    this.assertDistrict(principal);
    const policy = await this.policies.get(PROCESS, toVersion).catch((err: unknown) => {
      if (err instanceof DomainError && err.code === 'NOT_FOUND')
        throw new DomainError('VALIDATION_FAILED', `群众诉求闭环没有第 ${toVersion} 版策略`);
      throw err;
    });
    if (f.unitId && !(scope.all ? await this.org.exists(f.unitId) : await this.org.isWithin(f.unitId, scope.roots))) {
      throw new DomainError('NOT_FOUND', '组织单元不存在或不在您的管辖范围内');
    }
    return [
      {
        category: f.category,
        unitId: f.unitId,
        states: f.states ?? OPEN_CASE_STATES,
        scopeRoots: scope.all ? null : scope.roots,
      },
      policy.data,
    ];
  }

  private assertDistrict(principal: Principal): void {
    if (!mayConfigureDistrict(principal))
      throw new DomainError('FORBIDDEN', '只有区级督导或系统管理员可以迁移流程策略');
  }
}
