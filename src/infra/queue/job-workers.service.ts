import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import { logContext, logger } from '../../common/logging/logger';
import { redisConnectionOptions } from '../redis/redis-connection';
import { CircuitOpenError, JobName, QueueName, queuesOfJob, queueTuning } from './job-catalog';
import { JobQueueService } from './job-queue.service';
import { JOB_PROCESSOR, JobHandler } from './job-processor.decorator';

/** Consumer side: one BullMQ worker per queue, dispatching each job by name to its single handler. */
@Injectable()
export class JobWorkersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly discovery: DiscoveryService,
    private readonly queues: JobQueueService,
  ) {}

  onApplicationBootstrap(): void {
    const handlers = this.collectHandlers();
    const queues = new Set(Object.values(queuesOfJob).flat());
    for (const queueName of queues) this.workers.push(this.startWorker(queueName, handlers));
  }

  async onApplicationShutdown(): Promise<void> {
    // close() waits for in-flight jobs; unfinished ones go back to the queue when their lock lapses
    await Promise.all(this.workers.map((w) => w.close()));
  }

  private collectHandlers(): Map<JobName, JobHandler<JobName>> {
    const handlers = new Map<JobName, JobHandler<JobName>>();
    for (const wrapper of this.discovery.getProviders()) {
      const name = wrapper.metatype && (Reflect.getMetadata(JOB_PROCESSOR, wrapper.metatype) as JobName | undefined);
      if (!name) continue;
      if (handlers.has(name)) throw new Error(`job "${name}" has two handlers`);
      handlers.set(name, wrapper.instance as JobHandler<JobName>);
    }
    const missing = (Object.keys(queuesOfJob) as JobName[]).filter((n) => !handlers.has(n));
    if (missing.length) throw new Error(`jobs without a handler: ${missing.join(', ')}`);
    return handlers;
  }

  private startWorker(queueName: QueueName, handlers: Map<JobName, JobHandler<JobName>>): Worker {
    const worker = new Worker(
      queueName,
      async (job: Job) => {
        const handler = handlers.get(job.name as JobName);
        if (!handler) throw new Error(`no handler for job ${job.name}`);
        try {
          await logContext.run({ queue: queueName, jobId: job.id, jobName: job.name, ...workflowIdOf(job.data) }, () =>
            handler.handle(job.data, job),
          );
        } catch (err) {
          if (!(err instanceof CircuitOpenError)) throw err;
          // pause the whole channel queue; the job goes back without spending an attempt
          await this.queues.queue(queueName).rateLimit(err.retryAfterMs);
          throw Worker.RateLimitError();
        }
      },
      {
        connection: redisConnectionOptions(this.config.REDIS_URL),
        prefix: this.config.QUEUE_PREFIX,
        concurrency: queueTuning(this.config)[queueName].concurrency,
        limiter: queueTuning(this.config)[queueName].limiter,
      },
    );
    worker.on('failed', (job, err) =>
      logger.info({ queue: queueName, jobId: job?.id, err: err.message }, 'job attempt failed'),
    );
    worker.on('error', (err) => logger.error({ queue: queueName, err }, 'queue worker error'));
    return worker;
  }
}

function workflowIdOf(data: unknown): { workflowId?: string } {
  const id = (data as { workflowId?: unknown } | null)?.workflowId;
  return typeof id === 'string' ? { workflowId: id } : {};
}
