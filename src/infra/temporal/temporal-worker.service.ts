import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { NativeConnection, Worker } from '@temporalio/worker';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import { logger } from '../../common/logging/logger';
import { createActivities } from '../../../activities';
import { workflowSource } from './workflow-source';

/** Runs the Temporal worker inside the worker process; activities reach Nest services through DI. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      activities: createActivities(this.moduleRef),
      maxConcurrentActivityTaskExecutions: this.config.TEMPORAL_MAX_CONCURRENT_ACTIVITIES,
      maxConcurrentWorkflowTaskExecutions: this.config.TEMPORAL_MAX_CONCURRENT_WORKFLOW_TASKS,
      maxCachedWorkflows: this.config.TEMPORAL_MAX_CACHED_WORKFLOWS,
      ...workflowSource(),
    });
    this.running = this.worker.run().catch((err: unknown) => {
      logger.fatal({ err }, 'temporal worker stopped with an error');
      throw err;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
