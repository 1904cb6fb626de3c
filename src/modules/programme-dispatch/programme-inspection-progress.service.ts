import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '../../common/errors/domain-error';
import { toCstMinute } from '../../shared/calendar';
import { PROGRAMME_TASK_KINDS } from '../../shared/process/programme-kinds';
import {
  INSPECTION_CHECKLIST,
  inspectionTimingMs,
  interviewReason,
  monthKey,
  programmeMonthRefusal,
} from '../../shared/process/programme-rhythm';
import type { ProgrammeMonth } from '../../shared/process/programme-rhythm';
import { AuditService } from '../audit/audit.service';
import { NotificationService } from '../notification/notification.service';
import { ProgrammeYearService } from '../programme/programme-year.service';
import { ProgrammeDispatchRepository } from './programme-dispatch.repository';
import { ProgrammeInspectionRepository } from './programme-inspection.repository';
import type { ClosedRound, OpenedRound } from './programme-inspection.types';

const asFailure = (err: unknown) => {
  if (err instanceof DomainError) throw ApplicationFailure.nonRetryable(err.message, err.code);
  throw err;
};

/** The programme-inspection workflow's activities: open a round once, remind inspectors, close it and call interviews. */
@Injectable()
export class ProgrammeInspectionProgressService {
  constructor(
    private readonly rounds: ProgrammeInspectionRepository,
    private readonly counts: ProgrammeDispatchRepository,
    private readonly years: ProgrammeYearService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  /** `nowMs` is the workflow's time, so the deadline is the same on every retry. */
  async open(workflowId: string, period: ProgrammeMonth, nowMs: number): Promise<OpenedRound> {
    const refusal = programmeMonthRefusal(period);
    if (refusal) throw ApplicationFailure.nonRetryable(refusal, 'VALIDATION_FAILED');
    const { policy } = await this.years.policyFor(period.year).catch(asFailure);
    const timing = inspectionTimingMs(policy.inspectionTiming);
    const agencies = [...new Set((await this.counts.livePairings()).map((p) => p.partyOrgId))];
    const round = await this.rounds.openOnce(
      { ...period, deadline: new Date(nowMs + timing.windowMs), workflowId },
      agencies,
      INSPECTION_CHECKLIST,
    );
    await this.audit.record({
      action: 'programme.inspection.open',
      entityType: 'programme_inspection_round',
      entityId: round.id,
      unitId: null,
      workflowId,
      after: { ...period, agencies: agencies.length, deadline: round.deadline },
    });
    await this.tellSupervisors(agencies, {
      template: 'programme.inspection-open',
      data: {
        period: `${period.year} 年 ${period.month} 月`,
        agencies: agencies.length,
        deadline: toCstMinute(round.deadline.getTime()),
      },
      dedupKey: `programme-inspection:${monthKey(period)}:open`,
    });
    const deadlineMs = round.deadline.getTime();
    return { roundId: round.id, deadlineMs, remindAtMs: deadlineMs - timing.inspectorReminderLeadMs };
  }

  /** Inspectors (the district supervisors) while some agency's findings are still missing. */
  async remindInspectors(_workflowId: string, roundId: string): Promise<number> {
    const round = await this.requireRound(roundId);
    const open = round.items.filter((i) => i.findings === null);
    if (!open.length) return 0;
    const names = await this.counts.units(open.map((i) => i.partyOrgId));
    await this.tellSupervisors(
      open.map((i) => i.partyOrgId),
      {
        template: 'programme.inspection-reminder',
        data: {
          period: `${round.year} 年 ${round.month} 月`,
          open: open.length,
          names: names.map((n) => n.name).join('、'),
          deadline: toCstMinute(round.deadline.getTime()),
        },
        dedupKey: `programme-inspection:${monthKey(round)}:remind`,
      },
    );
    return open.length;
  }

  /** Closes the round (findings are refused from now on) and schedules an interview for each agency behind. */
  async close(workflowId: string, roundId: string, nowMs: number): Promise<ClosedRound> {
    const round = await this.requireRound(roundId);
    const { policy } = await this.years.policyFor(round.year).catch(asFailure);
    const [tasks, wishes] = await Promise.all([this.counts.tasks(round.year), this.counts.wishes(new Date(nowMs))]);
    const yearStart = new Date(`${round.year}-01-01T00:00:00+08:00`);
    const timing = inspectionTimingMs(policy.inspectionTiming);
    const scheduledAt = new Date(nowMs + timing.interviewAfterMs);
    const calls = round.items.flatMap((item) => {
      const own = tasks.filter((t) => t.partyOrgId === item.partyOrgId);
      const kinds = Object.fromEntries(
        PROGRAMME_TASK_KINDS.map((kind) => [
          kind,
          {
            target: policy.targets[kind],
            confirmed:
              own.filter((t) => t.kind === kind && t.status === 'CONFIRMED').length +
              (kind === 'MICRO_WISH'
                ? wishes.filter(
                    (w) =>
                      w.claimedByOrgId === item.partyOrgId &&
                      w.status === 'FULFILLED' &&
                      !!w.fulfilledAt &&
                      w.fulfilledAt >= yearStart,
                  ).length
                : 0),
          },
        ]),
      );
      const overdue = own.filter((t) => t.status !== 'CONFIRMED' && t.overdue).length;
      const reason = interviewReason(kinds, round.month, overdue, policy.interview);
      return reason ? [{ roundId, partyOrgId: item.partyOrgId, reason, scheduledAt }] : [];
    });
    await this.rounds.transaction(async (tx) => {
      await this.rounds.lockRound(roundId, tx);
      const closed = await tx.programmeInspectionRound.updateMany({
        where: { id: roundId, status: 'OPEN' },
        data: { status: 'CLOSED', closedAt: new Date(nowMs) },
      });
      if (!closed.count) return;
      await tx.programmeInterview.createMany({ data: calls, skipDuplicates: true });
      await this.audit.record(
        {
          action: 'programme.inspection.close',
          entityType: 'programme_inspection_round',
          entityId: roundId,
          unitId: null,
          workflowId,
          after: { interviews: calls.map((c) => ({ partyOrgId: c.partyOrgId, reason: c.reason })) },
        },
        tx,
      );
    });
    const interviews = await this.rounds.interviews({ roundId });
    for (const i of interviews) await this.tellInterview(i, 'programme.interview-scheduled', `${i.id}:scheduled`);
    return {
      roundId,
      interviewReminderLeadMs: timing.interviewReminderLeadMs,
      interviews: interviews.map((i) => ({
        id: i.id,
        partyOrgId: i.partyOrgId,
        scheduledAtMs: i.scheduledAt.getTime(),
      })),
    };
  }

  /** The day before: every interview of the round not yet held. */
  async remindInterviews(_workflowId: string, roundId: string): Promise<number> {
    const due = await this.rounds.interviews({ roundId, status: 'SCHEDULED' });
    for (const i of due) await this.tellInterview(i, 'programme.interview-reminder', `${i.id}:reminder`);
    return due.length;
  }

  private async tellInterview(
    i: { id: string; partyOrgId: string; reason: string; scheduledAt: Date },
    template: 'programme.interview-scheduled' | 'programme.interview-reminder',
    dedupKey: string,
  ) {
    const [unit] = await this.counts.units([i.partyOrgId]);
    const districts = await this.counts.districtsOf([i.partyOrgId]);
    await this.notifications.notify({
      recipients: [
        { role: 'AGENCY_SECRETARY', unitId: i.partyOrgId },
        ...districts.map((unitId) => ({ role: 'SUPERVISOR' as const, unitId })),
      ],
      template,
      data: { name: unit?.name ?? '', reason: i.reason, time: toCstMinute(i.scheduledAt.getTime()) },
      options: { dedupKey: `programme-interview:${dedupKey}`, urgency: 'URGENT' },
    });
  }

  private async tellSupervisors(
    agencies: string[],
    m: {
      template: 'programme.inspection-open' | 'programme.inspection-reminder';
      data: Record<string, string | number>;
      dedupKey: string;
    },
  ) {
    for (const unitId of await this.counts.districtsOf(agencies))
      await this.notifications.notify({
        recipients: [{ role: 'SUPERVISOR', unitId }],
        template: m.template,
        data: m.data,
        options: { dedupKey: `${m.dedupKey}:${unitId}` },
      });
  }

  private async requireRound(roundId: string) {
    const round = await this.rounds.round(roundId);
    if (!round) throw ApplicationFailure.nonRetryable(`督查轮次 ${roundId} 不存在`, 'NOT_FOUND');
    return round;
  }
}
