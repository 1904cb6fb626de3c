export { wiringCheckWorkflow } from './wiring-check.workflow';
export { requestCaseWorkflow } from './request-case.workflow';
export { caseRatingWorkflow } from './case-rating.workflow';
export { yellowCardWorkflow } from './yellow-card.workflow';
export { policyMigrationWorkflow } from './policy-migration.workflow';
export { programmeTaskWorkflow } from './programme-task.workflow';
export { programmeDispatchWorkflow } from './programme-dispatch.workflow';
export { programmeInspectionWorkflow } from './programme-inspection.workflow';
