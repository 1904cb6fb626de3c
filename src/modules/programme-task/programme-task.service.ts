import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import { Permission } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import type { ErrorCode } from '../../common/errors/error-code';
import { pageOf, toSkipTake } from '../../common/http/pagination';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { queryWithin, startOnce, updateOrRefuse } from '../../infra/temporal/workflow-calls';
import { computeDeadline, cstYearOf, isWorkingDay } from '../../shared/calendar';
import { missingEvidence, missingEvidenceMessage } from '../../shared/process/programme-kinds';
import { taskActionRefusal } from '../../shared/process/programme-task.states';
import {
  DEFAULT_TASK_RATING,
  taskRatingFacts,
  taskRatingState,
} from '../../shared/process/programme-task-rating.states';
import type { TaskAction } from '../../shared/process/programme-task.states';
import { referenceNo } from '../../shared/reference-no';
import { startSearchAttributes } from '../../shared/search-attributes';
import type { TaskView } from '../../../workflows/programme-task.workflow';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { ProcessPolicyService } from '../policy/policy.service';
import { ProgrammeRepository } from '../programme/programme.repository';
import { programmeScope } from '../programme/programme-scope';
import { ProgrammeYearService } from '../programme/programme-year.service';
import type {
  AssignTaskDto,
  CreateTaskDto,
  ListTasksQuery,
  NameMembersDto,
  ReviewTaskDto,
  SubmitEvidenceDto,
} from './dto/programme-task.dto';
import { ProgrammeTaskRepository, tasksVisibleTo } from './programme-task.repository';
import type { ProgrammeTaskInput } from './programme-task.types';

const REFUSALS: ReadonlySet<string> = new Set<ErrorCode>([
  'ILLEGAL_TRANSITION',
  'VALIDATION_FAILED',
  'EVIDENCE_MISSING',
]);
const SCOPED_KINDS = ['COMMUNITY', 'AGENCY', 'PARTY_ORG'] as const;
export const programmeTaskWorkflowId = (taskId: string) => `programme-task-${taskId}`;
type TaskRow = NonNullable<Awaited<ReturnType<ProgrammeTaskRepository['find']>>>;

/** 双进双联 quota tasks for staff: create, scoped lists and detail, and each step through the task's workflow. */
@Injectable()
export class ProgrammeTaskService {
  constructor(
    private readonly tasks: ProgrammeTaskRepository,
    private readonly programme: ProgrammeRepository,
    private readonly years: ProgrammeYearService,
    private readonly calendars: CalendarService,
    private readonly policies: ProcessPolicyService,
    private readonly audit: AuditService,
    private readonly temporal: TemporalClientService,
  ) {}

