import type { NamePath } from 'antd/es/form/interface';

import {
  diffDescribed,
  limitText,
  type Described,
  type FieldChange,
  type Limit,
  type LimitUnit,
} from './policy-editor-parts';

export { limitText, limitUnitLabel, type FieldChange, type Limit, type LimitUnit } from './policy-editor-parts';

/** The request-loop policy as the API stores it (validated by the API's own schema on save). */
export interface LadderStep {
  level: string;
  notify: string[];
  supervisionOrderLimit: Limit;
}
export interface RequestLoopPolicy {
  clocks: {
    accept: { limit: Limit };
    contactDepartment: { limit: Limit };
    firstResponse: { limit: Limit };
    resolution: Record<string, { limit: Limit }>;
  };
  categoryLimits: Record<string, string>;
  defaultPriority: string;
  reminders: { fractions: number[] };
  escalation: { ladder: LadderStep[] };
  extension: { maxWorkingDays: number; maxExtensions: number };
  duplicates: { radiusMeters: number; windowHours: number };
  rating: { windowDays: number };
}

/** The form's shape: records become ordered rows so people can add, remove and rename them. */
export interface PolicyFormValues {
  accept: Limit;
  contactDepartment: Limit;
  firstResponse: Limit;
  resolution: { key: string; amount: number; unit: LimitUnit }[];
  defaultPriority: string;
  categoryLimits: { category: string; priority: string }[];
  reminders: { percent: number }[];
  ladder: { level: string; notify: string[]; limit: Limit }[];
  extension: { maxWorkingDays: number; maxExtensions: number };
  duplicates: { radiusMeters: number; windowHours: number };
  rating: { windowDays: number };
  note?: string;
}

export const priorityLabel: Record<string, string> = {
  urgent: '紧急',
  utilities: '水电气暖',
  general: '一般',
  complex: '复杂',
};
export const priorityText = (key: string): string => (priorityLabel[key] ? `${priorityLabel[key]}（${key}）` : key);

export const escalationLevelLabel: Record<string, string> = {
  GRID_WORKER: '网格员',
  COMMUNITY: '社区',
  STREET_DEPARTMENT: '街道部门',
  DISTRICT_SUPERVISION: '区级督办',
};

// Percentages on screen, fractions in the policy: rounded so 0.8 never shows as 80.00000000000001.
const toPercent = (f: number) => Math.round(f * 10000) / 100;
const toFraction = (p: number) => Math.round(p * 100) / 10000;

export function toFormValues(p: RequestLoopPolicy): PolicyFormValues {
  return {
    accept: { ...p.clocks.accept.limit },
    contactDepartment: { ...p.clocks.contactDepartment.limit },
    firstResponse: { ...p.clocks.firstResponse.limit },
    resolution: Object.entries(p.clocks.resolution).map(([key, c]) => ({ key, ...c.limit })),
    defaultPriority: p.defaultPriority,
    categoryLimits: Object.entries(p.categoryLimits).map(([category, priority]) => ({ category, priority })),
    reminders: p.reminders.fractions.map((f) => ({ percent: toPercent(f) })),
    ladder: p.escalation.ladder.map((s) => ({
      level: s.level,
      notify: [...s.notify],
      limit: { ...s.supervisionOrderLimit },
    })),
    extension: { ...p.extension },
    duplicates: { ...p.duplicates },
    rating: { ...p.rating },
  };
}

export function fromFormValues(v: PolicyFormValues): RequestLoopPolicy {
  const limit = (l: Limit): Limit => ({ unit: l.unit, amount: Number(l.amount) });
  return {
    clocks: {
      accept: { limit: limit(v.accept) },
      contactDepartment: { limit: limit(v.contactDepartment) },
      firstResponse: { limit: limit(v.firstResponse) },
      resolution: Object.fromEntries((v.resolution ?? []).map((r) => [r.key?.trim(), { limit: limit(r) }])),
    },
    categoryLimits: Object.fromEntries((v.categoryLimits ?? []).map((c) => [c.category?.trim(), c.priority])),
    defaultPriority: v.defaultPriority,
    reminders: { fractions: (v.reminders ?? []).map((r) => toFraction(Number(r.percent))) },
    escalation: {
      ladder: (v.ladder ?? []).map((s) => ({
        level: s.level,
        notify: s.notify ?? [],
        supervisionOrderLimit: limit(s.limit),
      })),
    },
    extension: { maxWorkingDays: Number(v.extension.maxWorkingDays), maxExtensions: Number(v.extension.maxExtensions) },
    duplicates: { radiusMeters: Number(v.duplicates.radiusMeters), windowHours: Number(v.duplicates.windowHours) },
    rating: { windowDays: Number(v.rating.windowDays) },
  };
}

