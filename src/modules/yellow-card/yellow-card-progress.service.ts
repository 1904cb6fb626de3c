import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { Prisma } from '../../generated/prisma/client';
import type { Role } from '../../generated/prisma/enums';
import { AuditService } from '../audit/audit.service';
import { NotificationService } from '../notification/notification.service';
import type { Recipient } from '../notification/notification.types';
import { OrgRepository } from '../org/org.repository';
import { toCstMinute } from '../../shared/calendar';
import { referenceNo } from '../../shared/reference-no';
import { ProcessPolicyService } from '../policy/policy.service';
import type { CardEscalationLevel } from '../policy/rating-policy.schema';
import { CaseRatingRepository } from '../case-rating/case-rating.repository';
import { PointsRepository } from '../points/points.repository';
import { YellowCardRepository } from './yellow-card.repository';
import type {
  CardDeadlineKind,
  CardEscalationInput,
  CardIssued,
  CardPatch,
  CardReminderInput,
  CardStepInput,
  CardVoidInput,
  YellowCardInput,
} from './yellow-card.types';

type CardRow = NonNullable<Awaited<ReturnType<YellowCardRepository['cardByWorkflow']>>>;

const DAY_MS = 86_400_000;
const whatLabel: Record<CardDeadlineKind, string> = { explanation: '书面说明与整改方案', interview: '约谈' };
const levelLabel: Record<CardEscalationLevel, string> = { STREET: '街道', DISTRICT: '区级' };
const eventLabel: Record<string, string> = {
  SUBMITTED: '已提交说明和整改方案，待审核',
  RECTIFIED: '整改已通过审核，黄牌关闭',
  SENT_BACK: '说明和整改方案被退回修改',
  APPEALED: '已提出申诉，待裁决',
  APPEAL_UPHELD: '申诉成立，黄牌撤销',
  APPEAL_REJECTED: '申诉被驳回，黄牌继续',
  VOIDED_WITH_RATING: '所涉评价已撤销，黄牌一并撤销',
};
const dateOf = (ms?: number) => (ms === undefined ? undefined : new Date(ms));