  /** `requestKey` defaults to the caller's own key; the 人才超市 passes one per match so any chooser's retry finds it. */
  async create(principal: Principal, dto: CreateTaskDto, requestKey = `${principal.personId}:${dto.requestKey}`) {
    const repeat = await this.tasks.byRequestKey(requestKey);
    if (repeat) {
      // the first request may have failed between writing the row and starting its workflow
      await this.start(repeat, await this.inputOf(repeat));
      return this.detail(principal, repeat.id);
    }
    const community = await this.programme.unit(dto.communityId);
    if (community?.kind !== 'COMMUNITY') throw new DomainError('VALIDATION_FAILED', '任务须发布到社区');
    if (dto.partyOrgId) await this.assertPaired(dto.partyOrgId, dto.communityId);
    const nowMs = Date.now();
    const year = cstYearOf(nowMs);
    const { version, policy } = await this.years.policyFor(year);
    const districtId = await this.programme.districtOf(dto.communityId);
    const { calendar } = await this.calendars.effectiveCalendar(districtId);
    if (!isWorkingDay(calendar, dto.planDate)) throw new DomainError('VALIDATION_FAILED', '计划日期须为工作日');
    const limit = dto.dueWorkingDays ? { unit: 'workingDays' as const, amount: dto.dueWorkingDays } : policy.taskLimit;
    const dueAtMs = computeDeadline(calendar, nowMs, limit);
    if (Date.parse(`${dto.planDate}T00:00:00+08:00`) > dueAtMs)
      throw new DomainError('VALIDATION_FAILED', '计划日期不能晚于完成时限');
    if (Date.parse(`${dto.planDate}T23:59:59+08:00`) < nowMs)
      throw new DomainError('VALIDATION_FAILED', '计划日期不能早于今天');
    const id = randomUUID();
    const workflowId = programmeTaskWorkflowId(id);
    const row = await this.tasks.transaction(async (tx) => {
      const created = await this.tasks.create(
        {
          id,
          taskNo: referenceNo('SL', id, new Date(nowMs)),
          workflowId,
          requestKey,
          year,
          kind: dto.kind,
          title: dto.title,
          description: dto.description,
          communityId: dto.communityId,
          partyOrgId: dto.partyOrgId ?? null,
          status: dto.partyOrgId ? 'ASSIGNED' : 'OPEN',
          policyVersion: version,
          planDate: new Date(`${dto.planDate}T00:00:00Z`),
          dueAt: new Date(dueAtMs),
          createdBy: principal.personId,
        },
        tx,
      );
      await this.tasks.addEventOnce(
        { taskId: id, dedupKey: `${workflowId}:created`, kind: 'CREATED', actorId: principal.personId, data: {} },
        tx,
      );
      await this.audit.record(
        {
          action: 'programme.task.create',
          entityType: 'programme_task',
          entityId: id,
          unitId: dto.communityId,
          after: created,
        },
        tx,
      );
      return created;
    });
    const input: ProgrammeTaskInput = {
      taskId: row.id,
      kind: dto.kind,
      policyVersion: version,
      partyOrgId: dto.partyOrgId,
      dueAtMs,
      requiredEvidence: policy.evidence[dto.kind],
      reminderFractions: policy.reminderFractions,
      followUpLimit: policy.followUpLimit,
      maxEscalations: policy.maxEscalations,
      calendar,
    };
    await this.start(row, input);
    return this.detail(principal, row.id);
  }

  async list(principal: Principal, q: ListTasksQuery) {
    const where: Prisma.ProgrammeTaskWhereInput = {
      AND: [
        await this.visibility(principal),
        {
          ...(q.status ? { status: q.status } : {}),
          ...(q.kind ? { kind: q.kind } : {}),
          ...(q.communityId ? { communityId: q.communityId } : {}),
          ...(q.partyOrgId ? { partyOrgId: q.partyOrgId } : {}),
          ...(q.year ? { year: q.year } : {}),
          ...(q.overdue !== undefined ? { overdue: q.overdue } : {}),
        },
      ],
    };
    const [items, total] = await this.tasks.list(where, toSkipTake(q));
    return pageOf(items, total, q);
  }

  async detail(principal: Principal, id: string) {
    const found = await this.tasks.find(id, await this.visibility(principal));
    if (!found) throw new DomainError('NOT_FOUND', '任务不存在或不在您的管辖范围内');
    const { events, ...task } = found;
    const { data: policy } = await this.policies.get('programme', found.policyVersion);
    const { windowDays } = policy.taskRating ?? DEFAULT_TASK_RATING;
    return {
      ...task,
      timeline: events,
      ratingState: taskRatingState(taskRatingFacts(found, windowDays, Date.now())),
      live: await queryWithin<TaskView>(this.temporal.client, found.workflowId, 'programmeTask'),
    };
  }

  /** The community or a supervisor assigns the task to a paired agency. */
  async assign(principal: Principal, id: string, dto: AssignTaskDto) {
    const task = await this.managed(principal, id, 'assign');
    await this.assertPaired(dto.partyOrgId, task.communityId);
    return this.step(principal, task, 'assignTask', { partyOrgId: dto.partyOrgId, claimed: false });
  }

