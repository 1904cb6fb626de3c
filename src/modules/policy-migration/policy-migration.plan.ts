import type { CaseStatus } from '../../generated/prisma/enums';
import { RequestLoopPolicy, resolutionLimitFor } from '../policy/request-loop-policy.schema';
import type { PolicyMigrationSignal } from '../../../workflows/policy-migration.handlers';
import type { CandidateCase } from './policy-migration.repository';

const finishedReason: Partial<Record<CaseStatus, string>> = {
  CLOSED: '诉求已办结，保持原策略版本',
  MERGED: '诉求已并入其他诉求，保持原策略版本',
  CONVERTED: '诉求已转入矛盾调解，保持原策略版本',
};
export const WORKFLOW_GONE_REASON = '诉求流程已结束或不存在，保持原策略版本';
export const NO_ANSWER_REASON = '诉求流程暂未响应，无法读取计时器（迁移时仍会发送）';

/** Why a case is left on its version as a whole, or undefined when it migrates (its clocks may still keep their deadlines). */
export function caseSkipReason(
  row: Pick<CandidateCase, 'status' | 'policyVersion'>,
  toVersion: number,
): string | undefined {
  if (finishedReason[row.status]) return finishedReason[row.status];
  if (row.policyVersion === toVersion) return `已按第 ${toVersion} 版策略办理`;
  return undefined;
}

/** What the case's workflow receives: the version's limits for this case's category and routing, ladder, reminders and extension rules. */
export function migrationSignalFor(
  migration: { id: string; toVersion: number; createdBy?: string | null },
  policy: RequestLoopPolicy,
  row: Pick<CandidateCase, 'category' | 'departmentId' | 'policyVersion'>,
): PolicyMigrationSignal {
  return {
    migrationId: migration.id,
    fromVersion: row.policyVersion,
    policyVersion: migration.toVersion,
    ...(migration.createdBy ? { actorId: migration.createdBy } : {}),
    acceptLimit: policy.clocks.accept.limit,
    resolutionLimit: resolutionLimitFor(policy, row.category),
    firstResponseLimit: policy.clocks.firstResponse.limit,
    ...(row.departmentId ? { contactDepartmentLimit: policy.clocks.contactDepartment.limit } : {}),
    reminderFractions: policy.reminders.fractions,
    ladder: policy.escalation.ladder,
    extension: policy.extension,
  };
}
