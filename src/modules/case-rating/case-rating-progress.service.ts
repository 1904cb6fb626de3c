import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { Prisma } from '../../generated/prisma/client';
import type { HolderKind } from '../../generated/prisma/enums';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { OrgRepository } from '../org/org.repository';
import { ProcessPolicyService } from '../policy/policy.service';
import type { RatingPolicy } from '../policy/rating-policy.schema';
import { PointsRepository } from '../points/points.repository';
import { CaseRatingRepository } from './case-rating.repository';
import type { CardStart, RatingInput, RatingRecorded } from './case-rating.types';
import { ratingWorkflowId, CaseRatingWindowService } from './case-rating-window.service';

export const cardWorkflowId = (caseId: string, holder: HolderKind) => `card-${caseId}-${holder.toLowerCase()}`;
const holderKinds = (policy: RatingPolicy): HolderKind[] =>
  policy.yellowCard.holder === 'BOTH' ? ['UNIT', 'PERSON'] : [policy.yellowCard.holder];

/** The case-rating workflow's activities: one rating row per case, its points entries and the cards a one-star rating issues. */
@Injectable()
export class CaseRatingProgressService {
  constructor(
    private readonly ratings: CaseRatingRepository,
    private readonly points: PointsRepository,
    private readonly org: OrgRepository,
    private readonly policies: ProcessPolicyService,
    private readonly calendars: CalendarService,
    private readonly window: CaseRatingWindowService,
    private readonly audit: AuditService,
  ) {}

  async recordRating(input: RatingInput): Promise<RatingRecorded> {
    const found = await this.requireCase(input.caseId);
    const existing = await this.ratings.ratingOf(input.caseId);
    // a retried activity re-uses the version it first recorded, so its points and cards never change
    const policy = existing
      ? await this.policies.get('rating', existing.policyVersion)
      : await this.policies.current('rating');
    const unitId = found.accountableUnitId ?? found.gridId;
    const windowEndsAt = await this.window.windowEndsAt(found);
    const rating = await this.ratings.transaction(async (tx) => {
      const row = await this.ratings.insertRatingOnce(
        {
          caseId: input.caseId,
          outcome: 'RATED',
          stars: input.stars,
          comment: input.comment?.trim() || null,
          raterPersonId: input.raterPersonId ?? null,
          unitId,
          personId: found.handledBy,
          policyVersion: policy.version,
          windowEndsAt,
        },
        tx,
      );
      const values =
        row.stars === 5 ? policy.data.points.fiveStar : row.stars === 1 ? policy.data.points.oneStar : null;
      if (values && row.unitId) {
        const reason = row.stars === 5 ? `诉求 ${found.caseNo} 获五星评价` : `诉求 ${found.caseNo} 获一星评价`;
        const entries: Prisma.PointsEntryCreateManyInput[] = [
          {
            holderKind: 'UNIT',
            unitId: row.unitId,
            points: values.unit,
            reason,
            caseId: row.caseId,
            policyVersion: row.policyVersion,
            dedupKey: `rating:${row.caseId}:UNIT`,
          },
          ...(row.personId
            ? [
                {
                  holderKind: 'PERSON' as const,
                  unitId: row.unitId,
                  personId: row.personId,
                  points: values.person,
                  reason,
                  caseId: row.caseId,
                  policyVersion: row.policyVersion,
                  dedupKey: `rating:${row.caseId}:PERSON`,
                },
              ]
            : []),
        ];
        await this.points.addPointsOnce(
          entries.filter((e) => e.points !== 0),
          tx,
        );
      }
      const created = await this.ratings.addCaseEventOnce(
        {
          caseId: row.caseId,
          dedupKey: `${ratingWorkflowId(row.caseId)}:rated`,
          kind: 'RATED',
          actorId: row.raterPersonId,
          note: row.comment,
          data: { stars: row.stars },
        },
        tx,
      );
      if (created)
        await this.audit.record(
          {
            action: 'case.rate',
            entityType: 'case_rating',
            entityId: row.id,
            unitId,
            actorId: row.raterPersonId ?? undefined,
            after: row,
          },
          tx,
        );
      return row;
    });
    if (rating.stars !== 1 || !rating.unitId) return { ratingId: rating.id, cards: [] };
    return {
      ratingId: rating.id,
      cards: await this.cardsFor(rating.id, input.caseId, rating.unitId, rating.personId, policy.version, policy.data),
    };
  }

  async recordUnrated(caseId: string): Promise<void> {
    const found = await this.requireCase(caseId);
    const policy = await this.policies.current('rating');
    const windowEndsAt = await this.window.windowEndsAt(found);
    await this.ratings.transaction(async (tx) => {
      const row = await this.ratings.insertRatingOnce(
        {
          caseId,
          outcome: 'UNRATED',
          unitId: found.accountableUnitId ?? found.gridId,
          personId: found.handledBy,
          policyVersion: policy.version,
          windowEndsAt,
        },
        tx,
      );
      const created = await this.ratings.addCaseEventOnce(
        {
          caseId,
          dedupKey: `${ratingWorkflowId(caseId)}:unrated`,
          kind: 'UNRATED',
          note: '评价期限届满，群众未评价',
          data: {},
        },
        tx,
      );
      if (created)
        await this.audit.record(
          { action: 'case.unrated', entityType: 'case_rating', entityId: row.id, unitId: row.unitId, after: row },
          tx,
        );
    });
  }

  /** One card per configured holder kind; a person card needs a known handler. Deadlines are frozen with the district's calendar. */
  private async cardsFor(
    ratingId: string,
    caseId: string,
    unitId: string,
    personId: string | null,
    version: number,
    policy: RatingPolicy,
  ): Promise<CardStart[]> {
    const district = (await this.org.ancestorsOf(unitId)).find((a) => a.ancestor.kind === 'DISTRICT')?.ancestor.id;
    const { calendar } = await this.calendars.effectiveCalendar(district);
    const card = policy.yellowCard;
    return holderKinds(policy)
      .filter((kind) => kind === 'UNIT' || personId)
      .map((holderKind) => ({
        workflowId: cardWorkflowId(caseId, holderKind),
        input: {
          caseId,
          ratingId,
          holderKind,
          unitId,
          ...(holderKind === 'PERSON' && personId ? { personId } : {}),
          policyVersion: version,
          explanationLimit: card.explanationLimit,
          resubmitLimit: card.resubmitLimit,
          appealWindow: card.appealWindow,
          reminderFractions: card.reminderFractions,
          escalation: card.escalation,
          interviewLimit: policy.repeats.interviewLimit,
          calendar,
        },
      }));
  }

  private async requireCase(caseId: string) {
    const row = await this.ratings.caseForRating(caseId);
    if (!row) throw ApplicationFailure.nonRetryable(`诉求 ${caseId} 不存在`, 'NOT_FOUND');
    return row;
  }
}
