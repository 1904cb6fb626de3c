import { Injectable } from '@nestjs/common';
import { logger } from '../../common/logging/logger';
import { JobHandler, JobProcessor } from '../../infra/queue/job-processor.decorator';
import { scheduleReminderDue } from '../../shared/calendar';
import { NotificationService } from '../notification/notification.service';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';

/**
 * From 1 November, each district whose effective calendar lacks next year's holiday schedule reminds its supervisors
 * and administrators once a week (the week is in the dedup key, so the daily run and any re-run send nothing twice),
 * until the schedule is entered. `job.timestamp` is the scheduled run time; tests pass the "now" they need.
 */
@Injectable()
@JobProcessor('calendars.schedule-reminder')
export class ScheduleReminderProcessor implements JobHandler<'calendars.schedule-reminder'> {
  constructor(
    private readonly repository: CalendarRepository,
    private readonly calendars: CalendarService,
    private readonly notifications: NotificationService,
  ) {}

  async handle(_payload: Record<string, never>, job?: { timestamp?: number }): Promise<void> {
    const nowMs = job?.timestamp ?? Date.now();
    let reminded = 0;
    for (const district of await this.repository.districts()) {
      const { calendar } = await this.calendars.effectiveCalendar(district.id);
      const due = scheduleReminderDue(calendar.publishedThroughYear, nowMs);
      if (!due) continue;
      await this.notifications.notify({
        recipients: [
          { role: 'SUPERVISOR', unitId: district.id },
          { role: 'ADMIN', unitId: district.id },
        ],
        template: 'calendar.schedule-missing',
        data: {
          year: due.year,
          districtName: district.name,
          publishedThroughYear: calendar.publishedThroughYear as number,
        },
        options: { dedupKey: `calendar-schedule-missing:${district.id}:${due.year}:week-${due.week}` },
      });
      reminded += 1;
    }
    logger.info({ reminded }, '次年节假日安排录入提醒已检查');
  }
}
