import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '../../infra/queue/job-catalog';
import { JobHandler, JobProcessor } from '../../infra/queue/job-processor.decorator';
import { NotificationRepository } from './notification.repository';
import { NotificationService } from './notification.service';

const PERIOD = { daily: { label: '今日', days: 1 }, weekly: { label: '本周', days: 7 } } as const;
const MAX_LINES = 20;

/** Daily and weekly summaries of each person's open items; people with nothing open get nothing. */
@Injectable()
@JobProcessor('notify.digest')
export class DigestProcessor implements JobHandler<'notify.digest'> {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly notifications: NotificationService,
  ) {}

  async handle({ period }: JobPayloads['notify.digest'], job?: { timestamp?: number }): Promise<void> {
    const runAt = new Date(job?.timestamp ?? Date.now());
    const since = new Date(runAt.getTime() - PERIOD[period].days * 86_400_000);
    const byPerson = new Map<string, { title: string; createdAt: Date }[]>();
    for (const item of await this.repository.openItemsSince(since)) {
      const list = byPerson.get(item.recipientId as string) ?? [];
      list.push(item);
      byPerson.set(item.recipientId as string, list);
    }
    const day = new Date(runAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    for (const [personId, items] of byPerson) {
      const lines = items.slice(0, MAX_LINES).map((i, n) => `${n + 1}. ${i.title}`);
      if (items.length > MAX_LINES) lines.push(`…… 另有 ${items.length - MAX_LINES} 项`);
      await this.notifications.notify({
        recipients: [{ personId }],
        template: 'notify.digest',
        data: { periodLabel: PERIOD[period].label, count: items.length, items: lines.join('\n') },
        options: { dedupKey: `digest:${period}:${day}` },
      });
    }
  }
}
