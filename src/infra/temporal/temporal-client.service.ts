import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import { ClosableGrpcRetry } from './closable-grpc-retry';

/** A lazily connected Temporal client: the API boots with Temporal down and /health reports it. */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;
  private readonly retry = new ClosableGrpcRetry();

  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {
    this.connection = Connection.lazy({
      address: config.TEMPORAL_ADDRESS,
      connectTimeout: 2_000,
      interceptors: [this.retry.interceptor],
    });
    this.client = new Client({ connection: this.connection, namespace: config.TEMPORAL_NAMESPACE });
  }

  get taskQueue(): string {
    return this.config.TEMPORAL_TASK_QUEUE;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.retry.drain();
    await this.connection.close();
  }
}
