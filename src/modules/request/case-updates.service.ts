import { Injectable } from '@nestjs/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import type { ErrorCode } from '../../common/errors/error-code';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';

/** Refusals a case's workflow answers with (validators, or an activity that found bad input): each is the API's error code. */
const REFUSALS: ReadonlySet<string> = new Set<ErrorCode>([
  'ILLEGAL_TRANSITION', 'VALIDATION_FAILED', 'UNKNOWN_UNIT', 'CO_HANDLER_IS_LEAD', 'CO_HANDLER_DUPLICATE', 'CO_HANDLER_NOT_FOUND', 'CO_HANDLING_OPEN',
]);

/** Runs a human step as an update on the case's workflow, which decides; its refusals become domain errors. */
@Injectable()
export class CaseUpdatesService {
  constructor(private readonly temporal: TemporalClientService) {}

  async run(principal: Principal, workflowId: string, update: string, body: object): Promise<void> {
    try {
      await this.temporal.client.workflow.getHandle(workflowId).executeUpdate(update, { args: [{ ...body, actorId: principal.personId }] });
    } catch (err) {
      let cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
      if (cause instanceof ActivityFailure) cause = cause.cause;
      if (cause instanceof ApplicationFailure && cause.type && REFUSALS.has(cause.type)) throw new DomainError(cause.type as ErrorCode, cause.message);
      throw err;
    }
  }
}
