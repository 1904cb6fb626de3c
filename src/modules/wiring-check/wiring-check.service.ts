import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';
import { logger } from '../../common/logging/logger';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { AuditService } from '../audit/audit.service';
import { WiringCheckRepository } from './wiring-check.repository';
import type { CreateWiringCheckDto } from './dto/create-wiring-check.dto';
import type { WiringCheckInput } from '../../../workflows/wiring-check.workflow';

/**
 * The foundation's end-to-end slice: HTTP starts a workflow, whose activity writes through Prisma and
 * enqueues a BullMQ job, whose processor writes a row.
 */
@Injectable()
export class WiringCheckService {
  constructor(
    private readonly repository: WiringCheckRepository,
    private readonly queue: JobQueueService,
    private readonly temporal: TemporalClientService,
    private readonly audit: AuditService,
  ) {}

  async start(dto: CreateWiringCheckDto): Promise<{ workflowId: string }> {
    const workflowId = `wiring-check-${randomUUID()}`;
    const input: WiringCheckInput = { note: dto.note, delay: dto.delay };
    await this.temporal.client.workflow.start('wiringCheckWorkflow', {
      workflowId,
      taskQueue: this.temporal.taskQueue,
      args: [input],
    });
    return { workflowId };
  }

  async record(workflowId: string, note: string): Promise<{ checkId: string }> {
    const check = await this.repository.transaction(async (tx) => {
      const { check: row, created } = await this.repository.createOnce(workflowId, note, tx);
      if (created)
        await this.audit.record(
          { action: 'wiring-check.record', entityType: 'wiring_check', entityId: row.id, workflowId, after: row },
          tx,
        );
      return row;
    });
    await this.queue.enqueue('wiring.echo', { checkId: check.id, workflowId }, { jobId: `wiring-echo-${check.id}` });
    return { checkId: check.id };
  }

  async echo(checkId: string, jobId: string): Promise<void> {
    const inserted = await this.repository.insertEcho(checkId, jobId);
    if (!inserted) logger.info({ checkId }, 'echo already recorded; duplicate delivery ignored');
  }

  async get(workflowId: string) {
    const check = await this.repository.findByWorkflow(workflowId);
    if (!check) throw new DomainError('NOT_FOUND', `联通检查 ${workflowId} 不存在或尚未记录`);
    return {
      workflowId: check.workflowId,
      checkId: check.id,
      note: check.note,
      recordedAt: check.recordedAt,
      echoedAt: check.echo?.processedAt ?? null,
    };
  }
}
