import { QueueName } from '../../../infra/queue/job-catalog';
import type { Channel, OutgoingMessage } from './channel';
import { postJson } from './http-post';

/** WeCom / DingTalk style group robot: a text message that @-mentions the recipient's phone. */
export class RobotChannel implements Channel {
  readonly name = 'robot';
  readonly queue = QueueName.NotifyRobot;

  constructor(private readonly url: string, private readonly timeoutMs: number) {}

  wants(message: Pick<OutgoingMessage, 'urgency' | 'escalationLevel'>): boolean {
    return message.urgency !== 'NORMAL' || message.escalationLevel > 0;
  }

  send(message: OutgoingMessage): Promise<void> {
    return postJson(this.url, {
      msgtype: 'text',
      text: { content: `${message.title}\n${message.body}`, mentioned_mobile_list: [message.recipient.phone] },
      at: { atMobiles: [message.recipient.phone] },
    }, { 'idempotency-key': message.deliveryId }, this.timeoutMs);
  }
}
