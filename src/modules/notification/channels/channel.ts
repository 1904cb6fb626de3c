import type { Urgency } from '../../../generated/prisma/enums';
import type { QueueName } from '../../../infra/queue/job-catalog';

export interface OutgoingMessage {
  deliveryId: string;
  messageId: string;
  title: string;
  body: string;
  urgency: Urgency;
  escalationLevel: number;
  recipient: { id: string | null; name: string; phone: string };
}

/** A way to reach people besides the in-app inbox. Each channel has its own queue, rate limit and breaker. */
export interface Channel {
  readonly name: string;
  readonly queue: QueueName;
  /** Whether this message should go out on this channel at all (e.g. SMS only for urgent or escalated items). */
  wants(message: Pick<OutgoingMessage, 'urgency' | 'escalationLevel'>): boolean;
  send(message: OutgoingMessage): Promise<void>;
}

export const CHANNELS = Symbol('CHANNELS');

/** Texts and group robots interrupt people: only urgent, critical or escalated messages are worth it. */
export const urgentOrEscalated = (message: Pick<OutgoingMessage, 'urgency' | 'escalationLevel'>): boolean =>
  message.urgency !== 'NORMAL' || message.escalationLevel > 0;
