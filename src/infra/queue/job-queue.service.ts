import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import { redisConnectionOptions } from '../redis/redis-connection';
import { JobName, JobPayloads, QueueName, queuesOfJob } from './job-catalog';

export interface EnqueueOptions {
  jobId: string;
  delayMs?: number;
  queue?: QueueName;
  attempts?: number;
  backoffMs?: number;
}

/** Producer side of BullMQ. `jobId` is mandatory: it is the dedup key that makes a retried enqueue a no-op. */
@Injectable()
export class JobQueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<void> {
    await this.enqueueMany(name, [{ payload, options }]);
  }

  /** Several jobs of one kind, one Redis round trip per queue (each still deduplicated by its jobId). */
  async enqueueMany<N extends JobName>(
    name: N,
    jobs: { payload: JobPayloads[N]; options: EnqueueOptions }[],
  ): Promise<void> {
    const byQueue = new Map<QueueName, typeof jobs>();
    for (const job of jobs) {
      const queue = job.options.queue ?? queuesOfJob[name][0];
      if (!queuesOfJob[name].includes(queue)) throw new Error(`job ${name} does not run on queue ${queue}`);
      byQueue.set(queue, [...(byQueue.get(queue) ?? []), job]);
    }
    await Promise.all(
      [...byQueue].map(([queue, some]) =>
        some.length === 1
          ? this.queue(queue).add(name, some[0].payload, this.jobOptions(some[0].options))
          : this.queue(queue).addBulk(
              some.map(({ payload, options }) => ({ name, data: payload, opts: this.jobOptions(options) })),
            ),
      ),
    );
  }

  private jobOptions(options: EnqueueOptions) {
    return {
      jobId: options.jobId,
      delay: options.delayMs && options.delayMs > 0 ? options.delayMs : undefined,
      attempts: options.attempts ?? 8,
      backoff: { type: 'exponential' as const, delay: options.backoffMs ?? 1_000 },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: false,
    };
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: redisConnectionOptions(this.config.REDIS_URL),
        prefix: this.config.QUEUE_PREFIX,
      });
      queue.on('error', () => undefined); // surfaced through health checks and failing enqueues instead
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
