import type { NamePath } from 'antd/es/form/interface';
import { roleLabel } from '../layout/console-layout';
import { diffDescribed, limitText, type Described, type FieldChange, type Limit } from './policy-editor-parts';

type Grade = 'LOW' | 'MEDIUM' | 'HIGH';
interface Thresholds {
  medium: number;
  high: number;
}
export type CandidateSource =
  | { kind: 'position'; roles: string[]; level: 'COMMUNITY' | 'STREET' }
  | { kind: 'department'; routeCategory?: string }
  | { kind: 'named' };
interface Panel {
  required: string[];
  optional: string[];
}
export interface MediationLimit {
  unit: 'days' | 'workingDays';
  amount: number;
}

/** 联调小组 rules as the API stores them (validated by the API's own schema on save). */
export interface MediationPolicy {
  risk: {
    headCount: Thresholds;
    amountYuan: Thresholds;
    gatheringThreat: Grade;
    violenceThreat: Grade;
    vulnerableParties: Grade;
  };
  slots: { key: string; label: string; source: CandidateSource }[];
  panels: Record<string, Panel>;
  defaultPanel: Panel;
  invitationLimit: Limit;
  mediationLimit: MediationLimit;
  supervisionOrderLimit: Limit;
  sessionReminderLead: Limit;
  visitIntervalsDays: number[];
  visitReminderEveryDays: number;
  visitMaxReminders: number;
  judicialConfirmationDays: number;
}

/** One form row per slot (its source flattened), per category panel and per follow-up visit. */
export interface SlotRow {
  key: string;
  label: string;
  kind: CandidateSource['kind'];
  roles?: string[];
  level?: 'COMMUNITY' | 'STREET';
  routeCategory?: string;
}
export type MediationFormValues = Omit<MediationPolicy, 'slots' | 'panels' | 'visitIntervalsDays'> & {
  slots: SlotRow[];
  panels: ({ category: string } & Panel)[];
  visits: { days: number }[];
  note?: string;
};

export const gradeLabel: Record<Grade, string> = { LOW: '低风险', MEDIUM: '中风险', HIGH: '高风险' };
export const sourceKindLabel: Record<CandidateSource['kind'], string> = {
  position: '按岗位（本社区/街道在岗人员）',
  department: '按职能部门（类别派往的部门）',
  named: '由召集人指定',
};
export const levelLabel: Record<'COMMUNITY' | 'STREET', string> = { COMMUNITY: '本社区', STREET: '本街道' };
export const mediationLimitUnitLabel: Record<MediationLimit['unit'], string> = {
  days: '自然日',
  workingDays: '个工作日',
};

export function toMediationForm(p: MediationPolicy): MediationFormValues {
  const { slots, panels, visitIntervalsDays, ...rest } = structuredClone(p);
  return {
    ...rest,
    slots: slots.map(({ key, label, source }) => ({ key, label, ...source })),
    panels: Object.entries(panels).map(([category, panel]) => ({ category, ...panel })),
    visits: visitIntervalsDays.map((days) => ({ days })),
  };
}

const source = (s: SlotRow): CandidateSource => {
  if (s.kind === 'position') return { kind: 'position', roles: s.roles ?? [], level: s.level ?? 'COMMUNITY' };
  if (s.kind === 'department')
    return { kind: 'department', ...(s.routeCategory?.trim() ? { routeCategory: s.routeCategory.trim() } : {}) };
  return { kind: 'named' };
};
const limit = (l: Limit): Limit => ({ unit: l.unit, amount: Number(l.amount) });
const panel = (p: Partial<Panel> | undefined): Panel => ({ required: p?.required ?? [], optional: p?.optional ?? [] });
const thresholds = (t: Thresholds): Thresholds => ({ medium: Number(t.medium), high: Number(t.high) });

export function fromMediationForm(v: MediationFormValues): MediationPolicy {
  return {
    risk: {
      headCount: thresholds(v.risk.headCount),
      amountYuan: thresholds(v.risk.amountYuan),
      gatheringThreat: v.risk.gatheringThreat,
      violenceThreat: v.risk.violenceThreat,
      vulnerableParties: v.risk.vulnerableParties,
    },
    slots: (v.slots ?? []).map((s) => ({ key: s.key?.trim(), label: s.label?.trim(), source: source(s) })),
    panels: Object.fromEntries((v.panels ?? []).map((p) => [p.category?.trim(), panel(p)])),
    defaultPanel: panel(v.defaultPanel),
    invitationLimit: limit(v.invitationLimit),
    mediationLimit: { unit: v.mediationLimit.unit, amount: Number(v.mediationLimit.amount) },
    supervisionOrderLimit: limit(v.supervisionOrderLimit),
    sessionReminderLead: limit(v.sessionReminderLead),
    visitIntervalsDays: (v.visits ?? []).map((r) => Number(r.days)),
    visitReminderEveryDays: Number(v.visitReminderEveryDays),
    visitMaxReminders: Number(v.visitMaxReminders),
    judicialConfirmationDays: Number(v.judicialConfirmationDays),
  };
}

/** Labels shared by the form and the diff, so a change reads the same as the field it came from. */
export const mediationLabels = {
  'risk.headCount.medium': '涉及人数 · 中风险阈值（人）',
  'risk.headCount.high': '涉及人数 · 高风险阈值（人）',
  'risk.amountYuan.medium': '涉及金额 · 中风险阈值（元）',
  'risk.amountYuan.high': '涉及金额 · 高风险阈值（元）',
  'risk.gatheringThreat': '扬言聚集 · 风险等级',
  'risk.violenceThreat': '扬言暴力 · 风险等级',
  'risk.vulnerableParties': '涉及弱势群体 · 风险等级',
  defaultPanel: '其他类别的小组组成',
  invitationLimit: '邀请答复时限',
  mediationLimit: '调解时限',
  supervisionOrderLimit: '督办单办理时限',
  sessionReminderLead: '调解会议提前提醒',
  visitIntervalsDays: '回访间隔（天）',
  visitReminderEveryDays: '回访催办间隔（天）',
  visitMaxReminders: '回访最多催办次数',
  judicialConfirmationDays: '司法确认申请期限（天）',
} as const;