  /** An agency's party secretary claims an open task of a community the agency is paired with. */
  async claim(principal: Principal, id: string) {
    const task = await this.visible(principal, id);
    this.refuseByTable('assign', task);
    const orgIds = principal.positions.filter((p) => p.role === 'AGENCY_SECRETARY').map((p) => p.unitId);
    const pairings = await this.programme.pairedCommunities(orgIds);
    const pairing = pairings.find((p) => p.communityId === task.communityId);
    if (!orgIds.length) throw new DomainError('FORBIDDEN', '只有机关党组织书记可以认领任务');
    if (!pairing) throw new DomainError('VALIDATION_FAILED', '本机关党组织未与该社区结对，不能认领');
    return this.step(principal, task, 'assignTask', { partyOrgId: pairing.partyOrgId, claimed: true });
  }

  async nameMembers(principal: Principal, id: string, dto: NameMembersDto) {
    const task = await this.ofAgency(principal, id, 'nameMembers');
    const agencyId = await this.programme.agencyOf(task.partyOrgId as string);
    for (const memberId of dto.memberIds)
      if (!agencyId || !(await this.programme.serves(memberId, agencyId)))
        throw new DomainError('VALIDATION_FAILED', `承办人 ${memberId} 不是本机关的在职党员`);
    return this.step(principal, task, 'nameMembers', { memberIds: dto.memberIds });
  }

  /**
   * The community names the member it chose from the 人才超市 (an agency names its own members otherwise); members
   * already named stay named.
   */
  async nameChosenMember(principal: Principal, id: string, memberId: string) {
    const task = await this.managed(principal, id, 'nameMembers', false);
    if (task.memberIds.includes(memberId)) return this.detail(principal, id);
    this.refuseByTable('nameMembers', task);
    const agencyId = task.partyOrgId ? await this.programme.agencyOf(task.partyOrgId) : undefined;
    if (!agencyId || !(await this.programme.serves(memberId, agencyId)))
      throw new DomainError('VALIDATION_FAILED', `承办人 ${memberId} 不是承办机关的在职党员`);
    return this.step(
      principal,
      task,
      'nameMembers',
      { memberIds: [...task.memberIds, memberId] },
      `chosen-${memberId}`,
    );
  }

  /** A resident chosen from the 人才超市 helps with the task: recorded once, with a timeline entry. */
  async addHelper(principal: Principal, id: string, personId: string) {
    const task = await this.managed(principal, id, 'assign', false);
    await this.tasks.transaction(async (tx) => {
      if (!(await this.tasks.addHelper(id, personId, tx))) return;
      await this.tasks.addEventOnce(
        {
          taskId: id,
          dedupKey: `${task.workflowId}:helper:${personId}`,
          kind: 'HELPER_ADDED',
          actorId: principal.personId,
          data: { personId },
        },
        tx,
      );
    });
    return this.detail(principal, id);
  }

  async submit(principal: Principal, id: string, dto: SubmitEvidenceDto) {
    const task = await this.ofAgency(principal, id, 'submit');
    const { policy } = await this.years.policyFor(task.year);
    const message = missingEvidenceMessage(missingEvidence(policy.evidence[task.kind], dto));
    if (message) throw new DomainError('EVIDENCE_MISSING', message);
    return this.step(principal, task, 'submitEvidence', { evidence: dto });
  }

  async review(principal: Principal, id: string, dto: ReviewTaskDto) {
    const task = await this.managed(principal, id, 'review');
    return this.step(principal, task, 'reviewTask', dto);
  }

