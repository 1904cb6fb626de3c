/**
 * 联调小组 joint mediation: the dispute's states and the steps people may take from each, written once for the
 * mediation workflow (update validators, authoritative) and the API (quick refusals from the read model). Pure.
 */
export type DisputeState = 'FORMING' | 'CONVENED' | 'AGREED' | 'REFERRED' | 'CLOSED';
export type DisputeAction =
  | 'adjustRisk'
  | 'scheduleSession'
  | 'recordSession'
  | 'recordAgreement'
  | 'refer'
  | 'recordVisit'
  | 'recordJudicialConfirmation'
  | 'withdrawMember';

export const DISPUTE_STATES: Readonly<Record<DisputeState, { label: string; final: boolean }>> = {
  FORMING: { label: '组建调解小组中', final: false },
  CONVENED: { label: '调解中', final: false },
  AGREED: { label: '已达成协议（回访中）', final: false },
  REFERRED: { label: '调解不成已移送', final: true },
  CLOSED: { label: '已结案', final: true },
};

export const DISPUTE_ACTIONS: Readonly<
  Record<DisputeAction, { label: string; from: readonly DisputeState[]; to: readonly DisputeState[] }>
> = {
  adjustRisk: { label: '调整风险等级', from: ['FORMING', 'CONVENED'], to: ['FORMING', 'CONVENED'] },
  scheduleSession: { label: '安排调解会', from: ['CONVENED'], to: ['CONVENED'] },
  recordSession: { label: '记录调解会', from: ['CONVENED'], to: ['CONVENED'] },
  recordAgreement: { label: '登记调解协议', from: ['CONVENED'], to: ['AGREED'] },
  refer: { label: '调解不成移送', from: ['FORMING', 'CONVENED'], to: ['REFERRED'] },
  // a visit that finds the agreement broken reopens the dispute with the same panel
  recordVisit: { label: '登记回访', from: ['AGREED'], to: ['AGREED', 'CLOSED', 'CONVENED'] },
  recordJudicialConfirmation: { label: '登记司法确认', from: ['AGREED', 'CLOSED'], to: ['AGREED', 'CLOSED'] },
  withdrawMember: { label: '成员回避', from: ['FORMING', 'CONVENED'], to: ['FORMING', 'CONVENED'] },
};

export interface StepRefusal {
  code: 'ILLEGAL_TRANSITION' | 'PANEL_NOT_CONVENED' | 'SLOT_ALREADY_FILLED' | 'INVITATION_CLOSED';
  message: string;
}

/** Why `action` may not be taken from `state`, or undefined when the table allows it. */
export function disputeActionRefusal(action: DisputeAction, state: DisputeState): StepRefusal | undefined {
  if (DISPUTE_ACTIONS[action].from.includes(state)) return undefined;
  if (
    state === 'FORMING' &&
    (action === 'scheduleSession' || action === 'recordSession' || action === 'recordAgreement')
  )
    return {
      code: 'PANEL_NOT_CONVENED',
      message: `调解小组尚未组建完成（必选席位未全部落实），不能${DISPUTE_ACTIONS[action].label}`,
    };
  return {
    code: 'ILLEGAL_TRANSITION',
    message: `纠纷当前为「${DISPUTE_STATES[state].label}」，不能${DISPUTE_ACTIONS[action].label}`,
  };
}

export const isDisputeFinal = (state: DisputeState): boolean => DISPUTE_STATES[state].final;

/** The panel is convened when every required slot holds a member who accepted. */
export const panelConvened = (slots: readonly { required: boolean; status: string }[]): boolean =>
  slots.every((s) => !s.required || s.status === 'FILLED');

export type RiskGrade = 'LOW' | 'MEDIUM' | 'HIGH';
export const RISK_LABELS: Readonly<Record<RiskGrade, string>> = { LOW: '低风险', MEDIUM: '中风险', HIGH: '高风险' };

/**
 * The 调解协议书 content 人民调解法 Article 29 requires, with signatures and the committee; the same shape as the PDF
 * renderer's MediationAgreementDocument (less the number the dispute gives it). Dates are YYYY-MM-DD, China time.
 */
export interface AgreementTerms {
  committeeName: string;
  parties: {
    designation: string;
    name: string;
    kind: 'PERSON' | 'ENTERPRISE' | 'GROUP';
    headCount: number;
    idNumber?: string;
    address?: string;
    contact?: string;
    representative?: string;
    representativeTitle?: string;
  }[];
  facts: string;
  disputedMatters: string[];
  responsibilities: { party: string; text: string }[];
  terms: string[];
  performance: { method: string; deadline: string; note?: string };
  partySignatures: { party: string; signedBy: string; signedOn: string }[];
  mediatorSignatures: { name: string; role: string; roleNote?: string; signedOn: string }[];
  effectiveOn: string;
}

const filled = (s: unknown) => typeof s === 'string' && s.trim().length > 0;
const isDate = (s: unknown) => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);
const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);

/** The Article 29 items (and signatures, committee) the terms lack, in the law's order; empty when complete. */
export function missingAgreementContent(t: Partial<AgreementTerms> | undefined): string[] {
  const missing: string[] = [];
  const parties = list(t?.parties);
  if (
    parties.length < 2 ||
    !parties.every((p) => filled(p?.designation) && filled(p?.name) && (p?.headCount ?? 0) >= 1)
  )
    missing.push('当事人的基本情况（至少两方，各方称谓、姓名或名称、人数）');
  if (!filled(t?.facts)) missing.push('纠纷的主要事实');
  if (!list(t?.disputedMatters).some(filled)) missing.push('争议事项');
  if (!list(t?.responsibilities).some((r) => filled(r?.text))) missing.push('各方当事人的责任');
  if (!list(t?.terms).some(filled)) missing.push('当事人达成调解协议的内容');
  if (!filled(t?.performance?.method)) missing.push('履行方式');
  if (!isDate(t?.performance?.deadline)) missing.push('履行期限');
  const signed = new Set(
    list(t?.partySignatures)
      .filter((s) => filled(s?.signedBy))
      .map((s) => s.party),
  );
  if (!parties.length || !parties.every((p) => signed.has(p?.designation))) missing.push('各方当事人签名（盖章）');
  if (!list(t?.mediatorSignatures).some((m) => filled(m?.name))) missing.push('人民调解员签名');
  if (!filled(t?.committeeName)) missing.push('人民调解委员会（印章）');
  if (!isDate(t?.effectiveOn)) missing.push('协议生效日期');
  return missing;
}

export const agreementRefusalMessage = (missing: string[]): string =>
  `调解协议书缺少《人民调解法》第二十九条规定的内容：${missing.join('；')}`;
