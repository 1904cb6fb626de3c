import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';

/** A plain Redis client for checks and small reads; BullMQ keeps its own connections. */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  readonly client: Redis;
  private closing = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Redis(config.REDIS_URL, {
      lazyConnect: true,
      connectTimeout: 2_000,
      maxRetriesPerRequest: 1,
      // ioredis keeps reconnecting after disconnect() when it is mid-retry; stop once we are closing
      retryStrategy: (attempt) => (this.closing ? null : Math.min(attempt * 200, 2_000)),
    });
    this.client.on('error', () => undefined); // reported by the health check, not as unhandled events
  }

  async ping(): Promise<void> {
    if (this.client.status === 'wait') await this.client.connect();
    await this.client.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    this.client.disconnect();
  }
}
