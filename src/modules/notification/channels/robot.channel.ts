import { QueueName } from '../../../infra/queue/job-catalog';
import { Channel, OutgoingMessage, urgentOrEscalated } from './channel';
import { postJson } from './http-post';

/** WeCom / DingTalk style group robot: a text message that @-mentions the recipient's phone. */
export class RobotChannel implements Channel {
  readonly name = 'robot';
  readonly queue = QueueName.NotifyRobot;

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  readonly wants = urgentOrEscalated;

  send(message: OutgoingMessage): Promise<void> {
    return postJson(
      this.url,
      {
        msgtype: 'text',
        text: { content: `${message.title}\n${message.body}`, mentioned_mobile_list: [message.recipient.phone] },
        at: { atMobiles: [message.recipient.phone] },
      },
      { 'idempotency-key': message.deliveryId },
      this.timeoutMs,
    );
  }
}
