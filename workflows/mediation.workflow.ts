import {
  allHandlersFinished,
  condition,
  defineQuery,
  defineSignal,
  defineUpdate,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { MediationActivities } from '../activities/mediation.activities';
import type { MediationInput } from '../src/modules/mediation/mediation.types';
import { computeDeadline } from '../src/shared/calendar';
import {
  agreementRefusalMessage,
  disputeActionRefusal,
  isDisputeFinal,
  missingAgreementContent,
  panelConvened,
} from '../src/shared/process/mediation.states';
import type { AgreementTerms, DisputeAction, DisputeState, RiskGrade } from '../src/shared/process/mediation.states';
import type { InvitationStatus, SlotStatus } from '../src/shared/process/mediation-panel.states';
import { refuse } from './refusal';
import { keepSearchAttributes } from './search-attributes';

export type { DisputeState } from '../src/shared/process/mediation.states';

export interface AnswerInvitationInput {
  slotKey: string;
  seq: number;
  accept: boolean;
  reason?: string;
  actorId?: string;
}
export interface WithdrawMemberInput {
  slotKey: string;
  reason: string;
  actorId?: string;
}
export interface AddCandidatesInput {
  slotKey: string;
  personIds: string[];
  actorId?: string;
}
export interface AdjustRiskInput {
  grade: RiskGrade;
  reason: string;
  actorId?: string;
}
export interface ScheduleSessionInput {
  place: string;
  startsAt: string;
  actorId?: string;
}
export interface RecordSessionInput {
  seq: number;
  attendance: string[];
  absent?: string[];
  minutes: string;
  actorId?: string;
}
export interface RecordAgreementInput {
  terms: AgreementTerms;
  actorId?: string;
}
export interface ReferInput {
  to: 'LABOUR_ARBITRATION' | 'LITIGATION' | 'DEPARTMENT';
  department?: string;
  reason: string;
  partiesNotice: string;
  actorId?: string;
}
export interface RecordVisitInput {
  performed: boolean;
  note: string;
  actorId?: string;
}
export interface JudicialConfirmationInput {
  appliedOn: string;
  court: string;
  result?: 'PENDING' | 'CONFIRMED' | 'REJECTED';
  note?: string;
  actorId?: string;
}

export interface SlotView {
  key: string;
  label: string;
  required: boolean;
  status: SlotStatus;
  memberId: string | null;
  pending: { seq: number; personId: string; deadline: string } | null;
}
export interface MediationView {
  state: DisputeState;
  riskGrade: RiskGrade;
  deadline: string;
  escalated: boolean;
  round: number;
  slots: SlotView[];
  sessions: { seq: number; startsAt: string; recorded: boolean }[];
  visitDue: { round: number; seq: number; dueAt: string } | null;
}

export const answerInvitationSignal = defineSignal<[AnswerInvitationInput]>('answerInvitation');
export const withdrawMemberSignal = defineSignal<[WithdrawMemberInput]>('withdrawMember');
export const addCandidatesSignal = defineSignal<[AddCandidatesInput]>('addCandidates');
export const adjustRiskUpdate = defineUpdate<DisputeState, [AdjustRiskInput]>('adjustRisk');
export const scheduleSessionUpdate = defineUpdate<number, [ScheduleSessionInput]>('scheduleSession');
export const recordSessionUpdate = defineUpdate<DisputeState, [RecordSessionInput]>('recordSession');
export const recordAgreementUpdate = defineUpdate<DisputeState, [RecordAgreementInput]>('recordAgreement');
export const referUpdate = defineUpdate<DisputeState, [ReferInput]>('refer');
export const recordVisitUpdate = defineUpdate<DisputeState, [RecordVisitInput]>('recordVisit');
export const recordJudicialConfirmationUpdate = defineUpdate<DisputeState, [JudicialConfirmationInput]>(
  'recordJudicialConfirmation',
);
export const mediationQuery = defineQuery<MediationView>('mediation');

const {
  openMediation,
  recordMediationStep,
  inviteMember,
  settleInvitation,
  markSlotExhausted,
  scheduleMediationSession,
  remindMediationSession,
  recordMediationSession,
  escalateMediation,
  scheduleVisit,
  remindVisit,
  recordVisit,
  storeAgreementPdf,
} = proxyActivities<MediationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const DAY_MS = 86_400_000;
const blank = (s: unknown) => typeof s !== 'string' || !s.trim();

interface Invitation {
  seq: number;
  personId: string;
  deadlineMs: number;
  status: InvitationStatus;
  actorId?: string;
  reason?: string;
}
interface SlotRun {
  key: string;
  label: string;
  required: boolean;
  candidates: string[];
  next: number;
  seq: number;
  status: SlotStatus;
  memberId: string | null;
  memberSeq: number;
  pending?: Invitation;
  withdrawal?: { reason: string; actorId?: string };
}
interface VisitRun {
  round: number;
  seq: number;
  dueAtMs: number;
  done: boolean;
}

/**
 * 联调小组: a dispute taken in with a risk grade → a panel filled slot by slot (each candidate accepts, declines or
 * lets the deadline pass; the next one is invited) → sessions with reminders under a mediation limit that escalates to
 * the street with a 督办单 → an agreement with Article 29 content (then follow-up visits; a broken agreement reopens
 * the dispute with the same panel) or a referral.
 */
export async function mediationWorkflow(input: MediationInput): Promise<DisputeState> {
  let state: DisputeState = 'FORMING';
  let riskGrade = input.riskGrade;
  let escalated = false;
  let round = 0;
  let roundStartMs = Date.now();
  let steps = 0;
  let visit: VisitRun | undefined;
  let agreedAtMs = 0;
  const sessions: { seq: number; startsAtMs: number; recorded: boolean }[] = [];
  const step = (name: string) => `${name}-${++steps}`;
  const slots: SlotRun[] = input.slots.map((s) => ({
    ...s,
    candidates: [...s.candidates],
    next: 0,
    seq: 0,
    status: 'OPEN',
    memberId: null,
    memberSeq: 0,
  }));
  const finished = () => isDisputeFinal(state);
  const mediating = () => state === 'FORMING' || state === 'CONVENED';
  const slotOf = (key: string) => slots.find((s) => s.key === key);
  const allowed = (action: DisputeAction) => {
    const refusal = disputeActionRefusal(action, state);
    if (refusal) refuse(refusal.code, refusal.message);
  };
  const dueOf = () => computeDeadline(input.calendar, roundStartMs, input.mediationLimit);

  setHandler(mediationQuery, () => ({
    state,
    riskGrade,
    deadline: new Date(dueOf()).toISOString(),
    escalated,
    round,
    slots: slots.map((s) => ({
      key: s.key,
      label: s.label,
      required: s.required,
      status: s.status,
      memberId: s.memberId,
      pending: s.pending
        ? { seq: s.pending.seq, personId: s.pending.personId, deadline: new Date(s.pending.deadlineMs).toISOString() }
        : null,
    })),
    sessions: sessions.map((s) => ({
      seq: s.seq,
      startsAt: new Date(s.startsAtMs).toISOString(),
      recorded: s.recorded,
    })),
    visitDue:
      visit && !visit.done
        ? { round: visit.round, seq: visit.seq, dueAt: new Date(visit.dueAtMs).toISOString() }
        : null,
  }));

  /** The panel's state follows its required slots while mediation is under way. */
  const followPanel = async () => {
    if (!mediating()) return;
    const next: DisputeState = panelConvened(slots) ? 'CONVENED' : 'FORMING';
    if (next === state) return;
    state = next;
    await recordMediationStep({
      step: step(next === 'CONVENED' ? 'convened' : 'panel-incomplete'),
      kind: next === 'CONVENED' ? 'CONVENED' : 'PANEL_INCOMPLETE',
      patch: { status: next },
      notify: next === 'CONVENED' ? 'panel' : 'convener',
    });
  };

  // Answers are signals (the API checks them against the read model first); one that is no longer current is recorded and ignored.
  setHandler(answerInvitationSignal, async (a) => {
    const slot = slotOf(a.slotKey);
    const pending = slot?.pending;
    if (pending && pending.seq === a.seq && pending.status === 'PENDING' && !finished()) {
      pending.status = a.accept ? 'ACCEPTED' : 'DECLINED';
      pending.actorId = a.actorId;
      pending.reason = a.reason;
      return;
    }
    await recordMediationStep({
      step: step('stale-answer'),
      kind: 'STALE_ANSWER',
      actorId: a.actorId,
      note: slot?.status === 'FILLED' ? '席位已由其他成员接受，该答复未予采纳' : '邀请已失效，该答复未予采纳',
      data: { slotKey: a.slotKey, seq: a.seq, accept: a.accept },
    });
  });

  setHandler(withdrawMemberSignal, async (w) => {
    const slot = slotOf(w.slotKey);
    if (slot && slot.status === 'FILLED' && !slot.withdrawal && mediating()) {
      slot.withdrawal = { reason: w.reason, actorId: w.actorId };
      return;
    }
    await recordMediationStep({
      step: step('stale-withdrawal'),
      kind: 'STALE_WITHDRAWAL',
      actorId: w.actorId,
      note: '该席位当前没有可回避的成员，申请未予采纳',
      data: { slotKey: w.slotKey },
    });
  });

  setHandler(addCandidatesSignal, async (c) => {
    const slot = slotOf(c.slotKey);
    const fresh = (c.personIds ?? []).filter((id) => slot && !slot.candidates.includes(id));
    if (!slot || !fresh.length) return;
    slot.candidates.push(...fresh);
    await recordMediationStep({
      step: step('candidates-added'),
      kind: 'CANDIDATES_ADDED',
      actorId: c.actorId,
      data: { slotKey: slot.key, personIds: fresh },
    });
  });

  setHandler(
    adjustRiskUpdate,
    async (r) => {
      const before = riskGrade;
      riskGrade = r.grade;
      await recordMediationStep({
        step: step('risk-adjusted'),
        kind: 'RISK_ADJUSTED',
        actorId: r.actorId,
        note: r.reason.trim(),
        data: { from: before, to: r.grade, alert: r.grade === 'HIGH' && before !== 'HIGH' },
        patch: { riskGrade: r.grade, riskAdjustReason: r.reason.trim() },
      });
      return state;
    },
    {
      validator: (r: AdjustRiskInput) => {
        allowed('adjustRisk');
        if (!['LOW', 'MEDIUM', 'HIGH'].includes(r?.grade))
          refuse('VALIDATION_FAILED', '风险等级须为 LOW、MEDIUM 或 HIGH');
        if (blank(r?.reason)) refuse('VALIDATION_FAILED', '调整风险等级须写明理由');
      },
    },
  );

  const remindBefore = async (seq: number, startsAtMs: number) => {
    const remindAt = startsAtMs - (computeDeadline(input.calendar, startsAtMs, input.sessionReminderLead) - startsAtMs);
    if (remindAt > Date.now()) await condition(() => finished(), remindAt - Date.now());
    const session = sessions.find((s) => s.seq === seq);
    if (finished() || !session || session.recorded || Date.now() >= startsAtMs) return;
    await remindMediationSession({ step: `session-reminder-${seq}`, seq });
  };
  const reminders: Promise<void>[] = [];

  setHandler(
    scheduleSessionUpdate,
    async (s) => {
      const seq = sessions.length + 1;
      const startsAtMs = Date.parse(s.startsAt);
      sessions.push({ seq, startsAtMs, recorded: false });
      await scheduleMediationSession({
        step: `session-${seq}`,
        seq,
        place: s.place.trim(),
        startsAtMs,
        actorId: s.actorId,
      });
      reminders.push(remindBefore(seq, startsAtMs));
      return seq;
    },
    {
      validator: (s: ScheduleSessionInput) => {
        allowed('scheduleSession');
        if (blank(s?.place)) refuse('VALIDATION_FAILED', '请填写调解地点');
        const at = Date.parse(s?.startsAt);
        if (!Number.isFinite(at)) refuse('VALIDATION_FAILED', '调解时间格式不正确');
        if (at <= Date.now()) refuse('VALIDATION_FAILED', '调解时间须晚于当前时间');
      },
    },
  );

  setHandler(
    recordSessionUpdate,
    async (r) => {
      const session = sessions.find((s) => s.seq === r.seq);
      if (session) session.recorded = true;
      await recordMediationSession({
        step: `session-record-${r.seq}`,
        seq: r.seq,
        attendance: r.attendance,
        absent: r.absent ?? [],
        minutes: r.minutes.trim(),
        actorId: r.actorId,
      });
      return state;
    },
    {
      validator: (r: RecordSessionInput) => {
        allowed('recordSession');
        const session = sessions.find((s) => s.seq === r?.seq);
        if (!session) refuse('NOT_FOUND', `没有第 ${r?.seq} 次调解会`);
        if (session.recorded) refuse('ILLEGAL_TRANSITION', `第 ${r.seq} 次调解会已记录`);
        if (!Array.isArray(r.attendance) || !r.attendance.length) refuse('VALIDATION_FAILED', '请记录出席人员');
        if (blank(r.minutes)) refuse('VALIDATION_FAILED', '请填写调解笔录');
      },
    },
  );

  setHandler(
    recordAgreementUpdate,
    async (a) => {
      const now = Date.now();
      agreedAtMs = now;
      state = 'AGREED';
      await recordMediationStep({
        step: step('agreed'),
        kind: 'AGREED',
        actorId: a.actorId,
        data: { round },
        patch: { status: 'AGREED', agreement: a.terms, agreedAtMs: now },
        notify: 'panelAndParties',
      });
      await storeAgreementPdf({ step: `agreement-pdf-${round}` });
      await recordMediationStep({
        step: `judicial-notice-${round}`,
        kind: 'JUDICIAL_CONFIRMATION_NOTICE',
        note: `双方当事人可自调解协议生效之日起 ${input.judicialConfirmationDays} 日内共同向人民法院申请司法确认（《人民调解法》第三十三条），截止 ${new Date(now + input.judicialConfirmationDays * DAY_MS).toISOString()}`,
        data: { deadline: new Date(now + input.judicialConfirmationDays * DAY_MS).toISOString() },
        notify: 'panelAndParties',
      });
      return state;
    },
    {
      validator: (a: RecordAgreementInput) => {
        allowed('recordAgreement');
        const missing = missingAgreementContent(a?.terms);
        if (missing.length) refuse('AGREEMENT_INCOMPLETE', agreementRefusalMessage(missing));
      },
    },
  );

  setHandler(
    referUpdate,
    async (r) => {
      state = 'REFERRED';
      const referral = {
        to: r.to,
        department: r.department?.trim(),
        reason: r.reason.trim(),
        partiesNotice: r.partiesNotice.trim(),
        at: new Date(Date.now()).toISOString(),
      };
      await recordMediationStep({
        step: step('referred'),
        kind: 'REFERRED',
        actorId: r.actorId,
        note: r.reason.trim(),
        data: referral,
        patch: { status: 'REFERRED', referral, closedAtMs: Date.now() },
        notify: 'panelAndParties',
      });
      return state;
    },
    {
      validator: (r: ReferInput) => {
        allowed('refer');
        if (!['LABOUR_ARBITRATION', 'LITIGATION', 'DEPARTMENT'].includes(r?.to))
          refuse('VALIDATION_FAILED', '移送去向须为劳动仲裁、诉讼或职能部门');
        if (r.to === 'DEPARTMENT' && blank(r.department)) refuse('VALIDATION_FAILED', '移送职能部门须写明部门名称');
        if (blank(r.reason)) refuse('VALIDATION_FAILED', '请写明调解不成的原因');
        if (blank(r.partiesNotice)) refuse('VALIDATION_FAILED', '请记录已如何告知当事人移送事宜');
      },
    },
  );

  setHandler(
    recordVisitUpdate,
    async (v) => {
      const current = visit as VisitRun;
      current.done = true;
      await recordVisit({
        step: `visit-record-${current.round}-${current.seq}`,
        round: current.round,
        seq: current.seq,
        performed: v.performed,
        note: v.note.trim(),
        actorId: v.actorId,
      });
      if (!v.performed) {
        state = 'CONVENED';
        round += 1;
        roundStartMs = Date.now();
        escalated = false;
        await recordMediationStep({
          step: step('reopened'),
          kind: 'REOPENED',
          actorId: v.actorId,
          note: v.note.trim(),
          data: { round },
          patch: { status: 'CONVENED', reopen: true },
          notify: 'panelAndParties',
        });
      }
      return state;
    },
    {
      validator: (v: RecordVisitInput) => {
        allowed('recordVisit');
        if (!visit || visit.done) refuse('NO_VISIT_DUE', '当前没有待登记的回访');
        if (typeof v?.performed !== 'boolean') refuse('VALIDATION_FAILED', '请选择协议是否正在履行');
        if (blank(v.note)) refuse('VALIDATION_FAILED', '请填写回访情况');
      },
    },
  );

  setHandler(
    recordJudicialConfirmationUpdate,
    async (j) => {
      const record = { appliedOn: j.appliedOn, court: j.court.trim(), result: j.result ?? 'PENDING', note: j.note };
      await recordMediationStep({
        step: step('judicial-confirmation'),
        kind: 'JUDICIAL_CONFIRMATION',
        actorId: j.actorId,
        note: j.note,
        data: record,
        patch: { judicialConfirmation: record },
      });
      return state;
    },
    {
      validator: (j: JudicialConfirmationInput) => {
        allowed('recordJudicialConfirmation');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(j?.appliedOn ?? '')) refuse('VALIDATION_FAILED', '申请日期格式须为 YYYY-MM-DD');
        if (blank(j.court)) refuse('VALIDATION_FAILED', '请填写受理法院');
        if (j.result && !['PENDING', 'CONFIRMED', 'REJECTED'].includes(j.result))
          refuse('VALIDATION_FAILED', '司法确认结果须为 PENDING、CONFIRMED 或 REJECTED');
      },
    },
  );

  /** One slot: invite its candidates in order until one accepts; refill the same way after a withdrawal. */
  const fillSlot = async (slot: SlotRun) => {
    for (;;) {
      if (finished()) return;
      if (!mediating()) {
        await condition(() => finished() || mediating()); // agreed: the panel stays; a reopened dispute keeps it
        continue;
      }
      if (slot.status === 'FILLED') {
        await condition(() => !mediating() || slot.withdrawal !== undefined);
        const w = slot.withdrawal;
        if (!w || !mediating()) continue;
        slot.withdrawal = undefined;
        slot.status = 'OPEN';
        slot.memberId = null;
        await settleInvitation({
          step: `withdrawn-${slot.key}-${slot.memberSeq}`,
          slotKey: slot.key,
          seq: slot.memberSeq,
          status: 'WITHDRAWN',
          memberWithdrawal: true,
          actorId: w.actorId,
          reason: w.reason,
        });
        await followPanel();
        continue;
      }
      if (slot.next >= slot.candidates.length) {
        if (slot.status !== 'EXHAUSTED') {
          slot.status = 'EXHAUSTED';
          await markSlotExhausted({ step: `exhausted-${slot.key}-${slot.seq}`, slotKey: slot.key });
        }
        await condition(() => finished() || slot.next < slot.candidates.length);
        continue;
      }
      const personId = slot.candidates[slot.next++];
      const seq = ++slot.seq;
      const deadlineMs = computeDeadline(input.calendar, Date.now(), input.invitationLimit);
      const invitation: Invitation = { seq, personId, deadlineMs, status: 'PENDING' };
      slot.pending = invitation;
      slot.status = 'INVITING';
      await inviteMember({ step: `invite-${slot.key}-${seq}`, slotKey: slot.key, seq, personId, deadlineMs });
      await condition(() => invitation.status !== 'PENDING' || !mediating(), Math.max(0, deadlineMs - Date.now()));
      if (invitation.status === 'PENDING') {
        // the mediation ended (agreement or referral) before an optional slot's candidate answered: withdraw the invitation
        invitation.status = mediating() ? 'TIMED_OUT' : 'WITHDRAWN';
        if (invitation.status === 'WITHDRAWN') invitation.reason = '调解已有结果，邀请撤回';
      }
      slot.pending = undefined;
      await settleInvitation({
        step: `answer-${slot.key}-${seq}`,
        slotKey: slot.key,
        seq,
        status: invitation.status,
        actorId: invitation.actorId,
        reason: invitation.reason,
      });
      if (invitation.status === 'ACCEPTED') {
        slot.status = 'FILLED';
        slot.memberId = personId;
        slot.memberSeq = seq;
        await followPanel();
      } else if (!mediating()) {
        slot.status = 'OPEN';
      }
    }
  };

  /** The mediation limit of the current round: past it, one 督办单 to the street. */
  const watchLimit = async () => {
    while (!finished()) {
      const watched = round;
      const dueMs = dueOf();
      if (!mediating()) {
        await condition(() => finished() || round !== watched);
        continue;
      }
      if (!escalated && dueMs > Date.now()) {
        await condition(() => !mediating() || round !== watched, dueMs - Date.now());
        continue;
      }
      if (!escalated) {
        escalated = true;
        await escalateMediation({
          step: `overdue-${watched}`,
          lapsedDeadlineMs: dueMs,
          orderDeadlineMs: computeDeadline(input.calendar, Date.now(), input.supervisionOrderLimit),
        });
      }
      await condition(() => !mediating() || round !== watched);
    }
  };

  /** Follow-up visits after an agreement, each with reminders until it is recorded; all performed closes the dispute. */
  const runVisits = async () => {
    for (;;) {
      await condition(() => finished() || state === 'AGREED');
      if (finished()) return;
      const visitRound = round;
      const stillAgreed = () => state === 'AGREED' && round === visitRound;
      for (let i = 0; i < input.visitIntervalsDays.length && stillAgreed(); i++) {
        const dueAtMs = agreedAtMs + input.visitIntervalsDays[i] * DAY_MS;
        if (dueAtMs > Date.now()) await condition(() => !stillAgreed(), dueAtMs - Date.now());
        if (!stillAgreed()) break;
        const current: VisitRun = { round: visitRound, seq: i + 1, dueAtMs, done: false };
        visit = current;
        await scheduleVisit({
          step: `visit-${visitRound}-${current.seq}`,
          round: visitRound,
          seq: current.seq,
          dueAtMs,
        });
        for (let r = 0; r < input.visitMaxReminders && !current.done && stillAgreed(); r++) {
          await condition(() => current.done || !stillAgreed(), input.visitReminderEveryDays * DAY_MS);
          if (!current.done && stillAgreed())
            await remindVisit({
              step: `visit-reminder-${visitRound}-${current.seq}-${r}`,
              round: visitRound,
              seq: current.seq,
              dueAtMs,
            });
        }
        await condition(() => current.done || !stillAgreed());
      }
      if (stillAgreed()) {
        state = 'CLOSED';
        await recordMediationStep({
          step: step('closed'),
          kind: 'CLOSED',
          note: '回访确认调解协议已履行，结案',
          patch: { status: 'CLOSED', closedAtMs: Date.now() },
          notify: 'panel',
        });
        return;
      }
    }
  };

  await openMediation({});
  keepSearchAttributes('mediation', () => ({ state }));
  const running = [...slots.map((s) => fillSlot(s)), watchLimit(), runVisits()];
  await Promise.all(running);
  await Promise.all(reminders);
  await condition(allHandlersFinished);
  return state;
}
