import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import { logger } from '../../common/logging/logger';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { Channel, CHANNELS } from './channels/channel';
import { InboxEventsService } from './inbox-events.service';
import { NotificationRepository } from './notification.repository';
import type { NotifyRequest, ResolvedRecipient } from './notification.types';
import { releaseTime } from './quiet-hours';
import { recipientKey, RecipientResolver } from './recipient.resolver';
import { render } from './template-text';
import { TemplateService } from './template.service';

/**
 * The one entry point every producer sends through: `notify(recipients, template, data, options)`.
 * Each recipient gets one inbox copy per dedup key (exactly-once as they see it); other channels are queued
 * as BullMQ jobs keyed by their delivery row, held back by quiet hours unless the message is urgent.
 */
@Injectable()
export class NotificationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: NotificationRepository,
    private readonly recipients: RecipientResolver,
    private readonly templates: TemplateService,
    private readonly queues: JobQueueService,
    private readonly events: InboxEventsService,
    @Inject(CHANNELS) private readonly channels: Channel[],
  ) {}

  async notify(
    { recipients, template, data, options }: NotifyRequest,
    escalationLevel = 0,
  ): Promise<{ created: number }> {
    const active = await this.templates.active(template);
    const title = render(active.title, data);
    const body = render(active.body, data);
    const people = await this.recipients.resolve(recipients);
    const urgency = options.urgency ?? 'NORMAL';
    const deliverAt = options.deliverAt ?? new Date();
    let created = 0;
    for (const person of people) {
      const dedupKey = `${options.dedupKey}:${person.personId ?? person.phone}`;
      const inserted = await this.repository.insertOnce({
        recipientId: person.personId,
        phone: person.phone,
        template,
        templateVersion: active.version,
        title,
        body,
        data,
        urgency,
        deliverAt,
        dedupKey,
        ackRequired: options.ackRequired ?? false,
        escalationLevel,
        ackDeadline: options.ackRequired
          ? new Date(
              deliverAt.getTime() + (options.ackWindowMinutes ?? this.config.NOTIFY_DEFAULT_ACK_MINUTES) * 60_000,
            )
          : null,
        escalateTo: (options.escalateTo ?? []).map(recipientKey),
      });
      // A retried producer finds the message it wrote and re-runs the (idempotent) fan-out, in case it stopped half-way.
      const message = inserted ?? (await this.repository.messageByDedupKey(dedupKey));
      if (!message) continue;
      if (inserted) {
        created += 1;
        if (person.personId)
          await this.events.publish(person.personId, { type: 'message', messageId: message.id, title, urgency });
      }
      await this.fanOut(message.id, person, { urgency, escalationLevel, deliverAt });
      if (message.ackDeadline) {
        await this.queues.enqueue(
          'notify.ack-check',
          { messageId: message.id },
          { jobId: `ack-${message.id}`, delayMs: message.ackDeadline.getTime() - Date.now() },
        );
      }
    }
    logger.debug({ template, created, dedupKey: options.dedupKey }, 'notify');
    return { created };
  }

  private async fanOut(
    messageId: string,
    person: ResolvedRecipient,
    m: { urgency: 'NORMAL' | 'URGENT' | 'CRITICAL'; escalationLevel: number; deliverAt: Date },
  ) {
    const setting = person.personId ? await this.repository.setting(person.personId) : null;
    const quiet = { start: setting?.quietStart ?? '22:00', end: setting?.quietEnd ?? '07:00' };
    const sendAt =
      m.urgency === 'NORMAL' ? releaseTime(m.deliverAt.getTime(), quiet.start, quiet.end) : m.deliverAt.getTime();
    for (const channel of this.channels) {
      if (!channel.wants(m)) continue;
      const optedOut = m.urgency !== 'CRITICAL' && (setting?.disabledChannels ?? []).includes(channel.name);
      const delivery = await this.repository.createDelivery(messageId, channel.name, optedOut ? 'SKIPPED' : 'QUEUED');
      if (!delivery || optedOut) continue;
      await this.queues.enqueue(
        'notify.deliver',
        { deliveryId: delivery.id, channel: channel.name },
        {
          queue: channel.queue,
          jobId: `deliver-${delivery.id}`,
          delayMs: sendAt - Date.now(),
          attempts: this.config.NOTIFY_MAX_ATTEMPTS,
          backoffMs: this.config.NOTIFY_BACKOFF_MS,
        },
      );
    }
  }
}
