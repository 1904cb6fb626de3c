import type { ModuleRef } from '@nestjs/core';
import { RequestCaseProgressService } from '../src/modules/request-case/request-case-progress.service';
import { CoHandlingProgressService } from '../src/modules/request-case/co-handling-progress.service';
import { WiringCheckService } from '../src/modules/wiring-check/wiring-check.service';
import { CaseRatingProgressService } from '../src/modules/case-rating/case-rating-progress.service';
import { YellowCardProgressService } from '../src/modules/yellow-card/yellow-card-progress.service';
import { PolicyMigrationProgressService } from '../src/modules/policy-migration/policy-migration-progress.service';
import { ProgrammeTaskProgressService } from '../src/modules/programme-task/programme-task-progress.service';
import { programmeTaskActivities } from './programme-task.activities';
import { MediationProgressService } from '../src/modules/mediation/mediation-progress.service';
import { MediationAgreementService } from '../src/modules/mediation/mediation-agreement.service';
import { ProgrammeDispatchProgressService } from '../src/modules/programme-dispatch/programme-dispatch-progress.service';
import { ProgrammeInspectionProgressService } from '../src/modules/programme-dispatch/programme-inspection-progress.service';
import { caseRatingActivities } from './case-rating.activities';
import { mediationActivities } from './mediation.activities';
import { programmeDispatchActivities } from './programme-dispatch.activities';
import { programmeInspectionActivities } from './programme-inspection.activities';
import { yellowCardActivities } from './yellow-card.activities';
import { policyMigrationActivities } from './policy-migration.activities';
import { coHandlingActivities } from './co-handling.activities';
import { requestCaseActivities } from './request-case.activities';
import { wiringCheckActivities } from './wiring-check.activities';

/** Every activity, bound to the Nest service that implements it. */
export function createActivities(moduleRef: ModuleRef) {
  const get = <T>(type: new (...args: never[]) => T): T => moduleRef.get(type, { strict: false });
  return {
    ...wiringCheckActivities(get(WiringCheckService)),
    ...requestCaseActivities(get(RequestCaseProgressService)),
    ...caseRatingActivities(get(CaseRatingProgressService)),
    ...yellowCardActivities(get(YellowCardProgressService)),
    ...coHandlingActivities(get(CoHandlingProgressService)),
    ...policyMigrationActivities(get(PolicyMigrationProgressService)),
    ...programmeTaskActivities(get(ProgrammeTaskProgressService)),
    ...mediationActivities(get(MediationProgressService), get(MediationAgreementService)),
    ...programmeDispatchActivities(get(ProgrammeDispatchProgressService)),
    ...programmeInspectionActivities(get(ProgrammeInspectionProgressService)),
  };
}
