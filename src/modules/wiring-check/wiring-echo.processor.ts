import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobPayloads } from '../../infra/queue/job-catalog';
import { JobHandler, JobProcessor } from '../../infra/queue/job-processor.decorator';
import { WiringCheckService } from './wiring-check.service';

@Injectable()
@JobProcessor('wiring.echo')
export class WiringEchoProcessor implements JobHandler<'wiring.echo'> {
  constructor(private readonly service: WiringCheckService) {}

  handle(payload: JobPayloads['wiring.echo'], job: Job): Promise<void> {
    return this.service.echo(payload.checkId, String(job.id));
  }
}
