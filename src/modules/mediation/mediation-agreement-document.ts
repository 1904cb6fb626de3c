/**
 * The content of a 人民调解协议书 as printed. Fields follow 人民调解法 Article 29 (parties' basic
 * information; main facts, disputed matters and each party's responsibility; agreed content,
 * method and deadline of performance) plus signatures, the committee and the Article 33 notice.
 * Pure data: the backend fills it from the dispute, the renderer prints it. Additive changes only.
 * Calendar dates are `YYYY-MM-DD` in Asia/Shanghai.
 */
export type CalendarDate = string;

export const MEDIATION_PARTY_KINDS = ['PERSON', 'ENTERPRISE', 'GROUP'] as const;
export type MediationPartyKind = (typeof MEDIATION_PARTY_KINDS)[number];

export const MEDIATION_PARTY_KIND_LABELS: Record<MediationPartyKind, string> = {
  PERSON: '自然人',
  ENTERPRISE: '企业',
  GROUP: '群体',
};

export interface MediationAgreementParty {
  /** 甲方, 乙方 … as written in the agreement. */
  designation: string;
  name: string;
  kind: MediationPartyKind;
  /** People the party stands for; 1 for a person, e.g. 80 for a group of workers. */
  headCount: number;
  /** 身份证号 for a person, 统一社会信用代码 for an enterprise; absent for an unregistered group. */
  idNumber?: string;
  address?: string;
  contact?: string;
  /** Legal representative of an enterprise or the elected representative of a group. */
  representative?: string;
  representativeTitle?: string;
}

export interface MediationAgreementResponsibility {
  /** The party's designation (甲方 …). */
  party: string;
  text: string;
}

export interface MediationAgreementPerformance {
  /** 履行方式, e.g. 银行转账一次性支付. */
  method: string;
  deadline: CalendarDate;
  /** Any further arrangement (place, instalments, who witnesses). */
  note?: string;
}

export const MEDIATOR_ROLES = [
  'COMMUNITY_SECRETARY',
  'SECURITY_DIRECTOR',
  'POLICE_OFFICER',
  'LAWYER',
  'FIVE_ELDERS',
  'DEPARTMENT',
  'OTHER',
] as const;
export type MediatorRole = (typeof MEDIATOR_ROLES)[number];

export const MEDIATOR_ROLE_LABELS: Record<MediatorRole, string> = {
  COMMUNITY_SECRETARY: '社区党组织书记',
  SECURITY_DIRECTOR: '治保主任',
  POLICE_OFFICER: '民警',
  LAWYER: '律师',
  FIVE_ELDERS: '“五老”成员',
  DEPARTMENT: '职能部门',
  OTHER: '调解员',
};

export interface MediationAgreementPartySignature {
  party: string;
  /** Who signed (the person, or the representative for an enterprise or group). */
  signedBy: string;
  signedOn: CalendarDate;
}

export interface MediationAgreementMediatorSignature {
  name: string;
  role: MediatorRole;
  /** Free text shown after the role, e.g. the department's name. */
  roleNote?: string;
  signedOn: CalendarDate;
}

export interface MediationAgreementDocument {
  /** e.g. 米庄调协字〔2023〕第 017 号. */
  agreementNo: string;
  /** 人民调解委员会 that issues the agreement (its seal line). */
  committeeName: string;
  title?: string;
  parties: MediationAgreementParty[];
  facts: string;
  disputedMatters: string[];
  responsibilities: MediationAgreementResponsibility[];
  terms: string[];
  performance: MediationAgreementPerformance;
  partySignatures: MediationAgreementPartySignature[];
  mediatorSignatures: MediationAgreementMediatorSignature[];
  /** The day all parties and mediators signed and the committee sealed; also fixes the PDF's dates. */
  effectiveOn: CalendarDate;
  /** Copies issued (一式 N 份); defaults to one per party plus one for the committee. */
  copies?: number;
  /** Days within which the parties may jointly apply for judicial confirmation; 30 by Article 33. */
  judicialConfirmationDays?: number;
}

export const JUDICIAL_CONFIRMATION_DAYS = 30;

export const CALENDAR_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The parts Article 29 requires that are missing or blank; empty when the document is complete. */
export function missingArticle29Content(doc: MediationAgreementDocument): string[] {
  const missing: string[] = [];
  const blank = (s: string | undefined) => !s || s.trim() === '';
  if (doc.parties.length < 2 || doc.parties.some((p) => blank(p.name) || blank(p.designation) || p.headCount < 1))
    missing.push('当事人基本情况');
  if (blank(doc.facts)) missing.push('纠纷的主要事实');
  if (doc.disputedMatters.filter((m) => !blank(m)).length === 0) missing.push('争议事项');
  if (doc.responsibilities.filter((r) => !blank(r.text)).length === 0) missing.push('各方当事人的责任');
  if (doc.terms.filter((t) => !blank(t)).length === 0) missing.push('达成协议的内容');
  if (blank(doc.performance.method) || !CALENDAR_DATE_PATTERN.test(doc.performance.deadline))
    missing.push('履行方式、期限');
  return missing;
}
