import type { RiskGrade } from '../../shared/process/mediation.states';
import type { MediationPolicy } from '../policy/mediation-policy.schema';

export interface RiskFacts {
  headCount: number;
  amountYuan?: number;
  gatheringThreat: boolean;
  violenceThreat: boolean;
  vulnerableParties: boolean;
}

const ORDER: RiskGrade[] = ['LOW', 'MEDIUM', 'HIGH'];
const max = (a: RiskGrade, b: RiskGrade): RiskGrade => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);

/** The risk grade the policy's rules give, with one Chinese reason per rule that raised it. */
export function gradeRisk(rules: MediationPolicy['risk'], facts: RiskFacts): { grade: RiskGrade; reasons: string[] } {
  let grade: RiskGrade = 'LOW';
  const reasons: string[] = [];
  const raise = (to: RiskGrade, reason: string) => {
    if (to === 'LOW') return;
    grade = max(grade, to);
    reasons.push(reason);
  };
  if (facts.headCount >= rules.headCount.high)
    raise('HIGH', `涉及 ${facts.headCount} 人（≥${rules.headCount.high} 人）`);
  else if (facts.headCount >= rules.headCount.medium)
    raise('MEDIUM', `涉及 ${facts.headCount} 人（≥${rules.headCount.medium} 人）`);
  const amount = facts.amountYuan ?? 0;
  if (amount >= rules.amountYuan.high) raise('HIGH', `涉及金额 ${amount} 元（≥${rules.amountYuan.high} 元）`);
  else if (amount >= rules.amountYuan.medium)
    raise('MEDIUM', `涉及金额 ${amount} 元（≥${rules.amountYuan.medium} 元）`);
  if (facts.gatheringThreat) raise(rules.gatheringThreat, '有聚集上访苗头');
  if (facts.violenceThreat) raise(rules.violenceThreat, '有暴力或过激行为风险');
  if (facts.vulnerableParties) raise(rules.vulnerableParties, '涉及老弱病残等弱势当事人');
  return { grade, reasons };
}
