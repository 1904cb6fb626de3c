import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { Principal } from '../../common/auth/principal';
import { EVERYTHING } from '../../common/auth/unit-scope';
import type { UnitScope } from '../../common/auth/unit-scope';
import { DomainError } from '../../common/errors/domain-error';
import type { ErrorCode } from '../../common/errors/error-code';
import { pageOf, toSkipTake } from '../../common/http/pagination';
import type { PageQuery } from '../../common/http/pagination';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { queryWithin, startOnce, updateOrRefuse } from '../../infra/temporal/workflow-calls';
import { computeDeadline } from '../../shared/calendar';
import { referenceNo } from '../../shared/reference-no';
import { startSearchAttributes } from '../../shared/search-attributes';
import { disputeActionRefusal } from '../../shared/process/mediation.states';
import { caseActions, illegalActionMessage, mayTake } from '../../shared/process/request-case.states';
import type { DisputeAction, DisputeState } from '../../shared/process/mediation.states';
import { invitationAnswerRefusal, withdrawRefusal } from '../../shared/process/mediation-panel.states';
import type { InvitationStatus, SlotStatus } from '../../shared/process/mediation-panel.states';
import type { MediationView } from '../../../workflows/mediation.workflow';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { OrgRepository } from '../org/org.repository';
import { toLimit } from '../policy/mediation-policy.schema';
import type { MediationPolicy } from '../policy/mediation-policy.schema';
import { ProcessPolicyService } from '../policy/policy.service';
import type { IntakeDto, ListDisputesQuery } from './dto/mediation.dto';
import { gradeRisk } from './mediation-risk';
import { disputesInScope, MediationRepository } from './mediation.repository';
import type { MediationInput, SlotPlan } from './mediation.types';

const REFUSALS: ReadonlySet<string> = new Set<ErrorCode>([
  'ILLEGAL_TRANSITION',
  'VALIDATION_FAILED',
  'PANEL_NOT_CONVENED',
  'AGREEMENT_INCOMPLETE',
  'NO_VISIT_DUE',
  'NOT_FOUND',
]);
const NOT_FOUND = '纠纷不存在或不在您的管辖范围内';

type DisputeRow = NonNullable<Awaited<ReturnType<MediationRepository['byWorkflow']>>>;
export interface IntakeStart {
  dispute: DisputeRow;
  workflowId: string;
  input: MediationInput;
}

/** 联调小组 for staff: intake with risk grading, scoped lists and details, the panel's answers and the process's steps. */
@Injectable()
export class MediationService {
  constructor(
    private readonly disputes: MediationRepository,
    private readonly org: OrgRepository,
    private readonly policies: ProcessPolicyService,
    private readonly calendars: CalendarService,
    private readonly audit: AuditService,
    private readonly temporal: TemporalClientService,
  ) {}

  async intake(principal: Principal, scope: UnitScope, dto: IntakeDto) {
    const started = await this.prepareIntake(principal, scope, dto);
    await startOnce(
      this.temporal.client,
      'mediationWorkflow',
      started.workflowId,
      this.temporal.taskQueue,
      started.input,
      startSearchAttributes('mediation', 'FORMING', {
        caseNo: started.dispute.disputeNo,
        category: started.dispute.category,
        gridId: null,
        communityId: started.dispute.communityId,
        streetId: started.dispute.streetId,
      }),
    );
    await this.convertRequest(principal, started.dispute);
    return this.detail(scope, started.dispute.id);
  }

  /**
   * 转入矛盾调解: the request's workflow moves it to 已转矛盾调解 and stops its clocks, once the dispute is committed. A
   * retried intake finds the request already converted to this dispute (its workflow may have ended) and sends nothing.
   */
  private async convertRequest(principal: Principal, dispute: DisputeRow) {
    if (!dispute.requestCaseId) return;
    const request = await this.disputes.requestCaseInScope(dispute.requestCaseId, {});
    if (!request || request.convertedDisputeId === dispute.id) return;
    await updateOrRefuse(
      this.temporal.client,
      request.workflowId,
      'convertToMediation',
      { disputeId: dispute.id, disputeNo: dispute.disputeNo, actorId: principal.personId },
      REFUSALS,
    );
  }

