import { Injectable } from '@nestjs/common';
import { Permission } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import type { TaskEvidence } from '../../shared/process/programme-kinds';
import {
  DEFAULT_TASK_RATING,
  isLowTaskRating,
  taskRatingFacts,
  taskRatingRefusal,
} from '../../shared/process/programme-task-rating.states';
import { AuditService } from '../audit/audit.service';
import { NotificationService } from '../notification/notification.service';
import { ProcessPolicyService } from '../policy/policy.service';
import { ProgrammeRepository } from '../programme/programme.repository';
import { programmeScope } from '../programme/programme-scope';
import type { RateTaskDto } from './dto/programme-task.dto';
import { ProgrammeTaskRepository } from './programme-task.repository';
import { ProgrammeTaskService } from './programme-task.service';

type TaskRow = NonNullable<Awaited<ReturnType<ProgrammeTaskRepository['find']>>>;

/**
 * 受益方评价: the community records the rating the resident or enterprise named in the task's confirmation gave on its
 * return visit — 1–5 stars, once, within the task policy's window. A low rating is kept as low and the agency's
 * secretary and the district supervisors are told; no yellow card (those belong to request cases and their handlers).
 */
@Injectable()
export class ProgrammeTaskRatingService {
  constructor(
    private readonly tasks: ProgrammeTaskRepository,
    private readonly programme: ProgrammeRepository,
    private readonly taskService: ProgrammeTaskService,
    private readonly policies: ProcessPolicyService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  async rate(principal: Principal, id: string, dto: RateTaskDto) {
    const task = (await this.tasks.find((await this.taskService.detail(principal, id)).id)) as TaskRow;
    const units = await this.programme.unitIdsInScope(programmeScope(principal, Permission.ProgrammeManage), [
      'COMMUNITY',
    ]);
    if (units && !units.includes(task.communityId))
      throw new DomainError('FORBIDDEN', '只有任务所在社区或督导可以录入受益方评价');
    const { windowDays, lowStars } = await this.settings(task.policyVersion);
    // the task's own policy version decides, as for every other step of a task
    const refusal = taskRatingRefusal(taskRatingFacts(task, windowDays, Date.now()));
    if (refusal) throw new DomainError(refusal.code, refusal.message);
    const raterName = (task.evidence as TaskEvidence).beneficiaryConfirmation?.name as string;
    const low = isLowTaskRating(dto.stars, lowStars);
    const created = await this.tasks.transaction(async (tx) => {
      const rating = await this.tasks.addRatingOnce(
        {
          taskId: task.id,
          stars: dto.stars,
          comment: dto.comment ?? null,
          raterName,
          low,
          policyVersion: task.policyVersion,
          recordedBy: principal.personId,
        },
        tx,
      );
      if (!rating) return false;
      await this.tasks.addEventOnce(
        {
          taskId: task.id,
          dedupKey: `${task.workflowId}:rated`,
          kind: 'RATED',
          actorId: principal.personId,
          note: dto.comment,
          data: { stars: dto.stars, low, raterName },
        },
        tx,
      );
      await this.audit.record(
        {
          action: 'programme.task.rated',
          entityType: 'programme_task',
          entityId: task.id,
          unitId: task.communityId,
          after: rating,
        },
        tx,
      );
      return true;
    });
    // two racing recordings: the second finds the row written
    if (!created) throw new DomainError('ALREADY_RATED', '该任务已评价，每项任务只能评价一次');
    if (low) {
      const districtId = await this.programme.districtOf(task.communityId);
      await this.notifications.notify({
        recipients: [
          ...(task.partyOrgId ? [{ role: 'AGENCY_SECRETARY' as const, unitId: task.partyOrgId }] : []),
          ...(districtId ? [{ role: 'SUPERVISOR' as const, unitId: districtId }] : []),
        ],
        template: 'programme.task-low-rating',
        data: {
          taskNo: task.taskNo,
          title: task.title,
          stars: dto.stars,
          raterName,
          comment: dto.comment ? `${dto.comment}。` : '',
        },
        options: { dedupKey: `${task.workflowId}:low-rating` },
      });
    }
    return this.taskService.detail(principal, task.id);
  }

  private async settings(version: number) {
    const { data } = await this.policies.get('programme', version);
    return data.taskRating ?? DEFAULT_TASK_RATING;
  }
}
