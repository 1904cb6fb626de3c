import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Prisma } from '../../generated/prisma/client';
import type { Principal } from '../../common/auth/principal';
import { EVERYTHING, type UnitScope } from '../../common/auth/unit-scope';
import { DomainError } from '../../common/errors/domain-error';
import { pageOf, toSkipTake } from '../../common/http/pagination';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { queryWithin, startOnce } from '../../infra/temporal/workflow-calls';
import { BusinessCalendar, computeDeadline } from '../../shared/calendar';
import { boundingBox, haversineMeters, Point } from '../../shared/geo/haversine.util';
import { caseActions, FINISHED, illegalActionMessage, mayTake } from '../../shared/process/request-case.states';
import type { CaseAction } from '../../shared/process/request-case.states';
import { referenceNo } from '../../shared/reference-no';
import { EscalationLevel, startSearchAttributes } from '../../shared/search-attributes';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { OrgRepository } from '../org/org.repository';
import { OrgService } from '../org/org.service';
import { ProcessPolicyService } from '../policy/policy.service';
import { RequestLoopPolicy, resolutionLimitFor } from '../policy/request-loop-policy.schema';
import type { ClockView, RequestCaseInput } from '../../../workflows/request-case.workflow';
import type { IntakeCaseDto, ListCasesQuery, MyIntakeDto } from './dto/request-case.dto';
import type { PageQuery } from '../../common/http/pagination';
import { CaseUpdatesService } from './case-updates.service';
import { deadlineOrder, decodeCaseCursor, encodeCaseCursor, listedStatuses, newestOrder } from './case-list';
import { CoHandlingRepository } from './co-handling.repository';
import { casesVisibleTo, leadUnitIds, Reporter, reportedBy, RequestCaseRepository } from './request-case.repository';

type CaseRow = NonNullable<Awaited<ReturnType<RequestCaseRepository['byId']>>>;
type OwnCase = NonNullable<Awaited<ReturnType<RequestCaseRepository['ownCase']>>>;
export interface LikelyDuplicate {
  id: string;
  caseNo: string;
  distanceMeters: number;
}
/** What a reporter may do on their own case, through the same workflow updates staff use. */
export type ReporterAction = 'provideInfo' | 'close' | 'dispute';
type Action = CaseAction;

/** Timeline entries about internal supervision, not shown to residents. */
const INTERNAL_KINDS = new Set([
  'REMINDED',
  'ESCALATED',
  'CO_HANDLER_ADDED',
  'CO_HANDLER_REMOVED',
  'CO_HANDLER_PROGRESS',
  'CO_HANDLER_DONE',
]);
const pointOf = (row: { latitude: number | null; longitude: number | null }): Point | null =>
  row.latitude === null || row.longitude === null ? null : { latitude: row.latitude, longitude: row.longitude };

/** The workflow's input: the policy version and calendar frozen at intake. */
const inputFor = (row: CaseRow, policy: RequestLoopPolicy, calendar: BusinessCalendar): RequestCaseInput => ({
  caseId: row.id,
  category: row.category,
  urgency: row.urgency,
  acceptLimit: policy.clocks.accept.limit,
  resolutionLimit: resolutionLimitFor(policy, row.category),
  reminderFractions: policy.reminders.fractions,
  ladder: policy.escalation.ladder,
  calendar,
  extension: policy.extension,
  firstResponseLimit: policy.clocks.firstResponse.limit,
  // beyond the community's authority: a street department handles this category and must be contacted in time
  ...(row.departmentId ? { contactDepartmentLimit: policy.clocks.contactDepartment.limit } : {}),
});

/** 群众诉求: intake (idempotent by requestKey), scoped reads, and the human steps, which the case's workflow decides. */
@Injectable()
export class RequestCaseService {
  constructor(
    private readonly cases: RequestCaseRepository,
    private readonly org: OrgService,
    private readonly orgUnits: OrgRepository,
    private readonly policies: ProcessPolicyService,
    private readonly calendars: CalendarService,
    private readonly temporal: TemporalClientService,
    private readonly audit: AuditService,
    private readonly updates: CaseUpdatesService,
    private readonly coHandlers: CoHandlingRepository,
  ) {}

