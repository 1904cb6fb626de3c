import { Injectable } from '@nestjs/common';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import type { ErrorCode } from '../../common/errors/error-code';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { updateOrRefuse } from '../../infra/temporal/workflow-calls';
import { rateRefusal } from '../../shared/process/case-rating.states';
import { RequestCaseRepository } from '../request-case/request-case.repository';
import type { RateDto } from './dto/case-rating.dto';
import { CaseRatingRepository } from './case-rating.repository';
import { ratingWorkflowId, CaseRatingWindowService } from './case-rating-window.service';

const REFUSALS: ReadonlySet<string> = new Set<ErrorCode>([
  'ALREADY_RATED',
  'RATING_WINDOW_CLOSED',
  'VALIDATION_FAILED',
]);

/** The reporter's side of 一事一评: rate their own closed case once, within the window the case's policy sets. */
@Injectable()
export class CaseRatingService {
  constructor(
    private readonly cases: RequestCaseRepository,
    private readonly ratings: CaseRatingRepository,
    private readonly window: CaseRatingWindowService,
    private readonly temporal: TemporalClientService,
  ) {}

  /** Quick refusals from the read model first; the case's rating workflow decides (and serialises racing ratings). */
  async rate(principal: Principal, caseId: string, dto: RateDto) {
    const found = await this.requireOwn(principal, caseId);
    if (found.status !== 'CLOSED') throw new DomainError('CASE_NOT_CLOSED', '诉求办结后才能评价');
    const existing = await this.ratings.ratingOf(caseId);
    const state = existing?.outcome ?? 'OPEN';
    const windowEndsMs =
      state === 'OPEN' ? (await this.window.windowEndsAt(found)).getTime() : Number.POSITIVE_INFINITY;
    const refusal = rateRefusal(state, Date.now(), windowEndsMs);
    if (refusal) throw new DomainError(refusal.code, refusal.message);
    const rating = { stars: dto.stars, comment: dto.comment, raterPersonId: principal.personId };
    const rate = () => updateOrRefuse(this.temporal.client, ratingWorkflowId(caseId), 'rate', rating, REFUSALS);
    try {
      await rate();
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      // closed before its window was opened (e.g. the activity is still retrying): open it now, then rate
      await this.window.open(found, false);
      await rate();
    }
    return this.view(principal, caseId);
  }

  /** The rating state of the reporter's own case: not yet closed, open (until when), rated, or unrated. */
  async view(principal: Principal, caseId: string) {
    const found = await this.requireOwn(principal, caseId);
    const rating = await this.ratings.ratingOf(caseId);
    if (rating) {
      return {
        caseId,
        state: rating.outcome,
        stars: rating.stars,
        comment: rating.comment,
        ratedAt: rating.outcome === 'RATED' ? rating.createdAt : null,
        windowEndsAt: rating.windowEndsAt,
      };
    }
    if (found.status !== 'CLOSED')
      return { caseId, state: 'NOT_CLOSED', stars: null, comment: null, ratedAt: null, windowEndsAt: null };
    return {
      caseId,
      state: 'OPEN',
      stars: null,
      comment: null,
      ratedAt: null,
      windowEndsAt: await this.window.windowEndsAt(found),
    };
  }

  private async requireOwn(principal: Principal, caseId: string) {
    const found = await this.cases.ownCase(caseId, { personId: principal.personId, phone: principal.phone });
    if (!found) throw new DomainError('NOT_FOUND', '诉求不存在，或不是您反映的诉求');
    return found;
  }
}
