import { ApplicationFailure } from '@temporalio/workflow';

/** An update validator's refusal; `type` is the error code the API answers with. */
export function refuse(type: string, message: string): never {
  throw ApplicationFailure.create({ type, nonRetryable: true, message });
}
