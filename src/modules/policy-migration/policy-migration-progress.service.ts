import { Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { ProcessPolicyService } from '../policy/policy.service';
import { migratePolicySignal } from '../../../workflows/policy-migration.handlers';
import { caseSkipReason, migrationSignalFor, WORKFLOW_GONE_REASON } from './policy-migration.plan';
import {
  CandidateCase,
  MigrationOutcome,
  PolicyMigrationRepository,
  StoredFilters,
} from './policy-migration.repository';

export const DEFAULT_BATCH_SIZE = 50;

/**
 * The migration workflow's activities. A batch lists the next cases after the stored cursor, signals each case's
 * workflow and writes one outcome row per case; a retried or resumed batch leaves decided cases alone, and a second
 * signal would be ignored by the case (same migrationId), so nothing is counted or applied twice.
 */
@Injectable()
export class PolicyMigrationProgressService {
  constructor(
    private readonly migrations: PolicyMigrationRepository,
    private readonly policies: ProcessPolicyService,
    private readonly temporal: TemporalClientService,
  ) {}

  async runBatch(migrationId: string, batchSize = DEFAULT_BATCH_SIZE): Promise<{ done: boolean; processed: number }> {
    const migration = await this.migrations.find(migrationId);
    if (!migration) throw ApplicationFailure.nonRetryable(`策略迁移 ${migrationId} 不存在`, 'NOT_FOUND');
    if (migration.status !== 'RUNNING') return { done: true, processed: 0 };
    const policy = (await this.policies.get('request-loop', migration.toVersion)).data;
    const batch = await this.migrations.candidates(
      migration.filters as unknown as StoredFilters,
      migration.toVersion,
      migration.cursor,
      batchSize,
    );
    const decided = await this.migrations.decided(
      migrationId,
      batch.map((c) => c.id),
    );
    for (const row of batch) {
      if (decided.has(row.id)) continue;
      const [outcome, reason] = await this.migrateOne(
        row,
        () => migrationSignalFor(migration, policy, row),
        migration.toVersion,
      );
      await this.migrations.recordOutcome({
        migrationId,
        caseId: row.id,
        caseNo: row.caseNo,
        outcome,
        reason,
        fromVersion: row.policyVersion,
      });
    }
    const done = batch.length < batchSize;
    await this.migrations.advance(migrationId, batch.at(-1)?.id ?? null, done);
    return { done, processed: batch.length };
  }

  async fail(migrationId: string, error: string): Promise<void> {
    await this.migrations.fail(migrationId, error.slice(0, 500));
  }

  private async migrateOne(
    row: CandidateCase,
    signal: () => ReturnType<typeof migrationSignalFor>,
    toVersion: number,
  ): Promise<[MigrationOutcome, string | null]> {
    const skip = caseSkipReason(row, toVersion);
    if (skip) return ['SKIPPED', skip];
    try {
      await this.temporal.client.workflow.getHandle(row.workflowId).signal(migratePolicySignal, signal());
    } catch (err) {
      // a completed workflow answers "not found" too; anything else (Temporal down) retries the batch
      if (err instanceof WorkflowNotFoundError) return ['SKIPPED', WORKFLOW_GONE_REASON];
      throw err;
    }
    return ['MIGRATED', null];
  }
}
