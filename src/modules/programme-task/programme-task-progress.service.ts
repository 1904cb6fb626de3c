import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { Prisma } from '../../generated/prisma/client';
import { toCstDate, toCstMinute } from '../../shared/calendar';
import { PROGRAMME_TASK_KIND_LABELS } from '../../shared/process/programme-kinds';
import { AuditService } from '../audit/audit.service';
import { NotificationService } from '../notification/notification.service';
import type { Recipient } from '../notification/notification.types';
import { ProgrammeRepository } from '../programme/programme.repository';
import { ProgrammeTaskRepository } from './programme-task.repository';
import type { TaskEscalationInput, TaskPatch, TaskReminderInput, TaskStepInput } from './programme-task.types';

type TaskRow = NonNullable<Awaited<ReturnType<ProgrammeTaskRepository['byWorkflow']>>>;
const dateOf = (ms?: number) => (ms === undefined ? undefined : new Date(ms));
const eventLabel: Record<string, string> = {
  CLAIMED: '已由机关党组织认领',
  ASSIGNED: '已分派给机关党组织',
  MEMBERS_NAMED: '已指定承办党员',
  SUBMITTED: '已提交完成材料，待社区确认',
  CONFIRMED: '社区已确认完成，计入年度任务',
  SENT_BACK: '社区退回补充材料',
};

function rowPatch(p: TaskPatch = {}): Prisma.ProgrammeTaskUncheckedUpdateInput {
  const confirmedAt = dateOf(p.confirmedAtMs);
  const out: Prisma.ProgrammeTaskUncheckedUpdateInput = {
    partyOrgId: p.partyOrgId,
    memberIds: p.memberIds,
    evidence: p.evidence as Prisma.InputJsonValue | undefined,
    submittedAt: dateOf(p.submittedAtMs),
    confirmedAt,
    // a task counts in the month (China time) it was confirmed
    confirmedMonth: p.confirmedAtMs === undefined ? undefined : toCstDate(p.confirmedAtMs).slice(0, 7),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** The programme-task workflow's activities: each timeline entry keyed by workflowId + step, notifications by the same key. */
@Injectable()
export class ProgrammeTaskProgressService {
  constructor(
    private readonly tasks: ProgrammeTaskRepository,
    private readonly programme: ProgrammeRepository,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  async recordStep(workflowId: string, input: TaskStepInput): Promise<void> {
    const task = await this.tasks.transaction(async (tx) => {
      const before = await this.requireTask(workflowId, tx);
      const created = await this.tasks.addEventOnce(
        {
          taskId: before.id,
          dedupKey: `${workflowId}:${input.step}`,
          kind: input.kind,
          actorId: input.actorId,
          note: input.note,
          data: (input.data ?? {}) as Prisma.InputJsonValue,
        },
        tx,
      );
      if (!created) return null;
      const after = await this.tasks.update(
        before.id,
        {
          ...rowPatch(input.patch),
          ...(input.status ? { status: input.status } : {}),
          ...(input.dueAtMs ? { dueAt: new Date(input.dueAtMs) } : {}),
        },
        tx,
      );
      await this.audit.record(
        {
          action: `programme.task.${input.kind.toLowerCase()}`,
          entityType: 'programme_task',
          entityId: before.id,
          unitId: before.communityId,
          actorId: input.actorId,
          workflowId,
          before,
          after,
        },
        tx,
      );
      return after;
    });
    if (!task || !eventLabel[input.kind]) return;
    const toCommunity = input.kind === 'SUBMITTED' || input.kind === 'CLAIMED';
    await this.notifications.notify({
      recipients: toCommunity ? this.community(task) : this.agency(task),
      template: 'programme.task-progress',
      data: { taskNo: task.taskNo, title: task.title, eventLabel: eventLabel[input.kind], note: input.note ?? '' },
      options: { dedupKey: `${workflowId}:${input.step}` },
    });
  }

  /** Before the due date: the named members and the agency's party secretary (the community while nobody holds it). */
  async remind(workflowId: string, input: TaskReminderInput): Promise<void> {
    const task = await this.requireTask(workflowId);
    await this.notifications.notify({
      recipients: task.partyOrgId ? this.agency(task) : this.community(task),
      template: 'programme.task-reminder',
      data: {
        taskNo: task.taskNo,
        title: task.title,
        kindLabel: PROGRAMME_TASK_KIND_LABELS[task.kind],
        deadline: toCstMinute(input.deadlineMs),
        percent: input.percent,
      },
      options: { dedupKey: `${workflowId}:${input.step}` },
    });
  }

  /** A lapse: overdue, one escalation level up; the community, the district supervisors and the agency are told. */
  async escalate(workflowId: string, input: TaskEscalationInput): Promise<void> {
    const task = await this.tasks.transaction(async (tx) => {
      const before = await this.requireTask(workflowId, tx);
      const created = await this.tasks.addEventOnce(
        {
          taskId: before.id,
          dedupKey: `${workflowId}:${input.step}`,
          kind: 'OVERDUE',
          data: {
            level: input.level,
            lapsedAt: new Date(input.lapsedDeadlineMs).toISOString(),
            ...(input.nextDueAtMs ? { nextDueAt: new Date(input.nextDueAtMs).toISOString() } : {}),
          },
        },
        tx,
      );
      if (!created) return before;
      const after = await this.tasks.update(
        before.id,
        {
          overdue: true,
          escalationLevel: input.level,
          ...(input.nextDueAtMs ? { dueAt: new Date(input.nextDueAtMs) } : {}),
        },
        tx,
      );
      await this.audit.record(
        {
          action: 'programme.task.overdue',
          entityType: 'programme_task',
          entityId: before.id,
          unitId: before.communityId,
          workflowId,
          before,
          after,
        },
        tx,
      );
      return after;
    });
    const districtId = await this.programme.districtOf(task.communityId);
    await this.notifications.notify({
      recipients: [
        ...this.community(task),
        ...(districtId ? [{ role: 'SUPERVISOR' as const, unitId: districtId }] : []),
        ...(task.partyOrgId ? this.agency(task) : []),
      ],
      template: 'programme.task-overdue',
      data: {
        taskNo: task.taskNo,
        title: task.title,
        kindLabel: PROGRAMME_TASK_KIND_LABELS[task.kind],
        deadline: toCstMinute(input.lapsedDeadlineMs),
        level: input.level,
        nextDeadline: input.nextDueAtMs ? `请于 ${toCstMinute(input.nextDueAtMs)} 前完成，逾期将继续上报。` : '',
      },
      options: { dedupKey: `${workflowId}:${input.step}`, urgency: 'URGENT' },
    });
  }

  private community(task: TaskRow): Recipient[] {
    return [{ role: 'COMMUNITY_SECRETARY', unitId: task.communityId }];
  }

  private agency(task: TaskRow): Recipient[] {
    return [
      ...task.memberIds.map((personId) => ({ personId })),
      ...(task.partyOrgId ? [{ role: 'AGENCY_SECRETARY' as const, unitId: task.partyOrgId }] : []),
    ];
  }

  private async requireTask(workflowId: string, tx?: Prisma.TransactionClient): Promise<TaskRow> {
    const task = await this.tasks.byWorkflow(workflowId, tx);
    if (!task) throw ApplicationFailure.nonRetryable(`任务 ${workflowId} 不存在`, 'NOT_FOUND');
    return task;
  }
}
