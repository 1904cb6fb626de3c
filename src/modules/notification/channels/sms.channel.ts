import { QueueName } from '../../../infra/queue/job-catalog';
import type { Channel, OutgoingMessage } from './channel';
import { postJson } from './http-post';

/** An SMS gateway reached over HTTP; only urgent, critical or escalated messages are worth a text. */
export class SmsChannel implements Channel {
  readonly name = 'sms';
  readonly queue = QueueName.NotifySms;

  constructor(private readonly url: string, private readonly timeoutMs: number) {}

  wants(message: Pick<OutgoingMessage, 'urgency' | 'escalationLevel'>): boolean {
    return message.urgency !== 'NORMAL' || message.escalationLevel > 0;
  }

  send(message: OutgoingMessage): Promise<void> {
    return postJson(this.url, { phone: message.recipient.phone, content: `【基层治理】${message.title}：${message.body}` },
      { 'idempotency-key': message.deliveryId }, this.timeoutMs);
  }
}
