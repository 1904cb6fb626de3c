import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import type { ErrorCode } from '../../common/errors/error-code';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { updateOrRefuse } from '../../infra/temporal/workflow-calls';

/** Refusals a case's workflow answers with (validators, or an activity that found bad input): each is the API's error code. */
const REFUSALS: ReadonlySet<string> = new Set<ErrorCode>([
  'ILLEGAL_TRANSITION',
  'VALIDATION_FAILED',
  'UNKNOWN_UNIT',
  'CO_HANDLER_IS_LEAD',
  'CO_HANDLER_DUPLICATE',
  'CO_HANDLER_NOT_FOUND',
  'CO_HANDLING_OPEN',
]);

/** Runs a human step as an update on the case's workflow, which decides; its refusals become domain errors. */
@Injectable()
export class CaseUpdatesService {
  constructor(private readonly temporal: TemporalClientService) {}

  run(principal: Principal, workflowId: string, update: string, body: object): Promise<void> {
    return updateOrRefuse(this.temporal.client, workflowId, update, { ...body, actorId: principal.personId }, REFUSALS);
  }
}
