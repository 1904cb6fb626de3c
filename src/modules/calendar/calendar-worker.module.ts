import { Module } from '@nestjs/common';
import { ScheduleReminderScheduler } from './schedule-reminder.scheduler';

/** Worker-only: the API must boot even while Redis is down. */
@Module({ providers: [ScheduleReminderScheduler] })
export class CalendarWorkerModule {}
