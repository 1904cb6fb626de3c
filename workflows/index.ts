export { wiringCheckWorkflow } from './wiring-check.workflow';
export { requestCaseWorkflow } from './request-case.workflow';