  /** The workflow input for a task row written earlier: its policy version's settings and its district's calendar. */
  private async inputOf(row: TaskRow | NonNullable<Awaited<ReturnType<ProgrammeTaskRepository['byRequestKey']>>>) {
    const { data: policy } = await this.policies.get('programme', row.policyVersion);
    const { calendar } = await this.calendars.effectiveCalendar(await this.programme.districtOf(row.communityId));
    const input: ProgrammeTaskInput = {
      taskId: row.id,
      kind: row.kind,
      policyVersion: row.policyVersion,
      partyOrgId: row.partyOrgId ?? undefined,
      dueAtMs: row.dueAt.getTime(),
      requiredEvidence: policy.evidence[row.kind],
      reminderFractions: policy.reminderFractions,
      followUpLimit: policy.followUpLimit,
      maxEscalations: policy.maxEscalations,
      calendar,
    };
    return input;
  }

  private async start(row: { workflowId: string; taskNo: string; communityId: string }, input: ProgrammeTaskInput) {
    const streetId = (await this.programme.unit(row.communityId))?.parentId ?? null;
    const keys = { caseNo: row.taskNo, category: input.kind, gridId: null, communityId: row.communityId, streetId };
    await startOnce(
      this.temporal.client,
      'programmeTaskWorkflow',
      row.workflowId,
      this.temporal.taskQueue,
      input,
      startSearchAttributes('programme-task', input.partyOrgId ? 'ASSIGNED' : 'OPEN', keys),
    );
  }

  private async step(principal: Principal, task: TaskRow, update: string, body: object, updateId?: string) {
    await updateOrRefuse(
      this.temporal.client,
      task.workflowId,
      update,
      { ...body, actorId: principal.personId },
      REFUSALS,
      updateId,
    );
    return this.detail(principal, task.id);
  }

  private refuseByTable(action: TaskAction, task: TaskRow) {
    const refusal = taskActionRefusal(action, task.status);
    if (refusal) throw new DomainError(refusal.code, refusal.message);
  }

  /** Community side: the task's community lies in the caller's programme.manage scope. */
  private async managed(principal: Principal, id: string, action: TaskAction, byTable = true) {
    const task = await this.visible(principal, id);
    const units = await this.programme.unitIdsInScope(programmeScope(principal, Permission.ProgrammeManage), [
      'COMMUNITY',
    ]);
    if (units && !units.includes(task.communityId))
      throw new DomainError('FORBIDDEN', '只有任务所在社区或督导可以办理此步骤');
    if (byTable) this.refuseByTable(action, task);
    return task;
  }

  /** Agency side: the task's party organisation lies in the caller's programme.serve scope. */
  private async ofAgency(principal: Principal, id: string, action: TaskAction) {
    const task = await this.visible(principal, id);
    const units = await this.programme.unitIdsInScope(programmeScope(principal, Permission.ProgrammeServe), [
      ...SCOPED_KINDS,
    ]);
    if (!task.partyOrgId || (units && !units.includes(task.partyOrgId)))
      throw new DomainError('FORBIDDEN', '只有承办机关的党员可以办理此步骤');
    this.refuseByTable(action, task);
    return task;
  }

  private async visible(principal: Principal, id: string): Promise<TaskRow> {
    const found = await this.tasks.find(id, await this.visibility(principal));
    if (!found) throw new DomainError('NOT_FOUND', '任务不存在或不在您的管辖范围内');
    return found;
  }

  /** Tasks of communities or agencies in scope, and open tasks of communities an agency in scope is paired with. */
  private async visibility(principal: Principal): Promise<Prisma.ProgrammeTaskWhereInput> {
    const units = await this.programme.unitIdsInScope(programmeScope(principal, Permission.ProgrammeRead), [
      ...SCOPED_KINDS,
    ]);
    if (!units) return {};
    const paired = (await this.programme.pairedCommunities(units)).map((p) => p.communityId);
    return { OR: [tasksVisibleTo(units), { status: 'OPEN', communityId: { in: paired } }] };
  }

  private async assertPaired(partyOrgId: string, communityId: string) {
    if (!(await this.tasks.livePairing(partyOrgId, communityId)))
      throw new DomainError('VALIDATION_FAILED', '该机关党组织未与任务所在社区结对');
  }
}