  async intake(
    principal: Principal,
    scope: UnitScope,
    dto: IntakeCaseDto,
  ): Promise<{ created: boolean; case: CaseRow; possibleDuplicateOf: LikelyDuplicate | null }> {
    const gridId = await this.gridOf(scope, dto.address);
    const existing = await this.cases.byRequestKey(dto.requestKey);
    if (existing) {
      const replayed = await this.replay(scope, existing);
      return { created: false, case: replayed, possibleDuplicateOf: await this.flaggedDuplicate(replayed) };
    }

    const chain = await this.orgUnits.ancestorsOf(gridId);
    const unitOf = (kind: string) => chain.find((c) => c.ancestor.kind === kind)?.ancestor.id ?? null;
    const [policy, { calendar }] = await Promise.all([
      this.policies.current('request-loop'),
      this.calendars.effectiveCalendar(unitOf('DISTRICT') ?? undefined),
    ]);
    const id = randomUUID();
    const now = new Date();
    const workflowId = `case-${id}`;
    const acceptLimit = policy.data.clocks.accept.limit;
    const duplicate = dto.location
      ? await this.likelyDuplicate(scope, dto.category, dto.location, policy.data, now)
      : null;
    const streetId = unitOf('STREET');
    const department = streetId ? await this.orgUnits.departmentFor(streetId, dto.category) : null;
    let row: CaseRow;
    try {
      row = await this.cases.transaction(async (tx) => {
        const created = await this.cases.create(
          {
            id,
            caseNo: referenceNo('SQ', id, now),
            requestKey: dto.requestKey,
            workflowId,
            channel: dto.channel,
            category: dto.category,
            description: dto.description,
            address: dto.address,
            gridId,
            communityId: unitOf('COMMUNITY'),
            streetId,
            reporterPhone: dto.reporterPhone,
            urgency: dto.urgency,
            policyVersion: policy.version,
            latitude: dto.location?.latitude ?? null,
            longitude: dto.location?.longitude ?? null,
            attachments: dto.attachments,
            possibleDuplicateOfId: duplicate?.id ?? null,
            departmentId: department?.id ?? null,
            acceptDeadline: new Date(computeDeadline(calendar, now.getTime(), acceptLimit)),
            accountableUnitId: gridId,
            createdAt: now,
          },
          tx,
        );
        await this.cases.addEventOnce(
          {
            caseId: id,
            dedupKey: `${workflowId}:reported`,
            kind: 'REPORTED',
            actorId: principal.personId,
            data: { channel: dto.channel },
          },
          tx,
        );
        await this.audit.record(
          { action: 'case.intake', entityType: 'request_case', entityId: id, unitId: gridId, after: created },
          tx,
        );
        return created;
      });
    } catch (err) {
      // Two intakes with one key at the same moment: the loser answers with the winner's case.
      const raced =
        err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002'
          ? await this.cases.byRequestKey(dto.requestKey)
          : null;
      if (!raced) throw err;
      const replayed = await this.replay(scope, raced);
      return { created: false, case: replayed, possibleDuplicateOf: await this.flaggedDuplicate(replayed) };
    }
    await this.startWorkflow(row, inputFor(row, policy.data, calendar));
    return { created: true, case: row, possibleDuplicateOf: duplicate };
  }

