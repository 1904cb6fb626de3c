import type { MediationAgreementService } from '../src/modules/mediation/mediation-agreement.service';
import type { MediationProgressService } from '../src/modules/mediation/mediation-progress.service';
import type {
  InviteInput,
  MediationStepInput,
  OverdueInput,
  SessionInput,
  SessionRecordInput,
  SettleInvitationInput,
  VisitInput,
  VisitRecordInput,
} from '../src/modules/mediation/mediation.types';
import { callingWorkflowId } from './activity-context';

export function mediationActivities(mediation: MediationProgressService, agreements: MediationAgreementService) {
  return {
    openMediation: (_input: object) => mediation.open(callingWorkflowId()),
    recordMediationStep: (input: MediationStepInput) => mediation.recordStep(callingWorkflowId(), input),
    inviteMember: (input: InviteInput) => mediation.invite(callingWorkflowId(), input),
    settleInvitation: (input: SettleInvitationInput) => mediation.settleInvitation(callingWorkflowId(), input),
    markSlotExhausted: (input: { step: string; slotKey: string }) =>
      mediation.slotExhausted(callingWorkflowId(), input),
    scheduleMediationSession: (input: SessionInput) => mediation.scheduleSession(callingWorkflowId(), input),
    remindMediationSession: (input: { step: string; seq: number }) =>
      mediation.remindSession(callingWorkflowId(), input),
    recordMediationSession: (input: SessionRecordInput) => mediation.recordSession(callingWorkflowId(), input),
    escalateMediation: (input: OverdueInput) => mediation.escalate(callingWorkflowId(), input),
    scheduleVisit: (input: VisitInput) => mediation.scheduleVisit(callingWorkflowId(), input),
    remindVisit: (input: VisitInput & { step: string }) => mediation.remindVisit(callingWorkflowId(), input),
    recordVisit: (input: VisitRecordInput) => mediation.recordVisit(callingWorkflowId(), input),
    storeAgreementPdf: (input: { step: string }) => agreements.renderAndStore(callingWorkflowId(), input.step),
  };
}

export type MediationActivities = ReturnType<typeof mediationActivities>;
