import type { NamePath } from 'antd/es/form/interface';
import { diffDescribed, limitText, type Described, type FieldChange, type Limit } from './policy-editor-parts';

/** 一事一评 points and 黄牌预警 rules as the API stores them (validated by the API's own schema on save). */
export interface RatingPolicy {
  points: { fiveStar: { unit: number; person: number }; oneStar: { unit: number; person: number } };
  yellowCard: {
    holder: 'UNIT' | 'PERSON' | 'BOTH';
    explanationLimit: Limit;
    resubmitLimit: Limit;
    appealWindow: Limit;
    reminderFractions: number[];
    escalation: ('STREET' | 'DISTRICT')[];
  };
  repeats: { periodDays: number; interviewAt: number; interviewLimit: Limit; annualReviewAt: number };
}

/** The form: the policy itself, with reminder fractions as rows of percentages. */
export type RatingFormValues = Omit<RatingPolicy, 'yellowCard'> & {
  yellowCard: Omit<RatingPolicy['yellowCard'], 'reminderFractions'> & { reminders: { percent: number }[] };
  note?: string;
};

export const holderLabel: Record<RatingPolicy['yellowCard']['holder'], string> = {
  UNIT: '承办单位',
  PERSON: '承办人',
  BOTH: '单位和个人',
};
export const cardLevelLabel: Record<string, string> = { STREET: '街道领导', DISTRICT: '区级督导' };

const toPercent = (f: number) => Math.round(f * 10000) / 100;
const toFraction = (p: number) => Math.round(p * 100) / 10000;
const limit = (l: Limit): Limit => ({ unit: l.unit, amount: Number(l.amount) });

export function toRatingForm(p: RatingPolicy): RatingFormValues {
  const { reminderFractions, ...card } = p.yellowCard;
  return {
    points: structuredClone(p.points),
    yellowCard: { ...structuredClone(card), reminders: reminderFractions.map((f) => ({ percent: toPercent(f) })) },
    repeats: structuredClone(p.repeats),
  };
}

export function fromRatingForm(v: RatingFormValues): RatingPolicy {
  const pts = (x: { unit: number; person: number }) => ({ unit: Number(x.unit), person: Number(x.person) });
  return {
    points: { fiveStar: pts(v.points.fiveStar), oneStar: pts(v.points.oneStar) },
    yellowCard: {
      holder: v.yellowCard.holder,
      explanationLimit: limit(v.yellowCard.explanationLimit),
      resubmitLimit: limit(v.yellowCard.resubmitLimit),
      appealWindow: limit(v.yellowCard.appealWindow),
      reminderFractions: (v.yellowCard.reminders ?? []).map((r) => toFraction(Number(r.percent))),
      escalation: v.yellowCard.escalation ?? [],
    },
    repeats: {
      periodDays: Number(v.repeats.periodDays),
      interviewAt: Number(v.repeats.interviewAt),
      interviewLimit: limit(v.repeats.interviewLimit),
      annualReviewAt: Number(v.repeats.annualReviewAt),
    },
  };
}

/** Labels shared by the form and the diff, so a change reads the same as the field it came from. */
export const ratingLabels = {
  'points.fiveStar.unit': '五星好评 · 单位积分',
  'points.fiveStar.person': '五星好评 · 个人积分',
  'points.oneStar.unit': '一星差评 · 单位积分',
  'points.oneStar.person': '一星差评 · 个人积分',
  'yellowCard.holder': '黄牌持有人',
  'yellowCard.explanationLimit': '说明整改时限',
  'yellowCard.resubmitLimit': '退回后重报时限',
  'yellowCard.appealWindow': '申诉期限',
  'yellowCard.reminderFractions': '黄牌提醒点',
  'yellowCard.escalation': '逾期逐级上报',
  'repeats.periodDays': '黄牌统计周期（天）',
  'repeats.interviewAt': '约谈阈值（第几张黄牌）',
  'repeats.interviewLimit': '约谈时限',
  'repeats.annualReviewAt': '列入述职评议阈值（第几张黄牌）',
} as const;

function describe(p: RatingPolicy): Described {
  const out: Described = new Map();
  const put = (key: keyof typeof ratingLabels, value: string) => out.set(key, { label: ratingLabels[key], value });
  for (const star of ['fiveStar', 'oneStar'] as const)
    for (const who of ['unit', 'person'] as const) put(`points.${star}.${who}`, String(p.points[star][who]));
  put('yellowCard.holder', holderLabel[p.yellowCard.holder] ?? p.yellowCard.holder);
  put('yellowCard.explanationLimit', limitText(p.yellowCard.explanationLimit));
  put('yellowCard.resubmitLimit', limitText(p.yellowCard.resubmitLimit));
  put('yellowCard.appealWindow', limitText(p.yellowCard.appealWindow));
  put('yellowCard.reminderFractions', p.yellowCard.reminderFractions.map((f) => `${toPercent(f)}%`).join('、'));
  put('yellowCard.escalation', p.yellowCard.escalation.map((l) => cardLevelLabel[l] ?? l).join(' → '));
  put('repeats.periodDays', String(p.repeats.periodDays));
  put('repeats.interviewAt', String(p.repeats.interviewAt));
  put('repeats.interviewLimit', limitText(p.repeats.interviewLimit));
  put('repeats.annualReviewAt', String(p.repeats.annualReviewAt));
  return out;
}

export const diffRatingPolicies = (before: RatingPolicy, after: RatingPolicy): FieldChange[] =>
  diffDescribed(describe(before), describe(after));

/** Where an API issue (`repeats.annualReviewAt`, `yellowCard.reminderFractions.1` …) sits in the form. */
export function ratingFieldOfIssue(path: string, v: RatingFormValues): NamePath | null {
  const parts = path.split('.');
  if (parts[0] === 'yellowCard' && parts[1] === 'reminderFractions') {
    const n = v.yellowCard?.reminders?.length ?? 0;
    if (!n) return null;
    const idx = parts[2] !== undefined ? Math.min(Number(parts[2]), n - 1) : n - 1;
    return ['yellowCard', 'reminders', idx, 'percent'];
  }
  if (parts.some((p) => p === 'limit' || p.endsWith('Limit') || p === 'appealWindow') && parts.length === 2)
    return [...parts, 'amount'];
  if (parts[0] === 'yellowCard' && parts[1] === 'escalation') return ['yellowCard', 'escalation'];
  const known = ['points', 'yellowCard', 'repeats'].includes(parts[0]) && parts.length >= 2;
  return known ? parts : null;
}