  /**
   * One page of the scope's cases. `cursor` (the previous page's `nextCursor`) pages in keyset order, so deep pages
   * cost what the first one does; `page` keeps working for the console. Totals come from the counts read model,
   * exact for the scope, except with a text search, which is counted directly.
   */
  async list(scope: UnitScope, q: ListCasesQuery) {
    const statuses = listedStatuses(q);
    const pendingIds = q.extension === 'pending' ? await this.cases.withPendingExtension() : null;
    const where: Prisma.RequestCaseWhereInput = {
      AND: [
        casesVisibleTo(scope),
        q.q ? { OR: [{ caseNo: { contains: q.q } }, { description: { contains: q.q } }] } : {},
        q.escalated === 'true' ? { escalationLevel: { gte: 1 }, status: { notIn: ['HANDLED', ...FINISHED] } } : {},
        pendingIds ? { id: { in: pendingIds }, status: { notIn: [...FINISHED] } } : {},
      ],
      status: { in: statuses },
    };
    if (q.cursor && q.sort === 'deadline')
      throw new DomainError('VALIDATION_FAILED', '按截止时间排序时不支持 cursor 翻页，请用 page');
    const include: Prisma.RequestCaseInclude = {
      coHandlers: { select: { unitId: true, state: true } },
      ...(q.escalated === 'true' ? { supervisionOrders: { orderBy: { openedAt: 'asc' } } } : {}),
      ...(pendingIds ? { events: { where: { kind: 'EXTENSION_REQUESTED' }, orderBy: { seq: 'desc' }, take: 1 } } : {}),
    };
    const after = q.cursor ? decodeCaseCursor(q.cursor) : undefined;
    // the counts read model knows statuses per grid, not escalations, pending extensions or text
    const countsFromReadModel = !q.q && q.escalated !== 'true' && !pendingIds;
    const [items, total] = await Promise.all([
      q.sort !== 'deadline' && (after || q.page <= 1)
        ? this.cases.listAfter(where, after, q.pageSize, include)
        : q.sort !== 'deadline' && countsFromReadModel
          ? this.cases.pageInScope(scope, statuses, toSkipTake(q), include)
          : this.cases.page(where, toSkipTake(q), include, q.sort === 'deadline' ? deadlineOrder : newestOrder),
      countsFromReadModel ? this.cases.countVisible(scope, statuses) : this.cases.count(where),
    ]);
    const rows = items.map(
      ({
        events,
        ...row
      }: (typeof items)[number] & {
        events?: { data: unknown; note: string | null; at: Date; actorId: string | null }[];
      }) =>
        events?.[0]
          ? {
              ...row,
              pendingExtension: {
                workingDays: (events[0].data as { workingDays?: number }).workingDays ?? null,
                reason: events[0].note,
                requestedAt: events[0].at,
                requestedBy: events[0].actorId,
              },
            }
          : row,
    );
    const last = items[items.length - 1];
    return {
      ...pageOf(rows, total, q),
      nextCursor: last && items.length === q.pageSize && q.sort !== 'deadline' ? encodeCaseCursor(last) : null,
    };
  }

  /** Staff of the lead's units above the grid, and of any co-handling unit, see the case. */
  async detail(scope: UnitScope, id: string) {
    const found = await this.cases.visible(id, scope);
    if (!found) throw new DomainError('NOT_FOUND', '诉求不存在或不在您的管辖范围内');
    const { events, supervisionOrders, ...rest } = found;
    const [lead, coHandlers, clocks] = await Promise.all([
      this.leadOf(found),
      this.coHandlers.ofCase(id),
      this.liveClocks(found.workflowId),
    ]);
    return {
      ...rest,
      lead,
      coHandlers: coHandlers.map(({ unit, caseId: _caseId, id: _id, ...part }) => ({
        ...part,
        unitName: unit.name,
        unitKind: unit.kind,
      })),
      timeline: events,
      supervisionOrders,
      clocks,
    };
  }

  /** 主办单位: the accountable unit (the first grid until a re-dispatched one accepts). */
  private async leadOf(row: CaseRow) {
    const unit = await this.orgUnits.findUnit(leadUnitIds(row)[0] ?? '');
    return unit ? { unitId: unit.id, name: unit.name, kind: unit.kind } : null;
  }

  async act(principal: Principal, scope: UnitScope, id: string, action: Action, body: object) {
    const found = await this.cases.inScope(id, scope);
    if (!found) throw new DomainError('NOT_FOUND', '诉求不存在或不在您的管辖范围内');
    assertAllowed(found, action);
    if (action === 'reassign') await this.assertGridInScope((body as { gridId: string }).gridId, scope);
    if (action === 'merge') await this.assertMergeTarget(id, (body as { intoCaseId: string }).intoCaseId, scope);
    if (action === 'markHandled') await this.assertCoHandlingDone(id);
    await this.updates.run(principal, found.workflowId, action, body);
    return this.detail(scope, id);
  }

