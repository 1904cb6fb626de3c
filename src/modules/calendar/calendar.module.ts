import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { logger } from '../../common/logging/logger';
import { AuditModule } from '../audit/audit.module';
import { OrgModule } from '../org/org.module';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { ScheduleReminderProcessor } from './schedule-reminder.processor';

@Module({
  imports: [AuditModule, OrgModule],
  controllers: [CalendarController],
  providers: [CalendarRepository, CalendarService, ScheduleReminderProcessor],
  exports: [CalendarService],
})
export class CalendarModule implements OnApplicationBootstrap {
  constructor(private readonly calendars: CalendarService) {}

  async onApplicationBootstrap(): Promise<void> {
    // A database that is down must not stop the API from starting and reporting it on /health; until the row
    // exists, effectiveCalendar() answers with the same built-in schedule as version 0.
    await this.calendars
      .ensureBaseCalendar()
      .catch((err: unknown) => logger.warn({ err }, '基础工作日历初始版本未能写入，下次启动时重试'));
  }
}
