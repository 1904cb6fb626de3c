import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import { DomainError } from '../../common/errors/domain-error';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { AuditService } from '../audit/audit.service';
import { Channel, CHANNELS } from './channels/channel';
import { NotificationRepository } from './notification.repository';

/** Deliveries that ran out of retries (or were refused) keep their reason; an operator can send them again. */
@Injectable()
export class DeadLetterService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: NotificationRepository,
    private readonly queues: JobQueueService,
    private readonly audit: AuditService,
    @Inject(CHANNELS) private readonly channels: Channel[],
  ) {}

  list() {
    return this.repository.deadLetters(200);
  }

  async retry(deliveryId: string) {
    const delivery = /^[0-9a-f-]{36}$/i.test(deliveryId) ? await this.repository.delivery(deliveryId) : null;
    const channel = this.channels.find((c) => c.name === delivery?.channel);
    if (!delivery || !channel) throw new DomainError('NOT_FOUND', '死信不存在');
    if (!(await this.repository.reviveDelivery(deliveryId)).count)
      throw new DomainError('CONFLICT', '该投递不在死信中');
    await this.queues.enqueue(
      'notify.deliver',
      { deliveryId, channel: channel.name },
      {
        queue: channel.queue,
        jobId: `deliver-${deliveryId}-retry-${Date.now()}`,
        attempts: this.config.NOTIFY_MAX_ATTEMPTS,
        backoffMs: this.config.NOTIFY_BACKOFF_MS,
      },
    );
    await this.audit.record({ action: 'notification.dead-letter.retry', entityType: 'delivery', entityId: deliveryId });
    return { deliveryId, status: 'QUEUED' };
  }
}