  /**
   * A resident files for themselves from their phone (any registered address in the district). The same requestKey
   * gives back their own case; a key already used for someone else's case is refused without revealing it.
   */
  async intakeAsReporter(principal: Principal, dto: MyIntakeDto): Promise<{ created: boolean; case: ResidentCase }> {
    const reporter = reporterOf(principal);
    const notOwn = () => new DomainError('CONFLICT', '该幂等键已被其他诉求使用');
    const existing = await this.cases.byRequestKey(dto.requestKey);
    if (existing && !(await this.cases.ownCase(existing.id, reporter))) throw notOwn();
    try {
      const { created, case: row } = await this.intake(principal, EVERYTHING, {
        ...dto,
        channel: 'WECHAT',
        reporterPhone: principal.phone,
        urgency: 'NORMAL',
      });
      // two people racing with one key: the loser's answer is the winner's case, which is not theirs
      if (!(await this.cases.ownCase(row.id, reporter))) throw notOwn();
      return { created, case: residentView(row) };
    } catch (err) {
      if (err instanceof DomainError && err.code === 'ADDRESS_UNKNOWN')
        throw new DomainError('ADDRESS_UNKNOWN', `地址「${dto.address}」未登记到任何网格，请核对门牌后重新填写`);
      throw err;
    }
  }

  /** The reporter's own cases, newest first (merged ones too: the resident sees where theirs went). */
  async mine(principal: Principal, q: PageQuery) {
    const [items, total] = await this.cases.list(reportedBy(reporterOf(principal)), toSkipTake(q));
    return pageOf(
      items.map((row) => residentView(row)),
      total,
      q,
    );
  }

  async mineDetail(principal: Principal, id: string) {
    const found = await this.requireOwn(principal, id);
    return residentView(found, await this.liveClocks(found.workflowId));
  }

  /** The reporter acting on their own case; anyone else's is 404, as if it did not exist. */
  async actAsReporter(principal: Principal, id: string, action: ReporterAction, body: object) {
    const found = await this.requireOwn(principal, id);
    assertAllowed(found, action);
    await this.updates.run(principal, found.workflowId, action, body);
    return this.mineDetail(principal, id);
  }

  private async requireOwn(principal: Principal, id: string): Promise<OwnCase> {
    const found = await this.cases.ownCase(id, reporterOf(principal));
    if (!found) throw new DomainError('NOT_FOUND', '诉求不存在');
    return found;
  }

  /** The nearest open case of the category reported within the policy's window and radius, in the caller's scope. */
  private async likelyDuplicate(
    scope: UnitScope,
    category: string,
    at: Point,
    policy: RequestLoopPolicy,
    now: Date,
  ): Promise<LikelyDuplicate | null> {
    const { radiusMeters, windowHours } = policy.duplicates;
    const candidates = await this.cases.duplicateCandidates({
      category,
      since: new Date(now.getTime() - windowHours * 3_600_000),
      box: boundingBox(at, radiusMeters),
      scope,
    });
    let nearest: LikelyDuplicate | null = null;
    for (const c of candidates) {
      const distanceMeters = Math.round(haversineMeters(at, pointOf(c) as Point));
      if (distanceMeters <= radiusMeters && (!nearest || distanceMeters < nearest.distanceMeters))
        nearest = { id: c.id, caseNo: c.caseNo, distanceMeters };
    }
    return nearest;
  }

  /** A repeated intake answers with the duplicate flagged the first time. */
  private async flaggedDuplicate(row: CaseRow): Promise<LikelyDuplicate | null> {
    const other = row.possibleDuplicateOfId ? await this.cases.byId(row.possibleDuplicateOfId) : null;
    const [a, b] = [pointOf(row), other && pointOf(other)];
    return other && a && b
      ? { id: other.id, caseNo: other.caseNo, distanceMeters: Math.round(haversineMeters(a, b)) }
      : null;
  }

