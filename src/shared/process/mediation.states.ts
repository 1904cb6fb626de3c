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
  if (state === 'FORMING' && (action === 'scheduleSession' || action === 'recordSession' || action === 'recordAgreement'))
    return { code: 'PANEL_NOT_CONVENED', message: `调解小组尚未组建完成（必选席位未全部落实），不能${DISPUTE_ACTIONS[action].label}` };
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

/** The 调解协议书 content 人民调解法 Article 29 requires, with signatures and the committee. */
export interface AgreementTerms {
  parties: { name: string; kind: string; idNumber?: string; address?: string; phone?: string; headCount?: number }[];
  facts: string;
  disputedMatters: string;
  responsibilities: string;
  agreedContent: string;
  performanceMethod: string;
  performanceDeadline: string;
  signatures: { parties: string[]; mediators: string[] };
  committee: string;
}

const filled = (s: unknown) => typeof s === 'string' && s.trim().length > 0;

/** The Article 29 items (and signatures, committee) the terms lack, in the law's order; empty when complete. */
export function missingAgreementContent(t: Partial<AgreementTerms> | undefined): string[] {
  const missing: string[] = [];
  const parties = Array.isArray(t?.parties) ? t.parties : [];
  if (parties.length < 2 || !parties.every((p) => filled(p?.name) && (filled(p?.address) || filled(p?.idNumber))))
    missing.push('当事人的基本情况（至少两方，各方姓名/名称及住所或证件号）');
  if (!filled(t?.facts)) missing.push('纠纷的主要事实');
  if (!filled(t?.disputedMatters)) missing.push('争议事项');
  if (!filled(t?.responsibilities)) missing.push('各方当事人的责任');
  if (!filled(t?.agreedContent)) missing.push('当事人达成调解协议的内容');
  if (!filled(t?.performanceMethod)) missing.push('履行方式');
  if (!filled(t?.performanceDeadline)) missing.push('履行期限');
  const signed = t?.signatures;
  if (!Array.isArray(signed?.parties) || signed.parties.filter(filled).length < Math.max(2, Math.min(parties.length, 2)))
    missing.push('当事人签名（盖章）');
  if (!Array.isArray(signed?.mediators) || signed.mediators.filter(filled).length === 0) missing.push('调解员签名');
  if (!filled(t?.committee)) missing.push('人民调解委员会印章（委员会名称）');
  return missing;
}

export const agreementRefusalMessage = (missing: string[]): string =>
  `调解协议书缺少《人民调解法》第二十九条规定的内容：${missing.join('；')}`;
