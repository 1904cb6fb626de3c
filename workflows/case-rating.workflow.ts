import {
  allHandlersFinished,
  condition,
  defineQuery,
  defineUpdate,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  startChild,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import type { CaseRatingActivities } from '../activities/case-rating.activities';
import { rateRefusal } from '../src/shared/process/case-rating.states';
import type { RatingState } from '../src/shared/process/case-rating.states';
import { yellowCardWorkflow } from './yellow-card.workflow';
import { refuse } from './refusal';
import { keepSearchAttributes } from './search-attributes';

export type { RatingState } from '../src/shared/process/case-rating.states';
export interface CaseRatingInput {
  caseId: string;
  windowEndsMs: number;
}
export interface RateInput {
  raterPersonId?: string;
  stars: number;
  comment?: string;
}

export const rateUpdate = defineUpdate<RatingState, [RateInput]>('rate');
export const ratingStateQuery = defineQuery<{ state: RatingState; windowEndsAt: string }>('ratingState');

const { recordCaseRating, recordCaseUnrated } = proxyActivities<CaseRatingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * 一事一评: the rating window of one closed case. The first valid rating wins (updates run one at a time, and the state
 * moves before the write, so a racing second rating is refused); a one-star rating starts its yellow card(s) as
 * abandoned children, which outlive this window. At the window's end an unrated case is recorded as unrated.
 */
export async function caseRatingWorkflow(input: CaseRatingInput): Promise<RatingState> {
  let state: RatingState = 'OPEN';
  setHandler(ratingStateQuery, () => ({ state, windowEndsAt: new Date(input.windowEndsMs).toISOString() }));
  keepSearchAttributes('case-rating', () => ({ state }));

  setHandler(
    rateUpdate,
    async (r) => {
      state = 'RATED';
      const recorded = await recordCaseRating({
        caseId: input.caseId,
        stars: r.stars,
        comment: r.comment,
        raterPersonId: r.raterPersonId,
      });
      for (const card of recorded.cards) {
        await startChild(yellowCardWorkflow, {
          workflowId: card.workflowId,
          args: [card.input],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
      }
      return state;
    },
    {
      validator: (r: RateInput) => {
        const refusal = rateRefusal(state, Date.now(), input.windowEndsMs);
        if (refusal) refuse(refusal.code, refusal.message);
        if (!Number.isInteger(r?.stars) || r.stars < 1 || r.stars > 5) refuse('VALIDATION_FAILED', '评价须为 1–5 星');
        if (r.comment !== undefined && (typeof r.comment !== 'string' || r.comment.length > 500))
          refuse('VALIDATION_FAILED', '评价意见最多 500 字');
      },
    },
  );

  const remainingMs = input.windowEndsMs - Date.now();
  const rated = remainingMs > 0 ? await condition(() => state !== 'OPEN', remainingMs) : false;
  if (!rated) {
    state = 'UNRATED';
    await recordCaseUnrated({ caseId: input.caseId });
  }
  await condition(allHandlersFinished);
  return state;
}
