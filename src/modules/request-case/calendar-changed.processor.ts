import { Injectable } from '@nestjs/common';
import { logger } from '../../common/logging/logger';
import type { JobPayloads } from '../../infra/queue/job-catalog';
import { JobHandler, JobProcessor } from '../../infra/queue/job-processor.decorator';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import type { BusinessCalendar } from '../../shared/calendar';
import { calendarChangedSignal } from '../../../workflows/request-case.workflow';
import { CalendarService } from '../calendar/calendar.service';
import { RequestCaseRepository } from './request-case.repository';

/**
 * A new calendar version re-computes the deadlines of every open case it applies to: each case's workflow is
 * signalled with its district's effective calendar. Signalling twice is harmless, so a re-run job is too.
 */
@Injectable()
@JobProcessor('cases.calendar-changed')
export class CalendarChangedProcessor implements JobHandler<'cases.calendar-changed'> {
  constructor(
    private readonly cases: RequestCaseRepository,
    private readonly calendars: CalendarService,
    private readonly temporal: TemporalClientService,
  ) {}

  async handle({ districtId }: JobPayloads['cases.calendar-changed']): Promise<void> {
    const open = await this.cases.openCasesWithDistrict(districtId);
    const byDistrict = new Map<string, Promise<BusinessCalendar>>();
    let signalled = 0;
    for (const c of open) {
      if (!byDistrict.has(c.districtId))
        byDistrict.set(
          c.districtId,
          this.calendars.effectiveCalendar(c.districtId).then((e) => e.calendar),
        );
      const calendar = (await byDistrict.get(c.districtId)) as BusinessCalendar;
      await this.temporal.client.workflow
        .getHandle(c.workflowId)
        .signal(calendarChangedSignal, calendar)
        .then(
          () => {
            signalled += 1;
          },
          (err: unknown) => logger.warn({ workflowId: c.workflowId, err }, '诉求流程未能接收日历变更'),
        );
    }
    logger.info({ districtId, open: open.length, signalled }, '工作日历变更已通知在办诉求');
  }
}
