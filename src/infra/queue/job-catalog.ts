/** Every queue, job name and payload, declared once. Producers and processors both type against this. */
export const QueueName = {
  Wiring: 'wiring',
  NotifyWebhook: 'notify-webhook',
  NotifySms: 'notify-sms',
  NotifyRobot: 'notify-robot',
  NotifyControl: 'notify-control',
  Cases: 'cases',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export interface JobPayloads {
  'wiring.echo': { checkId: string; workflowId: string };
  'notify.deliver': { deliveryId: string; channel: string };
  'notify.ack-check': { messageId: string };
  'notify.digest': { period: 'daily' | 'weekly' };
  'cases.calendar-changed': { calendarVersionId: string; districtId: string | null };
  /** Daily: supervisors are reminded to enter next year's holiday schedule (sent once a week from 1 November). */
  'calendars.schedule-reminder': Record<string, never>;
}
export type JobName = keyof JobPayloads;

/** Channel deliveries share one job name; the queue (one per channel) decides the rate limit and breaker. */
export const queuesOfJob: Record<JobName, readonly QueueName[]> = {
  'wiring.echo': [QueueName.Wiring],
  'notify.deliver': [QueueName.NotifyWebhook, QueueName.NotifySms, QueueName.NotifyRobot],
  'notify.ack-check': [QueueName.NotifyControl],
  'notify.digest': [QueueName.NotifyControl],
  'cases.calendar-changed': [QueueName.Cases],
  'calendars.schedule-reminder': [QueueName.NotifyControl],
};

export interface QueueTuning {
  concurrency: number;
  limiter?: { max: number; duration: number };
}

/** Per-queue concurrency and rate limits; providers' rate limits come from configuration. */
export const queueTuning = (config: {
  NOTIFY_WEBHOOK_RATE_PER_SECOND: number;
  NOTIFY_SMS_RATE_PER_SECOND: number;
}): Record<QueueName, QueueTuning> => ({
  wiring: { concurrency: 16 },
  'notify-webhook': { concurrency: 32, limiter: { max: config.NOTIFY_WEBHOOK_RATE_PER_SECOND, duration: 1_000 } },
  'notify-sms': { concurrency: 8, limiter: { max: config.NOTIFY_SMS_RATE_PER_SECOND, duration: 1_000 } },
  'notify-robot': { concurrency: 4, limiter: { max: 20, duration: 60_000 } }, // group robots allow ~20 messages a minute
  'notify-control': { concurrency: 8 },
  cases: { concurrency: 2 },
});

/** Thrown by a handler whose downstream is failing: the whole queue pauses for `retryAfterMs` (circuit open). */
export class CircuitOpenError extends Error {
  constructor(
    readonly retryAfterMs: number,
    message: string,
  ) {
    super(message);
  }
}
