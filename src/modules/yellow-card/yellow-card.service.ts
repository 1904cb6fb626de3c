import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { Principal } from '../../common/auth/principal';
import type { UnitScope } from '../../common/auth/unit-scope';
import { DomainError } from '../../common/errors/domain-error';
import type { ErrorCode } from '../../common/errors/error-code';
import { pageOf, toSkipTake } from '../../common/http/pagination';
import { cardActionRefusal, interviewRefusal } from '../../shared/process/yellow-card.states';
import type { CardAction as CardStep } from '../../shared/process/yellow-card.states';
import { ratio } from '../../shared/ratio';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { queryWithin, updateOrRefuse } from '../../infra/temporal/workflow-calls';
import type { CardView } from '../../../workflows/yellow-card.workflow';
import type { CardSummaryQuery, ListCardsQuery } from './dto/yellow-card.dto';
import { cardsInScope, YellowCardRepository } from './yellow-card.repository';

export type CardAction = CardStep | 'recordInterview';
const REFUSALS: ReadonlySet<string> = new Set<ErrorCode>([
  'ILLEGAL_TRANSITION',
  'VALIDATION_FAILED',
  'APPEAL_ALREADY_USED',
  'APPEAL_WINDOW_CLOSED',
]);

/** 黄牌预警 for staff: scoped lists, detail with timeline and the live deadline, the holder's and supervisors' steps, summaries. */
@Injectable()
export class YellowCardService {
  constructor(
    private readonly cards: YellowCardRepository,
    private readonly temporal: TemporalClientService,
  ) {}

  async list(scope: UnitScope, q: ListCardsQuery) {
    const where: Prisma.YellowCardWhereInput = {
      ...cardsInScope(scope),
      ...(q.status ? { status: q.status } : {}),
      ...(q.holderKind ? { holderKind: q.holderKind } : {}),
      ...(q.unitId ? { unitId: q.unitId } : {}),
      ...(q.personId ? { personId: q.personId } : {}),
      ...(q.annualReview !== undefined ? { annualReview: q.annualReview } : {}),
      ...(q.from || q.to
        ? { issuedAt: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lt: new Date(q.to) } : {}) } }
        : {}),
    };
    const [items, total] = await this.cards.listCards(where, toSkipTake(q));
    return pageOf(items, total, q);
  }

  async detail(scope: UnitScope, id: string) {
    const found = await this.cards.cardInScope(id, scope);
    if (!found) throw new DomainError('NOT_FOUND', '黄牌不存在或不在您的管辖范围内');
    const { events, ...card } = found;
    return { ...card, timeline: events, live: await this.liveView(found.workflowId) };
  }

  async act(principal: Principal, scope: UnitScope, id: string, action: CardAction, body: object) {
    const found = await this.cards.cardInScope(id, scope);
    if (!found) throw new DomainError('NOT_FOUND', '黄牌不存在或不在您的管辖范围内');
    // a quick refusal from the read model, by the same table the card's workflow checks authoritatively in its update validators
    const refusal =
      action === 'recordInterview'
        ? interviewRefusal(found.interview?.status)
        : cardActionRefusal(action, found.status);
    if (refusal) throw new DomainError(refusal.code, refusal.message);
    await updateOrRefuse(
      this.temporal.client,
      found.workflowId,
      action,
      { ...body, actorId: principal.personId },
      REFUSALS,
    );
    return this.detail(scope, id);
  }

  async summary(scope: UnitScope, q: CardSummaryQuery) {
    const rows = await this.cards.cardSummary(scope, new Date(q.from), new Date(q.to), q.level);
    const items = rows.map(({ id, code, name, kind, ...counts }) => ({
      unit: { id, code, name, kind },
      ...counts,
      rectifiedOnTimeRate: ratio(counts.rectifiedOnTime, counts.rectified),
    }));
    return { from: q.from, to: q.to, level: q.level, total: items.length, items };
  }

  /** The workflow's own view (state, the running deadline, appeal window, interview); null when it cannot answer quickly. */
  private liveView(workflowId: string): Promise<CardView | null> {
    return queryWithin<CardView>(this.temporal.client, workflowId, 'card');
  }
}
