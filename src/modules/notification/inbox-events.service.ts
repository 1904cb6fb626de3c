import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import { RedisService } from '../../infra/redis/redis.service';

export interface InboxEvent {
  type: 'message' | 'read';
  messageId: string;
  title?: string;
  urgency?: string;
}

/**
 * Live inbox updates across processes: whoever writes the inbox publishes on Redis, and each API process
 * fans the events out to its server-sent-event streams with one shared subscription.
 */
@Injectable()
export class InboxEventsService implements OnApplicationShutdown {
  private subscriber?: Redis;
  private readonly local = new EventEmitter().setMaxListeners(0);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisService,
  ) {}

  private channel(personId: string): string {
    return `${this.config.QUEUE_PREFIX}:inbox:${personId}`;
  }

  async publish(personId: string, event: InboxEvent): Promise<void> {
    await this.redis.client.publish(this.channel(personId), JSON.stringify(event)).catch(() => undefined);
  }

  async subscribe(personId: string, listener: (event: InboxEvent) => void): Promise<() => void> {
    if (!this.subscriber) {
      this.subscriber = this.redis.client.duplicate();
      this.subscriber.on('error', () => undefined);
      await this.subscriber.psubscribe(`${this.config.QUEUE_PREFIX}:inbox:*`);
      this.subscriber.on('pmessage', (_pattern, channel, payload) =>
        this.local.emit(channel, JSON.parse(payload) as InboxEvent),
      );
    }
    const channel = this.channel(personId);
    this.local.on(channel, listener);
    return () => this.local.off(channel, listener);
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }
}
