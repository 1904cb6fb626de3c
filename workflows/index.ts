export { wiringCheckWorkflow } from './wiring-check.workflow';
