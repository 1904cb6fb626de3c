import { QueueName } from '../../../infra/queue/job-catalog';
import { Channel, OutgoingMessage, urgentOrEscalated } from './channel';
import { postJson } from './http-post';

/** An SMS gateway reached over HTTP. */
export class SmsChannel implements Channel {
  readonly name = 'sms';
  readonly queue = QueueName.NotifySms;

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  readonly wants = urgentOrEscalated;

  send(message: OutgoingMessage): Promise<void> {
    return postJson(
      this.url,
      { phone: message.recipient.phone, content: `【基层治理】${message.title}：${message.body}` },
      { 'idempotency-key': message.deliveryId },
      this.timeoutMs,
    );
  }
}
