import type { CaseRatingProgressService } from '../src/modules/case-rating/case-rating-progress.service';
import type { RatingInput } from '../src/modules/case-rating/case-rating.types';

export function caseRatingActivities(ratings: CaseRatingProgressService) {
  return {
    recordCaseRating: (input: RatingInput) => ratings.recordRating(input),
    recordCaseUnrated: (input: { caseId: string }) => ratings.recordUnrated(input.caseId),
  };
}

export type CaseRatingActivities = ReturnType<typeof caseRatingActivities>;
