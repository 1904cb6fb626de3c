import { createHmac } from 'node:crypto';
import { QueueName } from '../../../infra/queue/job-catalog';
import type { Channel, OutgoingMessage } from './channel';
import { postJson } from './http-post';

/** Generic signed webhook for integrators: X-Govflow-Signature = sha256=HMAC(secret, timestamp + "." + body). */
export class WebhookChannel implements Channel {
  readonly name = 'webhook';
  readonly queue = QueueName.NotifyWebhook;

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly timeoutMs: number,
  ) {}

  wants(): boolean {
    return true;
  }

  async send(message: OutgoingMessage): Promise<void> {
    const payload = {
      id: message.messageId,
      title: message.title,
      body: message.body,
      urgency: message.urgency,
      escalationLevel: message.escalationLevel,
      recipient: message.recipient,
    };
    const timestamp = String(Date.now());
    const signature = createHmac('sha256', this.secret)
      .update(`${timestamp}.${JSON.stringify(payload)}`)
      .digest('hex');
    await postJson(
      this.url,
      payload,
      {
        'x-govflow-timestamp': timestamp,
        'x-govflow-signature': `sha256=${signature}`,
        'idempotency-key': message.deliveryId,
      },
      this.timeoutMs,
    );
  }
}
