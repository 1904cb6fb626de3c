import { Inject, Injectable } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import { logger } from '../../common/logging/logger';
import type { JobPayloads } from '../../infra/queue/job-catalog';
import { CircuitOpenError } from '../../infra/queue/job-catalog';
import { JobHandler, JobProcessor } from '../../infra/queue/job-processor.decorator';
import { Channel, CHANNELS } from './channels/channel';
import { CircuitBreaker } from './channels/circuit-breaker';
import { NotificationRepository } from './notification.repository';

/** Sends one delivery on its channel; the delivery row makes a re-run job a no-op and keeps the dead-letter reason. */
@Injectable()
@JobProcessor('notify.deliver')
export class DeliverProcessor implements JobHandler<'notify.deliver'> {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: NotificationRepository,
    @Inject(CHANNELS) private readonly channels: Channel[],
  ) {}

  async handle(payload: JobPayloads['notify.deliver'], job: Job): Promise<void> {
    const delivery = await this.repository.delivery(payload.deliveryId);
    if (!delivery || delivery.status === 'SENT' || delivery.status === 'SKIPPED') return;
    const channel = this.channels.find((c) => c.name === delivery.channel);
    if (!channel) throw new UnrecoverableError(`通道 ${delivery.channel} 未配置`);
    const { message } = delivery;
    try {
      await this.breaker(channel.name).run(() =>
        channel.send({
          deliveryId: delivery.id,
          messageId: message.id,
          title: message.title,
          body: message.body,
          urgency: message.urgency,
          escalationLevel: message.escalationLevel,
          recipient: { id: message.recipientId, name: '', phone: message.phone ?? '' },
        }),
      );
      await this.repository.markDelivery(delivery.id, 'SENT');
    } catch (err) {
      if (err instanceof CircuitOpenError) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      const final = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.repository.markDelivery(delivery.id, final ? 'DEAD' : 'FAILED', reason);
      if (final) logger.warn({ deliveryId: delivery.id, channel: channel.name, reason }, '投递失败，已转入死信');
      throw err;
    }
  }

  private breaker(channel: string): CircuitBreaker {
    let breaker = this.breakers.get(channel);
    if (!breaker) {
      breaker = new CircuitBreaker(
        channel,
        this.config.NOTIFY_BREAKER_THRESHOLD,
        this.config.NOTIFY_BREAKER_COOLDOWN_MS,
      );
      this.breakers.set(channel, breaker);
    }
    return breaker;
  }
}