  /**
   * The dispute's row, its intake entry (which keeps the workflow's input, so a repeated POST starts the same one) and,
   * for a converted request, the link on the request's timeline — all in one transaction. Starting is the caller's.
   */
  async prepareIntake(principal: Principal, scope: UnitScope, dto: IntakeDto): Promise<IntakeStart> {
    const existing = await this.disputes.byIntakeKey(dto.intakeKey);
    if (existing) return this.startOf(existing);
    const chain = await this.org.ancestorsOf(dto.communityId);
    const community = chain.find((c) => c.distance === 0)?.ancestor;
    if (!community || community.kind !== 'COMMUNITY')
      throw new DomainError('VALIDATION_FAILED', '受理单位须为社区', [{ path: 'communityId', message: '须为社区' }]);
    const streetId = chain.find((c) => c.ancestor.kind === 'STREET')?.ancestor.id;
    const districtId = chain.find((c) => c.ancestor.kind === 'DISTRICT')?.ancestor.id;
    if (!streetId) throw new DomainError('VALIDATION_FAILED', '该社区不属于任何街道');
    const requestCase = dto.requestCaseId
      ? await this.disputes.requestCaseInScope(dto.requestCaseId, scope.all ? {} : { communityId: dto.communityId })
      : null;
    if (dto.requestCaseId && !requestCase) throw new DomainError('NOT_FOUND', '诉求不存在或不属于该社区');
    if (requestCase && !mayTake('convert', requestCase.status))
      throw new DomainError('ILLEGAL_TRANSITION', illegalActionMessage(caseActions.convert.label, requestCase.status));

    const policy = await this.policies.current('mediation');
    const rules = policy.data;
    const headCount = dto.parties.reduce((n, p) => n + (p.headCount ?? 1), 0);
    const computed = gradeRisk(rules.risk, { ...dto, headCount });
    const grade = dto.riskOverride?.grade ?? computed.grade;
    const slots = await this.planSlots(rules, dto, streetId);
    const strays = Object.keys(dto.candidates).filter((k) => !slots.some((s) => s.key === k));
    if (strays.length)
      throw new DomainError(
        'VALIDATION_FAILED',
        `席位「${strays.join('、')}」不在「${dto.category}」类纠纷的调解小组中`,
      );
    const unknown = await this.unknownPeople(slots.flatMap((s) => s.candidates));
    if (unknown.length) throw new DomainError('INVALID_REFERENCE', `候选人不存在：${unknown.join('、')}`);
    const { calendar } = await this.calendars.effectiveCalendar(districtId);
    const id = randomUUID();
    const now = new Date();
    const workflowId = `mediation-${id}`;
    const input: MediationInput = {
      disputeId: id,
      disputeNo: referenceNo('TJ', id, now),
      riskGrade: grade,
      slots,
      invitationLimit: rules.invitationLimit,
      mediationLimit: toLimit(rules.mediationLimit),
      supervisionOrderLimit: rules.supervisionOrderLimit,
      sessionReminderLead: rules.sessionReminderLead,
      visitIntervalsDays: rules.visitIntervalsDays,
      visitReminderEveryDays: rules.visitReminderEveryDays,
      visitMaxReminders: rules.visitMaxReminders,
      judicialConfirmationDays: rules.judicialConfirmationDays,
      calendar,
    };
    const dispute = await this.disputes.transaction(async (tx) => {
      const created = await this.disputes.createDispute(
        {
          id,
          disputeNo: input.disputeNo,
          workflowId,
          intakeKey: dto.intakeKey,
          communityId: dto.communityId,
          streetId,
          source: dto.source,
          requestCaseId: dto.requestCaseId ?? null,
          category: dto.category,
          subject: dto.subject,
          description: dto.description,
          parties: dto.parties as Prisma.InputJsonValue,
          headCount,
          amountYuan: dto.amountYuan ?? null,
          gatheringThreat: dto.gatheringThreat,
          violenceThreat: dto.violenceThreat,
          vulnerableParties: dto.vulnerableParties,
          riskGrade: grade,
          riskReasons: computed.reasons,
          riskComputed: computed.grade,
          riskAdjustReason: dto.riskOverride?.reason ?? null,
          status: 'FORMING',
          policyVersion: policy.version,
          convenerId: principal.personId,
          dueAt: new Date(computeDeadline(calendar, now.getTime(), input.mediationLimit)),
          createdAt: now,
        },
        tx,
      );
      await this.disputes.addEventOnce(
        {
          disputeId: id,
          dedupKey: `${workflowId}:intake`,
          kind: 'INTAKE',
          actorId: principal.personId,
          note: dto.riskOverride ? `风险等级由${computed.grade}调整为${grade}：${dto.riskOverride.reason}` : undefined,
          data: { slots, input, risk: { computed, grade } } as unknown as Prisma.InputJsonValue,
        },
        tx,
      );
      if (requestCase) {
        await this.disputes.addCaseEventOnce(
          {
            caseId: requestCase.id,
            dedupKey: `${workflowId}:converted`,
            kind: 'CONVERTED_TO_MEDIATION',
            actorId: principal.personId,
            note: `转入联调小组调解，纠纷编号 ${input.disputeNo}`,
            data: { disputeId: id, disputeNo: input.disputeNo },
          },
          tx,
        );
      }
      await this.audit.record(
        {
          action: 'mediation.intake',
          entityType: 'mediation_dispute',
          entityId: id,
          unitId: dto.communityId,
          actorId: principal.personId,
          workflowId,
          after: created,
        },
        tx,
      );
      return created;
    });
    return { dispute, workflowId, input };
  }

