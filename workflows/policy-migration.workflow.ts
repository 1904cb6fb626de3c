import {
  ActivityFailure,
  ApplicationFailure,
  continueAsNew,
  proxyActivities,
  workflowInfo,
} from '@temporalio/workflow';
import type { PolicyMigrationActivities } from '../activities/policy-migration.activities';

export interface PolicyMigrationInput {
  migrationId: string;
  /** Cases per activity call (default 50). */
  batchSize?: number;
  /** Batches before the history starts afresh (continue-as-new); the cursor lives in policy_migration. */
  batchesPerRun?: number;
}

const { runPolicyMigrationBatch, failPolicyMigration } = proxyActivities<PolicyMigrationActivities>({
  startToCloseTimeout: '5 minutes',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['NOT_FOUND'],
  },
});

/**
 * 策略迁移: works through the migration's cases in id order, a batch per activity call. Each batch continues from the
 * cursor stored with the migration, so a crashed worker, a retried activity or a continued-as-new run resumes where
 * the last finished batch left off.
 */
export async function policyMigrationWorkflow(input: PolicyMigrationInput): Promise<{ batches: number }> {
  const perRun = input.batchesPerRun ?? 100;
  let batches = 0;
  try {
    for (;;) {
      const { done } = await runPolicyMigrationBatch({
        migrationId: input.migrationId,
        ...(input.batchSize ? { batchSize: input.batchSize } : {}),
      });
      batches += 1;
      if (done) return { batches };
      if (batches >= perRun || workflowInfo().continueAsNewSuggested)
        await continueAsNew<typeof policyMigrationWorkflow>(input);
    }
  } catch (err) {
    if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure) {
      await failPolicyMigration({ migrationId: input.migrationId, error: err.cause.message });
    }
    throw err;
  }
}
