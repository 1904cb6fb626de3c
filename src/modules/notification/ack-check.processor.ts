import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '../../infra/queue/job-catalog';
import { JobHandler, JobProcessor } from '../../infra/queue/job-processor.decorator';
import { NotificationRepository } from './notification.repository';
import { NotificationService } from './notification.service';
import { parseRecipientKey } from './recipient.resolver';

/** Acknowledge-or-escalate: an ack-required message still unacknowledged at its deadline goes to its escalation target. */
@Injectable()
@JobProcessor('notify.ack-check')
export class AckCheckProcessor implements JobHandler<'notify.ack-check'> {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly notifications: NotificationService,
  ) {}

  async handle({ messageId }: JobPayloads['notify.ack-check']): Promise<void> {
    const message = await this.repository.message(messageId);
    if (!message || message.acknowledgedAt || !message.escalateTo.length) return;
    const recipient = message.recipientId ? await this.repository.person(message.recipientId) : null;
    // the dedup key makes a re-run of this job (after a crash between claim and send) send nothing twice
    await this.repository.claimEscalation(messageId);
    await this.notifications.notify(
      {
        recipients: message.escalateTo.map(parseRecipientKey),
        template: 'notify.escalation',
        data: {
          originalTitle: message.title,
          originalRecipient: recipient?.name ?? message.phone ?? '相关人员',
          sentAt: message.createdAt.toISOString(),
        },
        options: {
          dedupKey: `escalation:${messageId}`,
          urgency: message.urgency === 'NORMAL' ? 'URGENT' : message.urgency,
        },
      },
      message.escalationLevel + 1,
    );
  }
}
