import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from './job-catalog';

export const JOB_PROCESSOR = Symbol('JOB_PROCESSOR');

export interface JobHandler<N extends JobName> {
  handle(payload: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<void>;
}

/** Marks a provider as the one handler of a job name; the worker refuses to start on a gap or a double. */
export const JobProcessor = (name: JobName) => SetMetadata(JOB_PROCESSOR, name);