function rowPatch(p: CardPatch = {}): Prisma.YellowCardUncheckedUpdateInput {
  const out: Prisma.YellowCardUncheckedUpdateInput = {
    explanation: p.explanation,
    rectificationPlan: p.rectificationPlan,
    submittedAt: dateOf(p.submittedAtMs),
    closedAt: dateOf(p.closedAtMs),
    rectifiedOnTime: p.rectifiedOnTime,
    appealedAt: dateOf(p.appealedAtMs),
    appealReason: p.appealReason,
    appealEvidence: p.appealEvidence,
    appealDecision: p.appealDecision,
    appealDecisionReason: p.appealDecisionReason,
    appealDecidedBy: p.appealDecidedBy,
    appealDecidedAt: dateOf(p.appealDecidedAtMs),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** The yellow-card workflow's activities: each timeline entry keyed by workflowId + step, notifications by the same key. */
@Injectable()
export class YellowCardProgressService {
  constructor(
    private readonly cards: YellowCardRepository,
    private readonly ratings: CaseRatingRepository,
    private readonly points: PointsRepository,
    private readonly org: OrgRepository,
    private readonly policies: ProcessPolicyService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  async issue(
    workflowId: string,
    input: YellowCardInput & { dueAtMs: number; appealEndsMs: number },
  ): Promise<CardIssued> {
    const { data: policy } = await this.policies.get('rating', input.policyVersion);
    const card = await this.cards.transaction(async (tx) => {
      const existing = await this.cards.cardByWorkflow(workflowId, tx);
      if (existing) return existing;
      const holderKey = input.holderKind === 'PERSON' ? `person:${input.personId}` : `unit:${input.unitId}`;
      await this.cards.lockHolder(holderKey, tx);
      const now = new Date();
      const repeatCount =
        (await this.cards.liveCardsOf(input, new Date(now.getTime() - policy.repeats.periodDays * DAY_MS), tx)) + 1;
      const id = randomUUID();
      const created = await this.cards.createCard(
        {
          id,
          cardNo: referenceNo('HP', id, now),
          workflowId,
          caseId: input.caseId,
          ratingId: input.ratingId,
          holderKind: input.holderKind,
          unitId: input.unitId,
          personId: input.personId ?? null,
          policyVersion: input.policyVersion,
          issuedAt: now,
          dueAt: new Date(input.dueAtMs),
          repeatCount,
          annualReview: repeatCount >= policy.repeats.annualReviewAt,
        },
        tx,
      );
      await this.cards.addCardEventOnce(
        {
          cardId: id,
          dedupKey: `${workflowId}:issued`,
          kind: 'ISSUED',
          data: {
            repeatCount,
            dueAt: new Date(input.dueAtMs).toISOString(),
            appealEndsAt: new Date(input.appealEndsMs).toISOString(),
          },
        },
        tx,
      );
      if (created.annualReview) {
        await this.cards.addCardEventOnce(
          {
            cardId: id,
            dedupKey: `${workflowId}:annual-review`,
            kind: 'ANNUAL_REVIEW_FLAGGED',
            note: `统计周期内第 ${repeatCount} 张黄牌，列入年度述职评议`,
            data: { repeatCount },
          },
          tx,
        );
      }
      await this.cards.addCaseEventOnce(
        {
          caseId: input.caseId,
          dedupKey: `${workflowId}:issued`,
          kind: 'YELLOW_CARD',
          note: created.cardNo,
          data: { cardId: id, holderKind: input.holderKind },
        },
        tx,
      );
      await this.audit.record(
        {
          action: 'card.issue',
          entityType: 'yellow_card',
          entityId: id,
          unitId: input.unitId,
          workflowId,
          after: created,
        },
        tx,
      );
      return created;
    });
    const caseKeys = await this.cards.caseKeysOf(card.caseId);
    const holder = await this.holder(card);
    await this.notifications.notify({
      recipients: [...holder.recipients, ...(await this.leaderOf(card))],
      template: 'card.issued',
      data: {
        cardNo: card.cardNo,
        caseNo: caseKeys?.caseNo ?? '',
        holderLabel: holder.label,
        deadline: toCstMinute(input.dueAtMs),
        repeatCount: card.repeatCount,
      },
      options: { dedupKey: `${workflowId}:issued`, urgency: 'URGENT' },
    });
    return {
      cardId: card.id,
      repeatCount: card.repeatCount,
      interview: card.repeatCount >= policy.repeats.interviewAt,
      annualReview: card.annualReview,
      ...(caseKeys ? { keys: { cardNo: card.cardNo, ...caseKeys } } : {}),
    };
  }

  async recordStep(workflowId: string, input: CardStepInput): Promise<void> {
    const card = await this.cards.transaction(async (tx) => {
      const before = await this.requireCard(workflowId, tx);
      const created = await this.cards.addCardEventOnce(
        {
          cardId: before.id,
          dedupKey: `${workflowId}:${input.step}`,
          kind: input.kind,
          actorId: input.actorId,
          note: input.note,
          data: (input.data ?? {}) as Prisma.InputJsonValue,
        },
        tx,
      );
      if (!created) return null;
      const after = await this.cards.updateCard(
        before.id,
        {
          ...rowPatch(input.patch),
          ...(input.status ? { status: input.status } : {}),
          ...(input.dueAtMs ? { dueAt: new Date(input.dueAtMs) } : {}),
        },
        tx,
      );
      if (input.interviewHeld) {
        await this.cards.updateInterview(
          before.id,
          {
            status: 'HELD',
            heldAt: new Date(input.interviewHeld.atMs),
            heldBy: input.interviewHeld.by,
            note: input.interviewHeld.note,
          },
          tx,
        );
      }
      await this.audit.record(
        {
          action: `card.${input.kind.toLowerCase()}`,
          entityType: 'yellow_card',
          entityId: before.id,
          unitId: before.unitId,
          actorId: input.actorId,
          workflowId,
          before,
          after,
        },
        tx,
      );
      return after;
    });
    const label = eventLabel[input.kind];
    if (!card || !label) return;
    // the holder hears of decisions; a submission goes to the reviewers
    const recipients =
      input.kind === 'SUBMITTED' || input.kind === 'APPEALED'
        ? await this.supervisorsOf(card, 'STREET')
        : (await this.holder(card)).recipients;
    await this.notifications.notify({
      recipients,
      template: 'card.progress',
      data: { cardNo: card.cardNo, eventLabel: label, note: input.note ?? '' },
      options: { dedupKey: `${workflowId}:${input.step}` },
    });
  }

  async remind(workflowId: string, input: CardReminderInput): Promise<void> {
    const card = await this.cards.transaction(async (tx) => {
      const found = await this.requireCard(workflowId, tx);
      await this.cards.addCardEventOnce(
        {
          cardId: found.id,
          dedupKey: `${workflowId}:${input.step}`,
          kind: 'REMINDED',
          data: { what: input.what, percent: input.percent },
        },
        tx,
      );
      return found;
    });
    const recipients =
      input.what === 'interview' ? await this.supervisorsOf(card, 'STREET') : (await this.holder(card)).recipients;
    await this.notifications.notify({
      recipients,
      template: 'card.reminder',
      data: {
        cardNo: card.cardNo,
        whatLabel: whatLabel[input.what],
        deadline: toCstMinute(input.deadlineMs),
        percent: input.percent,
      },
      options: { dedupKey: `${workflowId}:${input.step}` },
    });
  }

  async escalate(workflowId: string, input: CardEscalationInput): Promise<void> {
    const card = await this.cards.transaction(async (tx) => {
      const found = await this.requireCard(workflowId, tx);
      const data = {
        what: input.what,
        level: input.level,
        lapsedDeadline: new Date(input.lapsedDeadlineMs).toISOString(),
        ...(input.nextDueAtMs ? { nextDueAt: new Date(input.nextDueAtMs).toISOString() } : {}),
      };
      const created = await this.cards.addCardEventOnce(
        {
          cardId: found.id,
          dedupKey: `${workflowId}:${input.step}`,
          kind: 'ESCALATED',
          note: `${whatLabel[input.what]}超时，上报${levelLabel[input.level]}`,
          data,
        },
        tx,
      );
      if (!created) return found;
      const after =
        input.what === 'explanation'
          ? await this.cards.updateCard(
              found.id,
              {
                escalationLevel: { increment: 1 },
                ...(input.nextDueAtMs ? { dueAt: new Date(input.nextDueAtMs) } : {}),
              },
              tx,
            )
          : found;
      await this.audit.record(
        {
          action: 'card.escalate',
          entityType: 'yellow_card',
          entityId: found.id,
          unitId: found.unitId,
          workflowId,
          after: data,
        },
        tx,
      );
      return after;
    });
    const holder = await this.holder(card);
    await this.notifications.notify({
      recipients: [...(await this.supervisorsOf(card, input.level)), ...holder.recipients],
      template: 'card.escalation',
      data: {
        cardNo: card.cardNo,
        whatLabel: whatLabel[input.what],
        deadline: toCstMinute(input.lapsedDeadlineMs),
        levelLabel: levelLabel[input.level],
        holderLabel: holder.label,
      },
      options: { dedupKey: `${workflowId}:${input.step}`, urgency: 'URGENT' },
    });
  }

  async scheduleInterview(workflowId: string, input: { dueAtMs: number; repeatCount: number }): Promise<void> {
    const card = await this.cards.transaction(async (tx) => {
      const found = await this.requireCard(workflowId, tx);
      const created = await this.cards.openInterviewOnce({ cardId: found.id, dueAt: new Date(input.dueAtMs) }, tx);
      if (created) {
        await this.cards.addCardEventOnce(
          {
            cardId: found.id,
            dedupKey: `${workflowId}:interview`,
            kind: 'INTERVIEW_SCHEDULED',
            note: `统计周期内第 ${input.repeatCount} 张黄牌，安排约谈`,
            data: { dueAt: new Date(input.dueAtMs).toISOString() },
          },
          tx,
        );
        await this.audit.record(
          {
            action: 'card.interview.schedule',
            entityType: 'yellow_card',
            entityId: found.id,
            unitId: found.unitId,
            workflowId,
            after: { dueAt: new Date(input.dueAtMs) },
          },
          tx,
        );
      }
      return found;
    });
    const holder = await this.holder(card);
    await this.notifications.notify({
      recipients: [...(await this.supervisorsOf(card, 'STREET')), ...holder.recipients],
      template: 'card.interview',
      data: {
        cardNo: card.cardNo,
        holderLabel: holder.label,
        deadline: toCstMinute(input.dueAtMs),
        repeatCount: input.repeatCount,
      },
      options: { dedupKey: `${workflowId}:interview`, urgency: 'URGENT' },
    });
  }

  /**
   * An upheld appeal: the rating is struck out of the measures and every points entry it caused is reversed by a new
   * entry; the interview is cancelled. Returns the rating's other live cards, which the workflow voids in turn.
   */
  async voidCard(workflowId: string, input: CardVoidInput): Promise<{ siblingWorkflowIds: string[] }> {
    return this.cards.transaction(async (tx) => {
      const card = await this.requireCard(workflowId, tx);
      const at = new Date(input.decidedAtMs);
      await this.ratings.strikeOut(card.ratingId, input.reason, at, tx);
      const entries = await this.points.pointsOfCase(card.caseId, tx);
      const reversed = await this.points.addPointsOnce(
        entries.map((e) => ({
          holderKind: e.holderKind,
          unitId: e.unitId,
          personId: e.personId,
          points: -e.points,
          reason: `申诉成立，冲销：${e.reason}`,
          caseId: e.caseId,
          policyVersion: e.policyVersion,
          reversesId: e.id,
          dedupKey: `reversal:${e.id}`,
        })),
        tx,
      );
      await this.cards.updateInterview(card.id, { status: 'CANCELLED' }, tx);
      if (reversed) {
        await this.audit.record(
          {
            action: 'rating.strike-out',
            entityType: 'case_rating',
            entityId: card.ratingId,
            unitId: card.unitId,
            actorId: input.actorId,
            workflowId,
            after: { reason: input.reason, reversedEntries: reversed },
          },
          tx,
        );
      }
      return {
        siblingWorkflowIds: (await this.cards.siblingCards(card.ratingId, workflowId, tx)).map((c) => c.workflowId),
      };
    });
  }

  /** Who holds the card (the person, or the unit's posts) and how messages name them, from one look-up of the unit. */
  private async holder(card: CardRow): Promise<{ recipients: Recipient[]; label: string }> {
    const unit = await this.org.findUnit(card.unitId);
    if (card.holderKind === 'PERSON' && card.personId)
      return { recipients: [{ personId: card.personId }], label: `${unit?.name ?? ''}承办人` };
    const roles: Role[] =
      unit?.kind === 'GRID'
        ? ['GRID_LEADER', 'GRID_WORKER']
        : unit?.kind === 'DEPARTMENT'
          ? ['DEPARTMENT_HEAD']
          : ['COMMUNITY_SECRETARY'];
    return { recipients: roles.map((role) => ({ role, unitId: card.unitId })), label: unit?.name ?? '承办单位' };
  }

  /** The holder's leader: the community secretary above a grid or person, the street leader above anything else. */
  private async leaderOf(card: CardRow): Promise<Recipient[]> {
    const chain = await this.org.ancestorsOf(card.unitId);
    const community = chain.find((c) => c.ancestor.kind === 'COMMUNITY' && c.distance > 0)?.ancestor.id;
    if (community) return [{ role: 'COMMUNITY_SECRETARY', unitId: community }];
    const street = chain.find((c) => c.ancestor.kind === 'STREET')?.ancestor.id;
    return street ? [{ role: 'STREET_LEADER', unitId: street }] : [];
  }

  private async supervisorsOf(card: CardRow, level: CardEscalationLevel): Promise<Recipient[]> {
    const chain = await this.org.ancestorsOf(card.unitId);
    const unitId = chain.find((c) => c.ancestor.kind === level)?.ancestor.id;
    if (!unitId) return [];
    return level === 'STREET'
      ? [
          { role: 'SUPERVISOR', unitId },
          { role: 'STREET_LEADER', unitId },
        ]
      : [{ role: 'SUPERVISOR', unitId }];
  }

  private async requireCard(workflowId: string, tx: Prisma.TransactionClient): Promise<CardRow> {
    const row = await this.cards.cardByWorkflow(workflowId, tx);
    if (!row) throw ApplicationFailure.nonRetryable(`黄牌 ${workflowId} 不存在`, 'NOT_FOUND');
    return row;
  }
}
