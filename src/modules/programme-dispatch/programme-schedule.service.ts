import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { MONTHS, ScheduleAlreadyRunning } from '@temporalio/client';
import type { ScheduleOptionsAction, ScheduleSpec } from '@temporalio/client';
import { logger } from '../../common/logging/logger';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { toCstDate } from '../../shared/calendar';
import type { ProgrammePolicy } from '../policy/programme-policy.schema';
import { ProgrammeYearService } from '../programme/programme-year.service';
import type { ProgrammeYearView } from '../programme/programme-year.service';

export const DISPATCH_SCHEDULE_ID = 'programme-dispatch';
export const INSPECTION_SCHEDULE_ID = 'programme-inspection';
export const PROGRAMME_TIME_ZONE = 'Asia/Shanghai';

/** 每月调度 at 08:00 China time on the policy's dispatch day. */
export const dispatchSpec = (policy: ProgrammePolicy): ScheduleSpec => ({
  calendars: [{ dayOfMonth: policy.monthlyDispatchDay, hour: 8, minute: 0, comment: '每月调度' }],
  timezone: PROGRAMME_TIME_ZONE,
});

/** 半年督查 at 09:00 China time on the 1st of each inspection month. */
export const inspectionSpec = (policy: ProgrammePolicy): ScheduleSpec => ({
  calendars: [
    {
      month: policy.inspectionMonths.map((m) => MONTHS[m - 1]),
      dayOfMonth: 1,
      hour: 9,
      minute: 0,
      comment: '半年督查',
    },
  ],
  timezone: PROGRAMME_TIME_ZONE,
});

/**
 * The programme's Temporal Schedules follow the settings of the year in force (this year when open, else the latest
 * opened): created when a year is opened, updated when its settings change, and ensured again at every API and worker
 * start, so a change saved while Temporal was unreachable is applied on the next start.
 */
@Injectable()
export class ProgrammeScheduleService implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly temporal: TemporalClientService,
    private readonly years: ProgrammeYearService,
  ) {}

  onModuleInit(): void {
    this.years.onYearChanged(() => this.ensure());
  }

  onApplicationBootstrap(): void {
    // not awaited: the API boots with Temporal down (Connection.lazy) and /health reports it; a stop meanwhile fails
    // the sync's call cleanly (TemporalClientService drains its retries before closing), and the next start retries
    void this.ensure().catch((err: unknown) => logger.warn({ err }, '双进双联定时任务暂未同步，下次启动时重试'));
  }

  /** Creates or updates each Schedule from the year in force; returns the year used, or null while none is open. */
  async ensure(): Promise<number | null> {
    const inForce = await this.yearInForce();
    if (!inForce) return null;
    await this.upsert(DISPATCH_SCHEDULE_ID, dispatchSpec(inForce.policy), {
      type: 'startWorkflow',
      workflowType: 'programmeDispatchWorkflow',
      workflowId: DISPATCH_SCHEDULE_ID,
      taskQueue: this.temporal.taskQueue,
      args: [{}],
    });
    await this.upsert(INSPECTION_SCHEDULE_ID, inspectionSpec(inForce.policy), {
      type: 'startWorkflow',
      workflowType: 'programmeInspectionWorkflow',
      workflowId: INSPECTION_SCHEDULE_ID,
      taskQueue: this.temporal.taskQueue,
      args: [{}],
    });
    return inForce.year;
  }

  private async yearInForce(): Promise<ProgrammeYearView | undefined> {
    const all = await this.years.list();
    const thisYear = Number(toCstDate(Date.now()).slice(0, 4));
    return all.find((y) => y.year === thisYear) ?? all.find((y) => y.year < thisYear) ?? all[all.length - 1];
  }

  private async upsert(scheduleId: string, spec: ScheduleSpec, action: ScheduleOptionsAction): Promise<void> {
    const schedules = this.temporal.client.schedule;
    try {
      await schedules.create({ scheduleId, spec, action });
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
      await schedules.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action }));
    }
  }
}