  async list(scope: UnitScope, q: ListDisputesQuery) {
    const where: Prisma.MediationDisputeWhereInput = {
      ...disputesInScope(scope),
      ...(q.status ? { status: q.status } : {}),
      ...(q.riskGrade ? { riskGrade: q.riskGrade } : {}),
      ...(q.communityId ? { communityId: q.communityId } : {}),
    };
    const [items, total] = await this.disputes.listDisputes(where, toSkipTake(q));
    return pageOf(items, total, q);
  }

  async detail(scope: UnitScope, id: string) {
    const found = await this.disputes.disputeInScope(id, scope);
    if (!found) throw new DomainError('NOT_FOUND', NOT_FOUND);
    const { events, ...dispute } = found;
    const people = await this.disputes.personNames([
      ...new Set([...found.invitations.map((i) => i.personId), found.convenerId]),
    ]);
    const nameOf = (pid: string | null) => people.find((p) => p.id === pid)?.name ?? null;
    return {
      ...dispute,
      convenerName: nameOf(found.convenerId),
      slots: found.slots.map((s) => ({ ...s, memberName: nameOf(s.memberId) })),
      invitations: found.invitations.map((i) => ({ ...i, personName: nameOf(i.personId) })),
      timeline: events,
      hasAgreementPdf: await this.disputes.hasPdf(found.id),
      live: await queryWithin<MediationView>(this.temporal.client, found.workflowId, 'mediation'),
    };
  }

