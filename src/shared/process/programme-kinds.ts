/** 双进双联 "五个一": the quota kinds every paired agency works through each year. Pure: bundled into workflows. */
export const PROGRAMME_TASK_KINDS = [
  'LIVELIHOOD_PROJECT',
  'PARTY_DAY',
  'PARTY_LECTURE',
  'MICRO_WISH',
  'ENTERPRISE_PROBLEM',
] as const;
export type ProgrammeTaskKind = (typeof PROGRAMME_TASK_KINDS)[number];

export const PROGRAMME_TASK_KIND_LABELS: Readonly<Record<ProgrammeTaskKind, string>> = {
  LIVELIHOOD_PROJECT: '民生实事',
  PARTY_DAY: '主题党日',
  PARTY_LECTURE: '党课',
  MICRO_WISH: '微心愿',
  ENTERPRISE_PROBLEM: '企业难题',
};

/** What a completion report may have to carry. */
export const EVIDENCE_ITEMS = ['description', 'photos', 'attendance', 'beneficiaryConfirmation'] as const;
export type EvidenceItem = (typeof EVIDENCE_ITEMS)[number];

export const EVIDENCE_LABELS: Readonly<Record<EvidenceItem, string>> = {
  description: '情况说明',
  photos: '现场照片',
  attendance: '参加人员签到',
  beneficiaryConfirmation: '受助群众或企业的确认',
};

/** A completion report as members submit it. */
export interface TaskEvidence {
  description?: string;
  photos?: string[];
  attendance?: string[];
  beneficiaryConfirmation?: { name: string; phone?: string; note?: string };
}

/** The evidence items `required` names that `evidence` lacks, in the policy's order. */
export function missingEvidence(required: readonly EvidenceItem[], evidence: TaskEvidence | undefined): EvidenceItem[] {
  const e = evidence ?? {};
  const present: Record<EvidenceItem, boolean> = {
    description: typeof e.description === 'string' && e.description.trim().length > 0,
    photos: Array.isArray(e.photos) && e.photos.length > 0,
    attendance: Array.isArray(e.attendance) && e.attendance.length > 0,
    beneficiaryConfirmation:
      typeof e.beneficiaryConfirmation?.name === 'string' && !!e.beneficiaryConfirmation.name.trim(),
  };
  return required.filter((item) => !present[item]);
}

/** The Chinese refusal for missing evidence, or undefined when nothing is missing. */
export function missingEvidenceMessage(missing: readonly EvidenceItem[]): string | undefined {
  if (!missing.length) return undefined;
  return `完成材料不全，还缺：${missing.map((m) => EVIDENCE_LABELS[m]).join('、')}`;
}
