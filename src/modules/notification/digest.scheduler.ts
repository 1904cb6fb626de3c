import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import { QueueName } from '../../infra/queue/job-catalog';
import { JobQueueService } from '../../infra/queue/job-queue.service';

/** Registers the digest job schedulers (BullMQ upserts them, so every process may do it safely). */
@Injectable()
export class DigestScheduler implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: JobQueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.queues.queue(QueueName.NotifyControl);
    await queue.upsertJobScheduler(
      'digest-daily',
      { pattern: this.config.NOTIFY_DIGEST_DAILY_CRON, tz: 'Asia/Shanghai' },
      { name: 'notify.digest', data: { period: 'daily' } },
    );
    await queue.upsertJobScheduler(
      'digest-weekly',
      { pattern: this.config.NOTIFY_DIGEST_WEEKLY_CRON, tz: 'Asia/Shanghai' },
      { name: 'notify.digest', data: { period: 'weekly' } },
    );
  }
}
