import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { CardStatus } from '../../generated/prisma/enums';
import type { Principal } from '../../common/auth/principal';
import type { UnitScope } from '../../common/auth/unit-scope';
import { DomainError } from '../../common/errors/domain-error';
import type { ErrorCode } from '../../common/errors/error-code';
import { pageOf, toSkipTake } from '../../common/http/pagination';
import { ratio } from '../../shared/ratio';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { queryWithin, updateOrRefuse } from '../../infra/temporal/workflow-calls';
import type { CardView } from '../../../workflows/yellow-card.workflow';
import type { CardSummaryQuery, ListCardsQuery } from './dto/rating.dto';
import { RatingMeasuresRepository } from './rating-measures.repository';
import { cardsInScope, RatingRepository } from './rating.repository';

export type CardAction = 'submit' | 'review' | 'appeal' | 'decideAppeal' | 'recordInterview';
const REFUSALS: ReadonlySet<string> = new Set<ErrorCode>(['ILLEGAL_TRANSITION', 'VALIDATION_FAILED', 'APPEAL_ALREADY_USED', 'APPEAL_WINDOW_CLOSED']);
/** A quick refusal from the read model; the card's workflow makes the authoritative check in its update validators. */
const allowedFrom: Record<Exclude<CardAction, 'recordInterview'>, { from: CardStatus[]; label: string }> = {
  submit: { from: ['ISSUED', 'SENT_BACK'], label: '提交说明和整改方案' },
  review: { from: ['SUBMITTED'], label: '审核' },
  appeal: { from: ['ISSUED', 'SUBMITTED', 'SENT_BACK'], label: '申诉' },
  decideAppeal: { from: ['APPEALED'], label: '裁决申诉' },
};

/** 黄牌预警 for staff: scoped lists, detail with timeline and the live deadline, the holder's and supervisors' steps, summaries. */
@Injectable()
export class YellowCardService {
  constructor(
    private readonly ratings: RatingRepository,
    private readonly measures: RatingMeasuresRepository,
    private readonly temporal: TemporalClientService,
  ) {}

  async list(scope: UnitScope, q: ListCardsQuery) {
    const where: Prisma.YellowCardWhereInput = {
      ...cardsInScope(scope),
      ...(q.status ? { status: q.status } : {}), ...(q.holderKind ? { holderKind: q.holderKind } : {}),
      ...(q.unitId ? { unitId: q.unitId } : {}), ...(q.personId ? { personId: q.personId } : {}),
      ...(q.annualReview !== undefined ? { annualReview: q.annualReview } : {}),
      ...(q.from || q.to ? { issuedAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) } } : {}),
    };
    const [items, total] = await this.ratings.listCards(where, toSkipTake(q));
    return pageOf(items, total, q);
  }

  async detail(scope: UnitScope, id: string) {
    const found = await this.ratings.cardInScope(id, scope);
    if (!found) throw new DomainError('NOT_FOUND', '黄牌不存在或不在您的管辖范围内');
    const { events, ...card } = found;
    return { ...card, timeline: events, live: await this.liveView(found.workflowId) };
  }

  async act(principal: Principal, scope: UnitScope, id: string, action: CardAction, body: object) {
    const found = await this.ratings.cardInScope(id, scope);
    if (!found) throw new DomainError('NOT_FOUND', '黄牌不存在或不在您的管辖范围内');
    if (action === 'recordInterview') {
      if (found.interview?.status !== 'SCHEDULED') throw new DomainError('ILLEGAL_TRANSITION', '这张黄牌没有待进行的约谈');
    } else if (!allowedFrom[action].from.includes(found.status)) {
      throw new DomainError('ILLEGAL_TRANSITION', `黄牌当前状态为 ${found.status}，不能${allowedFrom[action].label}`);
    }
    await updateOrRefuse(this.temporal.client, found.workflowId, action, { ...body, actorId: principal.personId }, REFUSALS);
    return this.detail(scope, id);
  }

  async summary(scope: UnitScope, q: CardSummaryQuery) {
    const rows = await this.measures.cardSummary(scope, new Date(q.from), new Date(q.to), q.level);
    const items = rows.map(({ id, code, name, kind, ...counts }) => ({
      unit: { id, code, name, kind }, ...counts,
      rectifiedOnTimeRate: ratio(counts.rectifiedOnTime, counts.rectified),
    }));
    return { from: q.from, to: q.to, level: q.level, total: items.length, items };
  }

  /** The workflow's own view (state, the running deadline, appeal window, interview); null when it cannot answer quickly. */
  private liveView(workflowId: string): Promise<CardView | null> {
    return queryWithin<CardView>(this.temporal.client, workflowId, 'card');
  }
}
