import type { PolicyMigrationProgressService } from '../src/modules/policy-migration/policy-migration-progress.service';

export function policyMigrationActivities(service: PolicyMigrationProgressService) {
  return {
    runPolicyMigrationBatch: (input: { migrationId: string; batchSize?: number }) =>
      service.runBatch(input.migrationId, input.batchSize),
    failPolicyMigration: (input: { migrationId: string; error: string }) =>
      service.fail(input.migrationId, input.error),
  };
}

export type PolicyMigrationActivities = ReturnType<typeof policyMigrationActivities>;
