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

  /**
   * The recipients' inbox rows in one statement (what a recipient sees first), then their live events and the
   * delivery rows + jobs of the other channels, batched. A retried producer finds the rows it wrote and re-runs the
   * (idempotent) fan-out, in case it stopped half-way.
   */
  async notify(
    { recipients, template, data, options }: NotifyRequest,
    escalationLevel = 0,
  ): Promise<{ created: number }> {
    const [active, people] = await Promise.all([this.templates.active(template), this.recipients.resolve(recipients)]);
    if (!people.length) return { created: 0 };
    const title = render(active.title, data);
    const body = render(active.body, data);
    const urgency = options.urgency ?? 'NORMAL';
    const deliverAt = options.deliverAt ?? new Date();
    const ackDeadline = options.ackRequired
      ? new Date(deliverAt.getTime() + (options.ackWindowMinutes ?? this.config.NOTIFY_DEFAULT_ACK_MINUTES) * 60_000)
      : null;
    const keyOf = (person: ResolvedRecipient) => `${options.dedupKey}:${person.personId ?? person.phone}`;
    const rows = people.map((person) => ({
      recipientId: person.personId,
      phone: person.phone,
      template,
      templateVersion: active.version,
      title,
      body,
      data,
      urgency,
      deliverAt,
      dedupKey: keyOf(person),
      ackRequired: options.ackRequired ?? false,
      escalationLevel,
      ackDeadline,
      escalateTo: (options.escalateTo ?? []).map(recipientKey),
    }));
    const inserted = await this.repository.insertManyOnce(rows);
    const insertedKeys = new Set(inserted.map((m) => m.dedupKey));
    const missing = rows.filter((r) => !insertedKeys.has(r.dedupKey)).map((r) => r.dedupKey);
    const messages = new Map(
      [...inserted, ...(missing.length ? await this.repository.messagesByDedupKeys(missing) : [])].map((m) => [
        m.dedupKey,
        m,
      ]),
    );
    await Promise.all(
      inserted.flatMap((m) =>
        m.recipientId ? [this.events.publish(m.recipientId, { type: 'message', messageId: m.id, title, urgency })] : [],
      ),
    );
    const sent = people.flatMap((person) => {
      const message = messages.get(keyOf(person));
      return message ? [{ message, person }] : [];
    });
    await this.fanOut(sent, { urgency, escalationLevel, deliverAt });
    const acks = sent.filter(({ message }) => message.ackDeadline);
    if (acks.length) {
      await this.queues.enqueueMany(
        'notify.ack-check',
        acks.map(({ message }) => ({
          payload: { messageId: message.id },
          options: { jobId: `ack-${message.id}`, delayMs: (message.ackDeadline as Date).getTime() - Date.now() },
        })),
      );
    }
    logger.debug({ template, created: inserted.length, dedupKey: options.dedupKey }, 'notify');
    return { created: inserted.length };
  }

  private async fanOut(
    sent: { message: { id: string }; person: ResolvedRecipient }[],
    m: { urgency: 'NORMAL' | 'URGENT' | 'CRITICAL'; escalationLevel: number; deliverAt: Date },
  ) {
    const channels = this.channels.filter((channel) => channel.wants(m));
    if (!channels.length || !sent.length) return;
    const personIds = sent.flatMap(({ person }) => (person.personId ? [person.personId] : []));
    const settings = new Map(
      (personIds.length ? await this.repository.settings(personIds) : []).map((s) => [s.personId, s]),
    );
    const sendAtOf = new Map<string, number>();
    const rows = sent.flatMap(({ message, person }) => {
      const setting = person.personId ? settings.get(person.personId) : undefined;
      const quiet = { start: setting?.quietStart ?? '22:00', end: setting?.quietEnd ?? '07:00' };
      sendAtOf.set(
        message.id,
        m.urgency === 'NORMAL' ? releaseTime(m.deliverAt.getTime(), quiet.start, quiet.end) : m.deliverAt.getTime(),
      );
      return channels.map((channel) => {
        const optedOut = m.urgency !== 'CRITICAL' && (setting?.disabledChannels ?? []).includes(channel.name);
        return {
          messageId: message.id,
          channel: channel.name,
          status: optedOut ? ('SKIPPED' as const) : ('QUEUED' as const),
        };
      });
    });
    const created = (await this.repository.createDeliveries(rows)).filter((d) => d.status === 'QUEUED');
    if (!created.length) return;
    const queueOf = new Map(channels.map((c) => [c.name, c.queue]));
    await this.queues.enqueueMany(
      'notify.deliver',
      created.map((delivery) => ({
        payload: { deliveryId: delivery.id, channel: delivery.channel },
        options: {
          queue: queueOf.get(delivery.channel),
          jobId: `deliver-${delivery.id}`,
          delayMs: (sendAtOf.get(delivery.messageId) as number) - Date.now(),
          attempts: this.config.NOTIFY_MAX_ATTEMPTS,
          backoffMs: this.config.NOTIFY_BACKOFF_MS,
        },
      })),
    );
  }
}