/** The resolution limit a category gets under a policy (categories not listed take the default priority). */
export function resolutionLimitOf(p: RequestLoopPolicy, category: string | null): { priority: string; limit?: Limit } {
  const priority =
    category && Object.hasOwn(p.categoryLimits, category) ? p.categoryLimits[category] : p.defaultPriority;
  return { priority, limit: p.clocks.resolution[priority]?.limit };
}

const clockNames: Record<string, string> = {
  accept: '受理时限',
  contactDepartment: '联系街道部门时限',
  firstResponse: '首次反馈时限',
};

/** Every setting as a labelled, readable value: what the diff compares and shows. */
function describe(p: RequestLoopPolicy): Described {
  const out: Described = new Map();
  const put = (key: string, label: string, value: string) => out.set(key, { label, value });
  for (const name of ['accept', 'contactDepartment', 'firstResponse'] as const)
    put(`clocks.${name}`, clockNames[name], limitText(p.clocks[name]?.limit));
  for (const [key, c] of Object.entries(p.clocks.resolution ?? {}))
    put(`clocks.resolution.${key}`, `办结时限 · ${priorityText(key)}`, limitText(c.limit));
  put('defaultPriority', '默认时限等级', priorityText(p.defaultPriority));
  for (const [category, priority] of Object.entries(p.categoryLimits ?? {})) {
    const limit = p.clocks.resolution?.[priority]?.limit;
    put(`categoryLimits.${category}`, `类别「${category}」`, `${priorityText(priority)} · ${limitText(limit)}`);
  }
  put('reminders.fractions', '提醒点', (p.reminders?.fractions ?? []).map((f) => `${toPercent(f)}%`).join('、'));
  (p.escalation?.ladder ?? []).forEach((s, i) => {
    const label = `升级阶梯第 ${i + 1} 级`;
    put(
      `escalation.ladder.${i}`,
      label,
      `${escalationLevelLabel[s.level] ?? s.level}；通知 ${s.notify.join('、')}；督办时限 ${limitText(s.supervisionOrderLimit)}`,
    );
  });
  put('extension.maxWorkingDays', '延期最多工作日', String(p.extension?.maxWorkingDays));
  put('extension.maxExtensions', '最多延期次数', String(p.extension?.maxExtensions));
  put('duplicates.radiusMeters', '疑似重复半径（米）', String(p.duplicates?.radiusMeters));
  put('duplicates.windowHours', '疑似重复时间窗（小时）', String(p.duplicates?.windowHours));
  put('rating.windowDays', '评价期限（天）', String(p.rating?.windowDays));
  return out;
}

/** Changed settings, old → new. */
export const diffPolicies = (before: RequestLoopPolicy, after: RequestLoopPolicy): FieldChange[] =>
  diffDescribed(describe(before), describe(after));

/**
 * Where an API validation issue (`details: [{ path: 'clocks.resolution.general.limit.amount', message }]`) belongs in
 * the form; null when it has no field of its own (then it is listed above the form).
 */
export function fieldOfIssue(path: string, v: PolicyFormValues): NamePath | null {
  const parts = path.split('.');
  const limitPart = (rest: string[]) => (rest.includes('unit') ? 'unit' : 'amount');
  if (parts[0] === 'clocks') {
    const clock = parts[1];
    if (clock === 'resolution') {
      if (parts.length === 2) return v.resolution.length ? ['resolution', 0, 'key'] : null;
      const idx = v.resolution.findIndex((r) => r.key?.trim() === parts[2]);
      if (idx < 0) return null;
      return ['resolution', idx, parts.length > 3 ? limitPart(parts.slice(3)) : 'key'];
    }
    if (clock in clockNames) return [clock, limitPart(parts.slice(2))];
    return null;
  }
  if (parts[0] === 'categoryLimits') {
    const category = parts.slice(1).join('.');
    const idx = v.categoryLimits.findIndex((c) => c.category?.trim() === category);
    return idx < 0 ? null : ['categoryLimits', idx, 'priority'];
  }
  if (parts[0] === 'defaultPriority') return ['defaultPriority'];
  if (parts[0] === 'reminders') {
    const idx = parts[2] !== undefined ? Number(parts[2]) : v.reminders.length - 1;
    return v.reminders.length ? ['reminders', Math.max(0, idx), 'percent'] : null;
  }
  if (parts[0] === 'escalation') {
    if (parts.length < 3) return v.ladder.length ? ['ladder', 0, 'level'] : null;
    const idx = Number(parts[2]);
    const field = parts[3];
    if (field === 'notify') return ['ladder', idx, 'notify'];
    if (field === 'supervisionOrderLimit') return ['ladder', idx, 'limit', limitPart(parts.slice(4))];
    return ['ladder', idx, 'level'];
  }
  if (['extension', 'duplicates', 'rating'].includes(parts[0]) && parts[1]) return [parts[0], parts[1]];
  return null;
}
