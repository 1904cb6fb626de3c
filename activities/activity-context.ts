import { ApplicationFailure, Context } from '@temporalio/activity';

/** The calling workflow's id: the stable half of every idempotency key an activity writes. */
export function callingWorkflowId(): string {
  const id = Context.current().info.workflowExecution?.workflowId;
  if (!id) throw ApplicationFailure.nonRetryable('activity must be called from a workflow', 'NO_WORKFLOW_CONTEXT');
  return id;
}