  /** A step the workflow decides through an update; the read model's state gives the same refusal first. */
  async act(principal: Principal, scope: UnitScope, id: string, action: DisputeAction, body: object) {
    const found = await this.requireInScope(scope, id);
    const refusal = disputeActionRefusal(action, found.status as DisputeState);
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

  /** The invitee answers their own invitation; a slot filled meanwhile or an answered invitation is refused here. */
  async answerInvitation(principal: Principal, invitationId: string, accept: boolean, reason?: string) {
    const invitation = await this.disputes.invitationById(invitationId);
    if (!invitation || invitation.personId !== principal.personId)
      throw new DomainError('NOT_FOUND', '邀请不存在或不是发给您的');
    const slot = await this.disputes.slotOf(invitation.disputeId, invitation.slotKey);
    const refusal = invitationAnswerRefusal(
      invitation.status as InvitationStatus,
      (slot?.status ?? 'OPEN') as SlotStatus,
      slot?.label ?? invitation.slotKey,
    );
    if (refusal) throw new DomainError(refusal.code, refusal.message);
    if (invitation.deadline.getTime() < Date.now())
      throw new DomainError('INVITATION_CLOSED', '邀请已过答复期限，系统正在邀请下一位候选人');
    await this.temporal.client.workflow.getHandle(invitation.dispute.workflowId).signal('answerInvitation', {
      slotKey: invitation.slotKey,
      seq: invitation.seq,
      accept,
      reason,
      actorId: principal.personId,
    });
    await this.audit.record({
      action: accept ? 'mediation.invitation.accept' : 'mediation.invitation.decline',
      entityType: 'mediation_invitation',
      entityId: invitation.id,
      unitId: invitation.dispute.communityId,
      actorId: principal.personId,
      workflowId: invitation.dispute.workflowId,
      after: { accept, reason },
    });
    return { invitationId: invitation.id, disputeId: invitation.disputeId, answer: accept ? 'ACCEPT' : 'DECLINE' };
  }

  /** The panel sees its disputes whole, wherever its members sit (a police officer or lawyer has no post in the community). */
  async panelList(principal: Principal, q: PageQuery) {
    const [items, total] = await this.disputes.panelDisputesOf(principal.personId, toSkipTake(q));
    return pageOf(items, total, q);
  }

  async panelDetail(principal: Principal, id: string) {
    if (!(await this.disputes.invitedTo(id, principal.personId))) throw new DomainError('NOT_FOUND', NOT_FOUND);
    return this.detail(EVERYTHING, id);
  }

  async panelAgreementPdf(principal: Principal, id: string) {
    if (!(await this.disputes.invitedTo(id, principal.personId))) throw new DomainError('NOT_FOUND', NOT_FOUND);
    return this.agreementPdf(EVERYTHING, id);
  }

  myInvitations(principal: Principal) {
    return this.disputes.pendingInvitationsOf(principal.personId);
  }

  /** A member withdraws (回避) — themself, or the convener records it; the slot is then refilled from its candidates. */
  async withdrawMember(principal: Principal, scope: UnitScope, id: string, slotKey: string, reason: string) {
    const found = await this.requireInScope(scope, id);
    const refusal = disputeActionRefusal('withdrawMember', found.status as DisputeState);
    if (refusal) throw new DomainError(refusal.code, refusal.message);
    const slot = found.slots.find((s) => s.key === slotKey);
    if (!slot) throw new DomainError('NOT_FOUND', `没有「${slotKey}」席位`);
    const member = found.invitations.find((i) => i.slotKey === slotKey && i.status === 'ACCEPTED');
    const withdrawal = withdrawRefusal((member?.status ?? 'PENDING') as InvitationStatus);
    if (withdrawal || slot.status !== 'FILLED')
      throw new DomainError('INVITATION_CLOSED', withdrawal?.message ?? `「${slot.label}」席位当前没有成员`);
    await this.signal(found.workflowId, 'withdrawMember', { slotKey, reason, actorId: principal.personId });
    return this.detail(scope, id);
  }

  async addCandidates(principal: Principal, scope: UnitScope, id: string, slotKey: string, personIds: string[]) {
    const found = await this.requireInScope(scope, id);
    if (!found.slots.some((s) => s.key === slotKey)) throw new DomainError('NOT_FOUND', `没有「${slotKey}」席位`);
    const unknown = await this.unknownPeople(personIds);
    if (unknown.length) throw new DomainError('INVALID_REFERENCE', `候选人不存在：${unknown.join('、')}`);
    if (found.status === 'REFERRED' || found.status === 'CLOSED')
      throw new DomainError('ILLEGAL_TRANSITION', '纠纷已办结，不能补充候选人');
    await this.signal(found.workflowId, 'addCandidates', { slotKey, personIds, actorId: principal.personId });
    return this.detail(scope, id);
  }

  async agreementPdf(scope: UnitScope, id: string) {
    const found = await this.disputes.pdfInScope(id, scope);
    if (!found) throw new DomainError('NOT_FOUND', NOT_FOUND);
    if (!found.agreementPdf) throw new DomainError('NOT_FOUND', '该纠纷尚无调解协议书');
    return { fileName: `${found.disputeNo}-调解协议书.pdf`, bytes: Buffer.from(found.agreementPdf) };
  }

  private async signal(workflowId: string, name: string, arg: object) {
    await this.temporal.client.workflow.getHandle(workflowId).signal(name, arg);
  }

  private async requireInScope(scope: UnitScope, id: string) {
    const found = await this.disputes.disputeInScope(id, scope);
    if (!found) throw new DomainError('NOT_FOUND', NOT_FOUND);
    return found;
  }

  private async startOf(dispute: DisputeRow): Promise<IntakeStart> {
    const intake = await this.disputes.intakeEvent(dispute.id);
    const input = (intake?.data as { input?: MediationInput } | null)?.input;
    if (!input) throw new DomainError('INTERNAL', `纠纷 ${dispute.disputeNo} 缺少受理记录`);
    return { dispute, workflowId: dispute.workflowId, input };
  }

  /** The policy's panel for the category; each slot's candidates: the convener's named people first, then the org's. */
  private async planSlots(rules: MediationPolicy, dto: IntakeDto, streetId: string): Promise<SlotPlan[]> {
    const panel = Object.hasOwn(rules.panels, dto.category) ? rules.panels[dto.category] : rules.defaultPanel;
    const today = new Date();
    const plans: SlotPlan[] = [];
    for (const [key, required] of [
      ...panel.required.map((k) => [k, true] as const),
      ...panel.optional.map((k) => [k, false] as const),
    ]) {
      const slot = rules.slots.find((s) => s.key === key);
      if (!slot) continue;
      const fromOrg: string[] = [];
      if (slot.source.kind === 'position') {
        const unitId = slot.source.level === 'COMMUNITY' ? dto.communityId : streetId;
        fromOrg.push(...(await this.org.staffOf(unitId, slot.source.roles, today)).map((p) => p.personId));
      } else if (slot.source.kind === 'department') {
        const dept = await this.org.departmentFor(streetId, slot.source.routeCategory ?? dto.category);
        if (dept)
          fromOrg.push(
            ...(await this.org.staffOf(dept.id, ['DEPARTMENT_HEAD', 'DEPARTMENT_STAFF'], today)).map((p) => p.personId),
          );
      }
      const candidates = [...new Set([...(dto.candidates[key] ?? []), ...fromOrg])];
      plans.push({ key, label: slot.label, required, candidates });
    }
    return plans;
  }

  private async unknownPeople(ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = new Set((await this.disputes.personNames(unique)).map((p) => p.id));
    return unique.filter((id) => !found.has(id));
  }
}
