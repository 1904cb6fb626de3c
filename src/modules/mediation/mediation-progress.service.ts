import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { Prisma } from '../../generated/prisma/client';
import { toCstMinute } from '../../shared/calendar';
import { RISK_LABELS } from '../../shared/process/mediation.states';
import type { RiskGrade } from '../../shared/process/mediation.states';
import { INVITATION_LABELS } from '../../shared/process/mediation-panel.states';
import { AuditService } from '../audit/audit.service';
import { NotificationService } from '../notification/notification.service';
import type { Recipient } from '../notification/notification.types';
import type { Urgency } from '../../generated/prisma/enums';
import { OrgRepository } from '../org/org.repository';
import { MediationRepository } from './mediation.repository';
import type {
  Audience,
  DisputePatch,
  InviteInput,
  MediationStepInput,
  OverdueInput,
  Party,
  SessionInput,
  SessionRecordInput,
  SettleInvitationInput,
  VisitInput,
  VisitRecordInput,
} from './mediation.types';

type Tx = Prisma.TransactionClient;
type DisputeRow = NonNullable<Awaited<ReturnType<MediationRepository['byWorkflow']>>>;

const eventLabel: Record<string, string> = {
  CONVENED: '联调小组已组建完成，可安排调解',
  PANEL_INCOMPLETE: '有必选席位空缺，正在重新邀请',
  AGREED: '已达成调解协议',
  JUDICIAL_CONFIRMATION_NOTICE: '可申请司法确认',
  REFERRED: '调解不成，已移送',
  REOPENED: '回访发现协议未履行，纠纷重新调解',
  CLOSED: '协议履行完毕，已结案',
  RISK_ADJUSTED: '风险等级已调整',
};
const dateOf = (ms?: number) => (ms === undefined ? undefined : new Date(ms));

