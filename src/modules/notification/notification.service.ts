import { Injectable } from '@nestjs/common';
import { logger } from '../../common/logging/logger';
import { NotificationRepository } from './notification.repository';

export interface InboxMessageInput {
  recipientId?: string;
  phone?: string;
  template: string;
  title: string;
  body: string;
  dedupKey: string;
}

/**
 * The one entry point producers send through. Today it writes the in-app inbox and the log (local mode);
 * SMS and webhook channels plug in behind this interface with the notification service.
 */
@Injectable()
export class NotificationService {
  constructor(private readonly repository: NotificationRepository) {}

  async notify(message: InboxMessageInput): Promise<void> {
    const inserted = await this.repository.insertOnce(message);
    if (inserted) logger.info({ template: message.template, recipientId: message.recipientId, phone: message.phone, body: message.body }, `通知：${message.title}`);
  }

  inbox(recipient: { recipientId?: string; phone?: string }) {
    return this.repository.listFor(recipient);
  }
}
