import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { QueueName } from '../../infra/queue/job-catalog';
import { JobQueueService } from '../../infra/queue/job-queue.service';

/** Daily 09:00 China time; the processor decides whether a reminder is due this week (BullMQ upserts, so every worker may register it). */
@Injectable()
export class ScheduleReminderScheduler implements OnApplicationBootstrap {
  constructor(private readonly queues: JobQueueService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .queue(QueueName.NotifyControl)
      .upsertJobScheduler(
        'calendar-schedule-reminder',
        { pattern: '0 9 * * *', tz: 'Asia/Shanghai' },
        { name: 'calendars.schedule-reminder', data: {} },
      );
  }
}
