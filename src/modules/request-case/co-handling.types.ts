export type CoHandlingAction = 'ADDED' | 'REMOVED' | 'PROGRESS' | 'DONE';

/** One co-handling step of a case's workflow; with the workflowId, `step` is its idempotency key. */
export interface CoHandlingInput {
  caseId: string;
  step: string;
  action: CoHandlingAction;
  unitId: string;
  actorId?: string;
  /** The reason (added, removed), the progress note or the result (done). */
  note: string;
}
