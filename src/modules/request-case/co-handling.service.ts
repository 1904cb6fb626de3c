import { Injectable } from '@nestjs/common';
import { Permission, rolePermissions, unscopedRoles } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import type { UnitScope } from '../../common/auth/unit-scope';
import { DomainError } from '../../common/errors/domain-error';
import {
  caseAllowsCoHandling,
  coHandlingActions,
  partAllows,
  partDoneMessage,
} from '../../shared/process/co-handling.states';
import type { CoHandlingAction } from '../../shared/process/co-handling.states';
import { illegalActionMessage } from '../../shared/process/request-case.states';
import { OrgRepository } from '../org/org.repository';
import { CaseUpdatesService } from './case-updates.service';
import { mayCoHandle } from './co-handling-units';
import { CoHandlingRepository } from './co-handling.repository';
import type { AddCoHandlerDto, CoHandlerNoteDto, RemoveCoHandlerDto } from './dto/co-handling.dto';
import { leadUnitIds, RequestCaseRepository } from './request-case.repository';
import { RequestCaseService } from './request-case.service';

type CaseRow = NonNullable<Awaited<ReturnType<RequestCaseRepository['byId']>>>;
type Part = NonNullable<Awaited<ReturnType<CoHandlingRepository['find']>>>;

/**
 * 主办 + 协办: dispatchers add and remove co-handling units; each co-handling unit's staff record their part. Quick refusals
 * come from the read model with the units' names; the case's workflow decides in its update validators.
 */
@Injectable()
export class CoHandlingService {
  constructor(
    private readonly cases: RequestCaseRepository,
    private readonly coHandlers: CoHandlingRepository,
    private readonly org: OrgRepository,
    private readonly updates: CaseUpdatesService,
    private readonly requestCases: RequestCaseService,
  ) {}

  async add(principal: Principal, scope: UnitScope, caseId: string, dto: AddCoHandlerDto) {
    const found = await this.leadCase(scope, caseId);
    requireCaseState(found, 'addCoHandler');
    const unit = await this.org.findUnit(dto.unitId);
    // the department the duty list routes the category to may be invited by whoever dispatches the case
    const reachable =
      unit &&
      mayCoHandle(unit.kind) &&
      (unit.id === found.departmentId || scope.all || (await this.org.isWithin(unit.id, scope.roots)));
    if (!reachable) throw new DomainError('UNKNOWN_UNIT', '协办单位须为您管辖范围内的街道、社区、网格或街道部门');
    const lead = leadUnitIds(found);
    if (lead.includes(unit.id))
      throw new DomainError('CO_HANDLER_IS_LEAD', `「${unit.name}」是本诉求的主办单位，不能同时作为协办单位`);
    const part = await this.coHandlers.find(caseId, unit.id);
    if (!partAllows('addCoHandler', part?.state ?? null))
      throw new DomainError('CO_HANDLER_DUPLICATE', `「${unit.name}」已是本诉求的协办单位`);
    await this.updates.run(principal, found.workflowId, 'addCoHandler', {
      unitId: unit.id,
      reason: dto.reason,
      leadUnitIds: lead,
    });
    return this.requestCases.detail(scope, caseId);
  }

  async remove(principal: Principal, scope: UnitScope, caseId: string, unitId: string, dto: RemoveCoHandlerDto) {
    const found = await this.leadCase(scope, caseId);
    requireCaseState(found, 'removeCoHandler');
    const part = await this.openPart(caseId, unitId, 'removeCoHandler');
    await this.updates.run(principal, found.workflowId, 'removeCoHandler', { unitId: part.unitId, reason: dto.reason });
    return this.requestCases.detail(scope, caseId);
  }

  progress(principal: Principal, scope: UnitScope, caseId: string, unitId: string, dto: CoHandlerNoteDto) {
    return this.actForUnit(principal, scope, caseId, unitId, 'coHandlerProgress', dto);
  }

  done(principal: Principal, scope: UnitScope, caseId: string, unitId: string, dto: CoHandlerNoteDto) {
    return this.actForUnit(principal, scope, caseId, unitId, 'coHandlerDone', dto);
  }

  /** A co-handling unit's own step: only its staff (or an administrator) act for it, and only on its part. */
  private async actForUnit(
    principal: Principal,
    scope: UnitScope,
    caseId: string,
    unitId: string,
    update: CoHandlingAction,
    dto: CoHandlerNoteDto,
  ) {
    const found = await this.cases.visible(caseId, scope);
    if (!found) throw new DomainError('NOT_FOUND', '诉求不存在或不在您的管辖范围内');
    requireCaseState(found, update);
    const part = await this.openPart(caseId, unitId, update, principal);
    await this.updates.run(principal, found.workflowId, update, { unitId: part.unitId, note: dto.note });
    return this.requestCases.detail(scope, caseId);
  }

  private async leadCase(scope: UnitScope, caseId: string): Promise<CaseRow> {
    const found = await this.cases.inScope(caseId, scope);
    if (!found) throw new DomainError('NOT_FOUND', '诉求不存在或不在您的管辖范围内');
    return found;
  }

  /** The unit's part, still open; with `actor`, also checks the actor works in that unit. */
  private async openPart(caseId: string, unitId: string, action: CoHandlingAction, actor?: Principal): Promise<Part> {
    const part = await this.coHandlers.find(caseId, unitId);
    if (!part || (part.state !== 'DONE' && !partAllows(action, part.state)))
      throw new DomainError('CO_HANDLER_NOT_FOUND', '该单位不是本诉求的协办单位（或已被移除）');
    if (actor && !(await this.worksIn(actor, part.unitId)))
      throw new DomainError(
        'FORBIDDEN',
        `只有「${part.unit.name}」的工作人员可以${coHandlingActions[action].partLabel}`,
      );
    if (!partAllows(action, part.state))
      throw new DomainError('ILLEGAL_TRANSITION', partDoneMessage(action, part.unit.name));
    return part;
  }

  /** Holds a post that may work on cases in the unit or below it (a grid worker acts for the community above the grid). */
  private async worksIn(principal: Principal, unitId: string): Promise<boolean> {
    const posts = principal.positions.filter((p) => rolePermissions[p.role].includes(Permission.CaseWrite));
    if (posts.some((p) => unscopedRoles.includes(p.role))) return true;
    for (const p of posts) if (await this.org.isWithin(p.unitId, [unitId])) return true;
    return false;
  }
}

function requireCaseState(found: CaseRow, action: CoHandlingAction): void {
  if (!caseAllowsCoHandling(action, found.status))
    throw new DomainError('ILLEGAL_TRANSITION', illegalActionMessage(coHandlingActions[action].label, found.status));
}
