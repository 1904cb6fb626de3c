import { defineQuery, defineSignal, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { RequestCaseActivities } from '../activities/request-case.activities';
import type { LadderStep } from '../src/modules/request-case/request-case.types';
import type { Limit, PauseInterval } from '../src/shared/calendar';
import { limitOfClock, migrationExemption } from '../src/shared/process/clock-projection';
import type { ClockProjection, ProjectableClock } from '../src/shared/process/clock-projection';
import { FINISHED } from './request-case-refusals';
import type { CaseState } from './request-case-refusals';

/**
 * Marks the histories in which a case moved to another policy version. Cases that never received `migratePolicy`
 * replay unchanged: the handler below is the only code that records anything for it.
 */
export const POLICY_MIGRATION_PATCH = 'request-case-policy-migration';

/** A policy version's limits, ladder and reminder points for one case, sent by a policy migration. */
export interface PolicyMigrationSignal {
  /** A second delivery of the same migration is ignored. */
  migrationId: string;
  fromVersion: number;
  policyVersion: number;
  actorId?: string;
  acceptLimit: Limit;
  resolutionLimit: Limit;
  firstResponseLimit?: Limit;
  /** Only for cases that must contact a street department; others have no such clock. */
  contactDepartmentLimit?: Limit;
  reminderFractions: number[];
  ladder: LadderStep[];
  extension: { maxWorkingDays: number; maxExtensions: number };
}

export const migratePolicySignal = defineSignal<[PolicyMigrationSignal]>('migratePolicy');
/** The live clocks with their finished pauses: what a migration preview projects new deadlines from. */
export const clocksWithPausesQuery = defineQuery<ProjectableClock[]>('clocksWithPauses');

/** The parts of the case workflow a migration changes: its policy fields and its running clocks. */
export interface MigratableCase {
  input: {
    caseId: string;
    acceptLimit: Limit;
    resolutionLimit: Limit;
    firstResponseLimit?: Limit;
    contactDepartmentLimit?: Limit;
    reminderFractions: number[];
    ladder: LadderStep[];
    extension?: { maxWorkingDays: number; maxExtensions: number };
  };
  clocks: { view: ProjectableClock; limit: Limit; pauses: PauseInterval[] }[];
  /** Re-computes a clock's deadline from its limit and wakes its waiting loop. */
  touch(clock: MigratableCase['clocks'][number]): void;
  state: () => CaseState;
}

const { recordCaseNote } = proxyActivities<RequestCaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * `migratePolicy`: the case takes the new version's limits, ladder, reminder points and extension rules; clocks not yet
 * started use them when they start. Running and paused clocks are re-projected from their original start with their
 * pauses and extensions kept; clocks already met, stopped or lapsed keep their deadlines (see migrationExemption).
 */
export function installPolicyMigration(c: MigratableCase): void {
  const applied = new Set<string>();
  setHandler(clocksWithPausesQuery, () => c.clocks.map((clock) => ({ ...clock.view, pauses: [...clock.pauses] })));
  setHandler(migratePolicySignal, async (m) => {
    if (applied.has(m.migrationId) || FINISHED.includes(c.state())) return;
    applied.add(m.migrationId);
    if (!patched(POLICY_MIGRATION_PATCH)) return;
    const { input } = c;
    input.acceptLimit = m.acceptLimit;
    input.resolutionLimit = m.resolutionLimit;
    if (m.firstResponseLimit) input.firstResponseLimit = m.firstResponseLimit;
    if (input.contactDepartmentLimit && m.contactDepartmentLimit)
      input.contactDepartmentLimit = m.contactDepartmentLimit;
    input.reminderFractions = m.reminderFractions;
    input.ladder = m.ladder;
    input.extension = m.extension;

    const changes: ClockProjection[] = [];
    for (const clock of c.clocks) {
      const limit = limitOfClock(clock.view.name, input);
      const reason = migrationExemption(clock.view, limit);
      const from = clock.view.deadline;
      if (!reason && limit) {
        clock.limit = limit;
        c.touch(clock);
      }
      changes.push({
        clock: clock.view.name,
        state: clock.view.state,
        from,
        to: clock.view.deadline,
        applies: !reason,
        ...(reason ? { reason } : {}),
      });
    }
    const moved = (name: string) => [...changes].reverse().find((p) => p.clock === name && p.applies);
    const resolution = [...changes].reverse().find((p) => p.clock === 'resolution' || p.clock === 'rework');
    await recordCaseNote({
      caseId: input.caseId,
      step: `policy-migrated-${m.migrationId}`,
      kind: 'POLICY_MIGRATED',
      actorId: m.actorId,
      note: `流程策略由第 ${m.fromVersion} 版迁移至第 ${m.policyVersion} 版`,
      data: { migrationId: m.migrationId, fromVersion: m.fromVersion, toVersion: m.policyVersion, clocks: changes },
      policyVersion: m.policyVersion,
      ...(resolution?.applies ? { resolveDeadlineMs: Date.parse(resolution.to) } : {}),
      ...(moved('accept') ? { acceptDeadlineMs: Date.parse((moved('accept') as ClockProjection).to) } : {}),
    });
  });
}
