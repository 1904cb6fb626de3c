import type { RatingPolicy } from './rating-policy.schema';

/** Version 1 of the rating policy: docs/domain.md, Process 2 (一事一评, 黄牌预警). */
export const DEFAULT_RATING_POLICY: RatingPolicy = {
  points: { fiveStar: { unit: 5, person: 3 }, oneStar: { unit: -2, person: -1 } },
  yellowCard: {
    holder: 'UNIT',
    explanationLimit: { unit: 'workingDays', amount: 3 },
    resubmitLimit: { unit: 'workingDays', amount: 2 },
    appealWindow: { unit: 'workingDays', amount: 3 },
    reminderFractions: [0.5, 0.8],
    escalation: ['STREET', 'DISTRICT'],
  },
  repeats: { periodDays: 365, interviewAt: 2, interviewLimit: { unit: 'workingDays', amount: 5 }, annualReviewAt: 3 },
};