function disputePatch(p: DisputePatch = {}): Prisma.MediationDisputeUncheckedUpdateInput {
  const out: Prisma.MediationDisputeUncheckedUpdateInput = {
    status: p.status,
    riskGrade: p.riskGrade,
    riskAdjustReason: p.riskAdjustReason,
    reopenCount: p.reopen ? { increment: 1 } : undefined,
    agreement: p.agreement as unknown as Prisma.InputJsonValue | undefined,
    agreedAt: dateOf(p.agreedAtMs),
    judicialConfirmation: p.judicialConfirmation as Prisma.InputJsonValue | undefined,
    referral: p.referral as Prisma.InputJsonValue | undefined,
    closedAt: dateOf(p.closedAtMs),
    ...(p.reopen ? { escalated: false, agreementPdf: null } : {}),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

/** The mediation workflow's activities: each timeline entry keyed by workflowId + step, notifications by the same key. */
@Injectable()
export class MediationProgressService {
  constructor(
    private readonly disputes: MediationRepository,
    private readonly org: OrgRepository,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  /** The panel's slots become rows; a high-risk dispute alerts street and district at once. */
  async open(workflowId: string): Promise<void> {
    const dispute = await this.disputes.transaction(async (tx) => {
      const found = await this.require(workflowId, tx);
      const plan = await this.plannedSlots(found);
      await this.disputes.createSlots(
        plan.map((s) => ({ disputeId: found.id, key: s.key, label: s.label, required: s.required, status: 'OPEN' })),
        tx,
      );
      await this.disputes.addEventOnce(
        { disputeId: found.id, dedupKey: `${workflowId}:panel-forming`, kind: 'PANEL_FORMING', data: { slots: plan } },
        tx,
      );
      return found;
    });
    if (dispute.riskGrade === 'HIGH') await this.alertHigh(dispute, `${workflowId}:risk-alert`);
  }

  async recordStep(workflowId: string, input: MediationStepInput): Promise<void> {
    const after = await this.disputes.transaction(async (tx) => {
      const before = await this.require(workflowId, tx);
      const created = await this.disputes.addEventOnce(
        {
          disputeId: before.id,
          dedupKey: `${workflowId}:${input.step}`,
          kind: input.kind,
          actorId: input.actorId,
          note: input.note,
          data: (input.data ?? {}) as Prisma.InputJsonValue,
        },
        tx,
      );
      if (!created) return null;
      const patch = disputePatch(input.patch);
      const row = Object.keys(patch).length ? await this.disputes.updateDispute(before.id, patch, tx) : before;
      await this.audit.record(
        {
          action: `mediation.${input.kind.toLowerCase()}`,
          entityType: 'mediation_dispute',
          entityId: before.id,
          unitId: before.communityId,
          actorId: input.actorId,
          workflowId,
          before: { status: before.status, riskGrade: before.riskGrade },
          after: { status: row.status, riskGrade: row.riskGrade, ...(input.data ?? {}) },
        },
        tx,
      );
      return row;
    });
    if (!after) return;
    if (input.kind === 'RISK_ADJUSTED' && input.data?.alert) await this.alertHigh(after, `${workflowId}:${input.step}`);
    const label = eventLabel[input.kind];
    if (!label || !input.notify || input.notify === 'none') return;
    await this.send(
      after,
      input.notify,
      'mediation.progress',
      { eventLabel: label, note: input.note ?? '' },
      {
        dedupKey: `${workflowId}:${input.step}`,
      },
    );
  }

  async invite(workflowId: string, input: InviteInput): Promise<void> {
    const { dispute, slotLabel } = await this.disputes.transaction(async (tx) => {
      const found = await this.require(workflowId, tx);
      const slot = (await this.disputes.slots(found.id, tx)).find((s) => s.key === input.slotKey);
      const created = await this.disputes.addInvitationOnce(
        {
          disputeId: found.id,
          slotKey: input.slotKey,
          seq: input.seq,
          personId: input.personId,
          status: 'PENDING',
          deadline: new Date(input.deadlineMs),
        },
        tx,
      );
      if (created) {
        await this.disputes.updateSlot(found.id, input.slotKey, { status: 'INVITING' }, tx);
        await this.disputes.addEventOnce(
          {
            disputeId: found.id,
            dedupKey: `${workflowId}:${input.step}`,
            kind: 'INVITED',
            data: {
              slotKey: input.slotKey,
              slotLabel: slot?.label,
              seq: input.seq,
              personId: input.personId,
              deadline: new Date(input.deadlineMs).toISOString(),
            },
          },
          tx,
        );
        await this.audit.record(
          {
            action: 'mediation.invite',
            entityType: 'mediation_dispute',
            entityId: found.id,
            unitId: found.communityId,
            workflowId,
            after: { slotKey: input.slotKey, seq: input.seq, personId: input.personId },
          },
          tx,
        );
      }
      return { dispute: found, slotLabel: slot?.label ?? input.slotKey };
    });
    await this.notifications.notify({
      recipients: [{ personId: input.personId }],
      template: 'mediation.invitation',
      data: {
        disputeNo: dispute.disputeNo,
        subject: dispute.subject,
        slotLabel,
        deadline: toCstMinute(input.deadlineMs),
      },
      options: { dedupKey: `${workflowId}:${input.step}`, urgency: dispute.riskGrade === 'HIGH' ? 'URGENT' : 'NORMAL' },
    });
  }

  async settleInvitation(workflowId: string, input: SettleInvitationInput): Promise<void> {
    const from = input.memberWithdrawal ? 'ACCEPTED' : 'PENDING';
    const settled = await this.disputes.transaction(async (tx) => {
      const found = await this.require(workflowId, tx);
      const changed = await this.disputes.settleInvitation(
        found.id,
        input.slotKey,
        input.seq,
        from,
        { status: input.status, respondedAt: new Date(), reason: input.reason },
        tx,
      );
      if (!changed) return null;
      const invitation = await this.disputes.invitation(found.id, input.slotKey, input.seq, tx);
      const slotLabel = (await this.disputes.slots(found.id, tx)).find((s) => s.key === input.slotKey)?.label;
      const slotData: Prisma.MediationSlotUncheckedUpdateInput =
        input.status === 'ACCEPTED'
          ? { status: 'FILLED', memberId: invitation?.personId }
          : input.status === 'WITHDRAWN' && from === 'ACCEPTED'
            ? { status: 'OPEN', memberId: null }
            : { status: input.status === 'WITHDRAWN' ? 'OPEN' : 'INVITING' };
      await this.disputes.updateSlot(found.id, input.slotKey, slotData, tx);
      const kind = from === 'ACCEPTED' ? 'MEMBER_WITHDRAWN' : `INVITATION_${input.status}`;
      await this.disputes.addEventOnce(
        {
          disputeId: found.id,
          dedupKey: `${workflowId}:${input.step}`,
          kind,
          actorId: input.actorId,
          note: input.reason,
          data: { slotKey: input.slotKey, seq: input.seq, personId: invitation?.personId, status: input.status },
        },
        tx,
      );
      await this.audit.record(
        {
          action: `mediation.${kind.toLowerCase()}`,
          entityType: 'mediation_dispute',
          entityId: found.id,
          unitId: found.communityId,
          actorId: input.actorId,
          workflowId,
          after: { slotKey: input.slotKey, seq: input.seq, status: input.status, reason: input.reason },
        },
        tx,
      );
      return { found, kind, personId: invitation?.personId, slotLabel: slotLabel ?? input.slotKey };
    });
    if (!settled || settled.kind === 'INVITATION_ACCEPTED') return;
    const names = await this.disputes.personNames(settled.personId ? [settled.personId] : []);
    await this.send(
      settled.found,
      'convener',
      'mediation.progress',
      {
        eventLabel: `「${settled.slotLabel}」席位：${names[0]?.name ?? ''}${settled.kind === 'MEMBER_WITHDRAWN' ? '申请回避' : INVITATION_LABELS[input.status]}`,
        note: input.reason ?? '',
      },
      { dedupKey: `${workflowId}:${input.step}` },
    );
  }

  async slotExhausted(workflowId: string, input: { step: string; slotKey: string }): Promise<void> {
    const found = await this.disputes.transaction(async (tx) => {
      const dispute = await this.require(workflowId, tx);
      const slot = await this.disputes.updateSlot(dispute.id, input.slotKey, { status: 'EXHAUSTED' }, tx);
      await this.disputes.addEventOnce(
        {
          disputeId: dispute.id,
          dedupKey: `${workflowId}:${input.step}`,
          kind: 'SLOT_EXHAUSTED',
          data: { slotKey: input.slotKey },
        },
        tx,
      );
      return { ...dispute, slotLabel: slot.label };
    });
    await this.send(
      found,
      'convener',
      'mediation.progress',
      { eventLabel: `「${found.slotLabel}」席位候选人已全部婉拒或逾期`, note: '请补充候选人' },
      { dedupKey: `${workflowId}:${input.step}`, urgency: 'URGENT' },
    );
  }

  async scheduleSession(workflowId: string, input: SessionInput): Promise<void> {
    const dispute = await this.disputes.transaction(async (tx) => {
      const found = await this.require(workflowId, tx);
      if (
        await this.disputes.addSessionOnce(
          { disputeId: found.id, seq: input.seq, place: input.place, startsAt: new Date(input.startsAtMs) },
          tx,
        )
      ) {
        await this.disputes.addEventOnce(
          {
            disputeId: found.id,
            dedupKey: `${workflowId}:${input.step}`,
            kind: 'SESSION_SCHEDULED',
            actorId: input.actorId,
            data: { seq: input.seq, place: input.place, startsAt: new Date(input.startsAtMs).toISOString() },
          },
          tx,
        );
        await this.audit.record(
          {
            action: 'mediation.session.schedule',
            entityType: 'mediation_dispute',
            entityId: found.id,
            unitId: found.communityId,
            actorId: input.actorId,
            workflowId,
            after: { seq: input.seq, place: input.place, startsAt: new Date(input.startsAtMs) },
          },
          tx,
        );
      }
      return found;
    });
    await this.sessionNotice(dispute, input.seq, `${workflowId}:${input.step}`);
  }

  async remindSession(workflowId: string, input: { step: string; seq: number }): Promise<void> {
    const dispute = await this.disputes.transaction(async (tx) => {
      const found = await this.require(workflowId, tx);
      await this.disputes.addEventOnce(
        {
          disputeId: found.id,
          dedupKey: `${workflowId}:${input.step}`,
          kind: 'SESSION_REMINDED',
          data: { seq: input.seq },
        },
        tx,
      );
      return found;
    });
    await this.sessionNotice(dispute, input.seq, `${workflowId}:${input.step}`);
  }

  async recordSession(workflowId: string, input: SessionRecordInput): Promise<void> {
    await this.disputes.transaction(async (tx) => {
      const found = await this.require(workflowId, tx);
      const attendance = { present: input.attendance, absent: input.absent };
      if (
        !(await this.disputes.recordSessionOnce(
          found.id,
          input.seq,
          { attendance, minutes: input.minutes, recordedAt: new Date() },
          tx,
        ))
      )
        return;
      await this.disputes.addEventOnce(
        {
          disputeId: found.id,
          dedupKey: `${workflowId}:${input.step}`,
          kind: 'SESSION_RECORDED',
          actorId: input.actorId,
          data: { seq: input.seq, ...attendance },
        },
        tx,
      );
      await this.audit.record(
        {
          action: 'mediation.session.record',
          entityType: 'mediation_dispute',
          entityId: found.id,
          unitId: found.communityId,
          actorId: input.actorId,
          workflowId,
          after: { seq: input.seq, ...attendance, minutes: input.minutes },
        },
        tx,
      );
    });
  }

  /** Past the mediation limit: a 督办单 for the street, whose leaders and supervisors are told. */
  async escalate(workflowId: string, input: OverdueInput): Promise<void> {
    const dispute = await this.disputes.transaction(async (tx) => {
      const found = await this.require(workflowId, tx);
      const opened = await this.disputes.addSupervisionOrderOnce(
        {
          disputeId: found.id,
          level: 'STREET',
          deadline: new Date(input.orderDeadlineMs),
          dedupKey: `${workflowId}:${input.step}`,
        },
        tx,
      );
      if (!opened) return found;
      await this.disputes.updateDispute(found.id, { escalated: true }, tx);
      const data = {
        lapsedDeadline: new Date(input.lapsedDeadlineMs).toISOString(),
        orderDeadline: new Date(input.orderDeadlineMs).toISOString(),
      };
      await this.disputes.addEventOnce(
        {
          disputeId: found.id,
          dedupKey: `${workflowId}:${input.step}`,
          kind: 'ESCALATED',
          note: '调解超期，已生成督办单上报街道',
          data,
        },
        tx,
      );
      await this.audit.record(
        {
          action: 'mediation.escalate',
          entityType: 'mediation_dispute',
          entityId: found.id,
          unitId: found.communityId,
          workflowId,
          after: data,
        },
        tx,
      );
      return found;
    });
    await this.notifications.notify({
      recipients: [
        { role: 'STREET_LEADER', unitId: dispute.streetId },
        { role: 'SUPERVISOR', unitId: dispute.streetId },
        { personId: dispute.convenerId },
      ],
      template: 'mediation.overdue',
      data: {
        disputeNo: dispute.disputeNo,
        subject: dispute.subject,
        deadline: toCstMinute(input.lapsedDeadlineMs),
        orderDeadline: toCstMinute(input.orderDeadlineMs),
      },
      options: { dedupKey: `${workflowId}:${input.step}`, urgency: 'URGENT' },
    });
  }

  /** A follow-up visit goes to the panel member who holds the first filled slot (the convener when none). */
  async scheduleVisit(workflowId: string, input: VisitInput): Promise<void> {
    const { dispute, assigneeId } = await this.disputes.transaction(async (tx) => {
      const found = await this.require(workflowId, tx);
      const existing = await this.disputes.visit(found.id, input.round, input.seq, tx);
      if (existing) return { dispute: found, assigneeId: existing.assigneeId };
      const slots = await this.disputes.slots(found.id, tx);
      const order = (await this.plannedSlots(found)).map((s) => s.key);
      const member = order.map((k) => slots.find((s) => s.key === k)).find((s) => s?.memberId)?.memberId;
      const assignee = member ?? found.convenerId;
      await this.disputes.addVisitOnce(
        {
          disputeId: found.id,
          round: input.round,
          seq: input.seq,
          assigneeId: assignee,
          dueAt: new Date(input.dueAtMs),
          status: 'OPEN',
        },
        tx,
      );
      await this.disputes.addEventOnce(
        {
          disputeId: found.id,
          dedupKey: `${workflowId}:${input.step}`,
          kind: 'VISIT_DUE',
          data: {
            round: input.round,
            seq: input.seq,
            assigneeId: assignee,
            dueAt: new Date(input.dueAtMs).toISOString(),
          },
        },
        tx,
      );
      return { dispute: found, assigneeId: assignee };
    });
    await this.visitNotice(dispute, assigneeId, input, `${workflowId}:${input.step}`);
  }

  async remindVisit(workflowId: string, input: VisitInput & { step: string }): Promise<void> {
    const dispute = await this.require(workflowId);
    const visit = await this.disputes.visit(dispute.id, input.round, input.seq);
    if (!visit || visit.status !== 'OPEN') return;
    await this.visitNotice(dispute, visit.assigneeId, input, `${workflowId}:${input.step}`, 'URGENT');
  }

  async recordVisit(workflowId: string, input: VisitRecordInput): Promise<void> {
    await this.disputes.transaction(async (tx) => {
      const found = await this.require(workflowId, tx);
      const done = await this.disputes.finishVisitOnce(
        found.id,
        input.round,
        input.seq,
        { status: 'DONE', performed: input.performed, note: input.note, doneAt: new Date() },
        tx,
      );
      if (!done) return;
      await this.disputes.addEventOnce(
        {
          disputeId: found.id,
          dedupKey: `${workflowId}:${input.step}`,
          kind: input.performed ? 'VISIT_PERFORMED' : 'VISIT_BROKEN',
          actorId: input.actorId,
          note: input.note,
          data: { round: input.round, seq: input.seq, performed: input.performed },
        },
        tx,
      );
      await this.audit.record(
        {
          action: 'mediation.visit.record',
          entityType: 'mediation_dispute',
          entityId: found.id,
          unitId: found.communityId,
          actorId: input.actorId,
          workflowId,
          after: { round: input.round, seq: input.seq, performed: input.performed, note: input.note },
        },
        tx,
      );
    });
  }

  private async alertHigh(dispute: DisputeRow, dedupKey: string): Promise<void> {
    const chain = await this.org.ancestorsOf(dispute.communityId);
    const district = chain.find((c) => c.ancestor.kind === 'DISTRICT')?.ancestor.id;
    const community = chain.find((c) => c.distance === 0)?.ancestor.name ?? '';
    const recipients: Recipient[] = [
      { role: 'STREET_LEADER', unitId: dispute.streetId },
      { role: 'SUPERVISOR', unitId: dispute.streetId },
      ...(district
        ? ([
            { role: 'STREET_LEADER', unitId: district },
            { role: 'SUPERVISOR', unitId: district },
          ] as Recipient[])
        : []),
    ];
    await this.notifications.notify({
      recipients,
      template: 'mediation.risk-alert',
      data: {
        disputeNo: dispute.disputeNo,
        subject: dispute.subject,
        riskLabel: RISK_LABELS[dispute.riskGrade as RiskGrade],
        reasons: dispute.riskReasons.join('；') || dispute.riskAdjustReason || '',
        communityName: community,
      },
      options: { dedupKey, urgency: 'CRITICAL' },
    });
  }

  private async sessionNotice(dispute: DisputeRow, seq: number, dedupKey: string): Promise<void> {
    const session = await this.disputes.session(dispute.id, seq);
    if (!session) return;
    await this.send(
      dispute,
      'panelAndParties',
      'mediation.session',
      { place: session.place, startsAt: toCstMinute(session.startsAt.getTime()), seq, subject: dispute.subject },
      { dedupKey },
    );
  }

  private async visitNotice(
    dispute: DisputeRow,
    assigneeId: string,
    input: VisitInput,
    dedupKey: string,
    urgency: Urgency = 'NORMAL',
  ): Promise<void> {
    await this.notifications.notify({
      recipients: [{ personId: assigneeId }],
      template: 'mediation.visit',
      data: {
        disputeNo: dispute.disputeNo,
        subject: dispute.subject,
        dueAt: toCstMinute(input.dueAtMs),
        seq: input.seq,
      },
      options: { dedupKey, urgency },
    });
  }

  private async send(
    dispute: DisputeRow,
    audience: Audience,
    template: 'mediation.progress' | 'mediation.session',
    data: Record<string, string | number>,
    options: { dedupKey: string; urgency?: Urgency },
  ): Promise<void> {
    const recipients = await this.audienceOf(dispute, audience);
    if (!recipients.length) return;
    await this.notifications.notify({ recipients, template, data: { disputeNo: dispute.disputeNo, ...data }, options });
  }

  private async audienceOf(dispute: DisputeRow, audience: Audience): Promise<Recipient[]> {
    if (audience === 'none') return [];
    if (audience === 'convener') return [{ personId: dispute.convenerId }];
    const members = (await this.disputes.slots(dispute.id))
      .map((s) => s.memberId)
      .filter((id): id is string => !!id)
      .map((personId) => ({ personId }));
    const convener = members.some((m) => m.personId === dispute.convenerId) ? [] : [{ personId: dispute.convenerId }];
    if (audience === 'panel') return [...members, ...convener];
    const parties = (dispute.parties as unknown as Party[])
      .filter((p) => p.phone)
      .map((p) => ({ phone: p.phone as string }));
    return [...members, ...convener, ...parties];
  }

  private async plannedSlots(dispute: DisputeRow): Promise<{ key: string; label: string; required: boolean }[]> {
    const intake = await this.disputes.intakeEvent(dispute.id);
    return ((intake?.data as { slots?: { key: string; label: string; required: boolean }[] })?.slots ?? []).map(
      ({ key, label, required }) => ({ key, label, required }),
    );
  }

  private async require(workflowId: string, tx?: Tx): Promise<DisputeRow> {
    const row = await this.disputes.byWorkflow(workflowId, tx);
    if (!row) throw ApplicationFailure.nonRetryable(`纠纷 ${workflowId} 不存在`, 'NOT_FOUND');
    return row;
  }
}