  private async gridOf(scope: UnitScope, address: string): Promise<string> {
    try {
      return (await this.org.resolveAddress(scope, address)).grid.id;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'NOT_FOUND')
        throw new DomainError('ADDRESS_UNKNOWN', `地址「${address}」未登记到任何网格，或不在您的管辖范围内`);
      throw err;
    }
  }

  /** A repeated intake: the same case, and its workflow started if a crash came between the insert and the start. */
  private async replay(scope: UnitScope, existing: CaseRow): Promise<CaseRow> {
    if (!(await this.cases.inScope(existing.id, scope))) throw new DomainError('CONFLICT', '该幂等键已被其他诉求使用');
    if (existing.status === 'REPORTED' && !(await this.hasWorkflow(existing.workflowId))) {
      const district = existing.gridId
        ? (await this.orgUnits.ancestorsOf(existing.gridId)).find((c) => c.ancestor.kind === 'DISTRICT')?.ancestor.id
        : undefined;
      const [policy, { calendar }] = await Promise.all([
        this.policies.get('request-loop', existing.policyVersion),
        this.calendars.effectiveCalendar(district),
      ]);
      await this.startWorkflow(existing, inputFor(existing, policy.data, calendar));
    }
    return existing;
  }

  private startWorkflow(row: CaseRow, input: RequestCaseInput): Promise<void> {
    return startOnce(
      this.temporal.client,
      'requestCaseWorkflow',
      row.workflowId,
      this.temporal.taskQueue,
      input,
      startSearchAttributes('request-case', row.status, row, [{ key: EscalationLevel, value: 0 }]),
    );
  }

  private async hasWorkflow(workflowId: string): Promise<boolean> {
    try {
      await this.temporal.client.workflow.getHandle(workflowId).describe();
      return true;
    } catch {
      return false;
    }
  }

  /** The workflow's own view of its clocks; null when it cannot answer quickly (no worker, or no workflow). */
  private liveClocks(workflowId: string): Promise<ClockView[] | null> {
    return queryWithin<ClockView[]>(this.temporal.client, workflowId, 'clocks');
  }

  private async assertGridInScope(gridId: string, scope: UnitScope): Promise<void> {
    const grid = await this.orgUnits.findUnit(gridId);
    const visible = grid?.kind === 'GRID' && (scope.all || (await this.orgUnits.isWithin(gridId, scope.roots)));
    if (!visible) throw new DomainError('UNKNOWN_UNIT', '承接单位必须是您管辖范围内的网格');
  }

  /** The workflow refuses too; this answer names the units still at work. */
  private async assertCoHandlingDone(id: string): Promise<void> {
    const open = (await this.coHandlers.ofCase(id)).filter((p) => p.state === 'OPEN');
    if (open.length) {
      throw new DomainError(
        'CO_HANDLING_OPEN',
        `协办单位${open.map((p) => `「${p.unit.name}」`).join('')}尚未完成协办，主办单位暂不能标记为已处置；` +
          '不再需要的协办单位请由派单人员移除',
      );
    }
  }

  private async assertMergeTarget(id: string, intoCaseId: string, scope: UnitScope): Promise<void> {
    const into = intoCaseId === id ? null : await this.cases.inScope(intoCaseId, scope);
    if (!into || FINISHED.includes(into.status)) {
      throw new DomainError('INVALID_REFERENCE', '只能并入您管辖范围内另一件尚未办结的诉求');
    }
  }
}

/** A quick refusal from the read model; the case's workflow makes the authoritative check in its update validators. */
function assertAllowed(found: CaseRow, action: Action): void {
  if (!mayTake(action, found.status))
    throw new DomainError('ILLEGAL_TRANSITION', illegalActionMessage(caseActions[action].label, found.status));
}

const reporterOf = (principal: Principal): Reporter => ({ personId: principal.personId, phone: principal.phone });

type ResidentCase = ReturnType<typeof residentView>;

/** What a resident sees of their case: no staff ids, no internal supervision entries. */
function residentView(row: CaseRow & { events?: OwnCase['events'] }, clocks?: ClockView[] | null) {
  const base = {
    id: row.id,
    caseNo: row.caseNo,
    status: row.status,
    category: row.category,
    description: row.description,
    address: row.address,
    attachments: row.attachments,
    createdAt: row.createdAt,
    handledAt: row.handledAt,
    closedAt: row.closedAt,
    mergedIntoId: row.mergedIntoId,
  };
  if (!row.events) return base;
  const timeline = row.events
    .filter((e) => !INTERNAL_KINDS.has(e.kind))
    .map((e) => ({ kind: e.kind, note: e.note, at: e.at }));
  return { ...base, timeline, clocks: clocks ?? null };
}
