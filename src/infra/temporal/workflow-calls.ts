import {
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import type { TypedSearchAttributes } from '@temporalio/common';
import { DomainError } from '../../common/errors/domain-error';
import type { ErrorCode } from '../../common/errors/error-code';

const QUERY_TIMEOUT_MS = 3000;

/** A workflow's own view through a query; null when it cannot answer quickly (no worker, or no workflow). */
export async function queryWithin<T>(
  client: Client,
  workflowId: string,
  query: string,
  timeoutMs = QUERY_TIMEOUT_MS,
): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const answer = client.workflow
    .getHandle(workflowId)
    .query<T>(query)
    .catch(() => null);
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs a human step as a workflow update, which decides. A refusal it answers with (a validator, or an activity that
 * found bad input) whose type is one of `refusals` becomes that domain error; anything else is rethrown.
 */
export async function updateOrRefuse(
  client: Client,
  workflowId: string,
  update: string,
  arg: object,
  refusals: ReadonlySet<string>,
  /** The same id sent twice is one update (the server answers the second with the first's result). */
  updateId?: string,
): Promise<void> {
  try {
    await client.workflow
      .getHandle(workflowId)
      .executeUpdate(update, { args: [arg], ...(updateId ? { updateId } : {}) });
  } catch (err) {
    let cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
    if (cause instanceof ActivityFailure) cause = cause.cause;
    if (cause instanceof ApplicationFailure && cause.type && refusals.has(cause.type))
      throw new DomainError(cause.type as ErrorCode, cause.message);
    throw err;
  }
}

/** Starts the workflow once per id, ever: a repeat (a retry, a replayed request) finds it running or finished and does nothing. */
export async function startOnce(
  client: Client,
  workflowType: string,
  workflowId: string,
  taskQueue: string,
  arg: object,
  typedSearchAttributes?: TypedSearchAttributes,
): Promise<void> {
  try {
    await client.workflow.start(workflowType, {
      workflowId,
      taskQueue,
      args: [arg],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes,
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