export const mediationLimitText = (l: MediationLimit | undefined): string =>
  l ? `${l.amount} ${mediationLimitUnitLabel[l.unit] ?? l.unit}` : '—';

function sourceText(s: CandidateSource): string {
  if (s.kind === 'position')
    return `${levelLabel[s.level] ?? s.level}岗位：${s.roles.map((r) => roleLabel[r] ?? r).join('、')}`;
  if (s.kind === 'department') return s.routeCategory ? `职能部门（按「${s.routeCategory}」派往）` : '职能部门';
  return '召集人指定';
}

function describe(p: MediationPolicy): Described {
  const out: Described = new Map();
  const put = (key: keyof typeof mediationLabels, value: string) =>
    out.set(key, { label: mediationLabels[key], value });
  for (const factor of ['headCount', 'amountYuan'] as const)
    for (const level of ['medium', 'high'] as const) put(`risk.${factor}.${level}`, String(p.risk[factor][level]));
  for (const fact of ['gatheringThreat', 'violenceThreat', 'vulnerableParties'] as const)
    put(`risk.${fact}`, gradeLabel[p.risk[fact]] ?? p.risk[fact]);
  const slotName = new Map(p.slots.map((s) => [s.key, s.label]));
  for (const s of p.slots)
    out.set(`slots.${s.key}`, { label: `席位「${s.key}」`, value: `${s.label} · ${sourceText(s.source)}` });
  const panelText = (x: Panel) => {
    const names = (keys: string[]) => keys.map((k) => slotName.get(k) ?? k).join('、') || '无';
    return `必选：${names(x.required)}；可选：${names(x.optional)}`;
  };
  for (const [category, x] of Object.entries(p.panels))
    out.set(`panels.${category}`, { label: `小组组成 · ${category}`, value: panelText(x) });
  put('defaultPanel', panelText(p.defaultPanel));
  put('invitationLimit', limitText(p.invitationLimit));
  put('mediationLimit', mediationLimitText(p.mediationLimit));
  put('supervisionOrderLimit', limitText(p.supervisionOrderLimit));
  put('sessionReminderLead', limitText(p.sessionReminderLead));
  put('visitIntervalsDays', p.visitIntervalsDays.join('、'));
  put('visitReminderEveryDays', String(p.visitReminderEveryDays));
  put('visitMaxReminders', String(p.visitMaxReminders));
  put('judicialConfirmationDays', String(p.judicialConfirmationDays));
  return out;
}

export const diffMediationPolicies = (before: MediationPolicy, after: MediationPolicy): FieldChange[] =>
  diffDescribed(describe(before), describe(after));

const limits = ['invitationLimit', 'mediationLimit', 'supervisionOrderLimit', 'sessionReminderLead'];
const numbers = ['visitReminderEveryDays', 'visitMaxReminders', 'judicialConfirmationDays'];

/** A panel issue's index runs over required then optional (the API checks them as one list). */
function panelField(base: (string | number)[], p: Partial<Panel> | undefined, rest: string[]): NamePath | null {
  if (rest[0] === 'required' || rest[0] === 'optional') return [...base, rest[0]];
  if (rest.length === 1 && /^\d+$/.test(rest[0])) {
    const which = Number(rest[0]) < (p?.required?.length ?? 0) ? 'required' : 'optional';
    return [...base, which];
  }
  return null;
}

/** Where an API issue (`risk.headCount.high`, `slots.2.source.roles`, `panels.邻里纠纷.1` …) sits in the form. */
export function mediationFieldOfIssue(path: string, v: MediationFormValues): NamePath | null {
  const parts = path.split('.');
  const [head] = parts;
  if (head === 'risk' && parts.length >= 2) return parts.slice(0, 3);
  if (head === 'slots') {
    if (parts.length === 1) {
      // 席位键不能重复: the first row repeating an earlier key
      const keys = (v.slots ?? []).map((s) => s?.key);
      const dup = keys.findIndex((k, i) => keys.indexOf(k) !== i);
      return dup >= 0 ? ['slots', dup, 'key'] : null;
    }
    const idx = Number(parts[1]);
    const field = parts[2] === 'source' ? (parts[3] ?? 'kind') : (parts[2] ?? 'key');
    return ['slots', idx, field];
  }
  if (head === 'panels') {
    const rest = path.slice('panels.'.length);
    const row = (v.panels ?? []).findIndex((p) => p?.category && rest.startsWith(`${p.category.trim()}.`));
    if (row < 0) return null;
    return panelField(['panels', row], v.panels[row], rest.slice(v.panels[row].category.trim().length + 1).split('.'));
  }
  if (head === 'defaultPanel') return panelField(['defaultPanel'], v.defaultPanel, parts.slice(1));
  if (limits.includes(head)) return [head, parts.length > 1 ? parts[1] : 'amount'];
  if (head === 'visitIntervalsDays') {
    const n = v.visits?.length ?? 0;
    if (!n) return null;
    const idx = parts[1] !== undefined ? Math.min(Number(parts[1]), n - 1) : n - 1;
    return ['visits', idx, 'days'];
  }
  return numbers.includes(head) ? [head] : null;
}
