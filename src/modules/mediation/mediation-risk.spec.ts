import { DEFAULT_MEDIATION_POLICY } from '../policy/mediation-policy.defaults';
import { mediationPolicySchema } from '../policy/mediation-policy.schema';
import { gradeRisk } from './mediation-risk';

const rules = DEFAULT_MEDIATION_POLICY.risk;
const quiet = { gatheringThreat: false, violenceThreat: false, vulnerableParties: false };

describe('mediation risk grading and policy', () => {
  it('grades by head count, amount and threats, each rule giving its reason', () => {
    expect(gradeRisk(rules, { headCount: 2, ...quiet })).toEqual({ grade: 'LOW', reasons: [] });
    expect(gradeRisk(rules, { headCount: 12, amountYuan: 5_000, ...quiet })).toEqual({
      grade: 'MEDIUM',
      reasons: ['涉及 12 人（≥10 人）'],
    });
    expect(gradeRisk(rules, { headCount: 2, ...quiet, vulnerableParties: true }).grade).toBe('MEDIUM');
    const labour = gradeRisk(rules, { headCount: 81, amountYuan: 2_400_000, ...quiet, gatheringThreat: true });
    expect(labour.grade).toBe('HIGH');
    expect(labour.reasons).toEqual(['涉及 81 人（≥30 人）', '涉及金额 2400000 元（≥1000000 元）', '有聚集上访苗头']);
  });

  it('the defaults are a valid policy; panels naming unknown slots or inverted thresholds are refused', () => {
    expect(mediationPolicySchema.safeParse(DEFAULT_MEDIATION_POLICY).success).toBe(true);
    const bad = mediationPolicySchema.safeParse({
      ...DEFAULT_MEDIATION_POLICY,
      risk: { ...rules, headCount: { medium: 30, high: 10 } },
      defaultPanel: { required: ['judge'], optional: [] },
    });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toEqual(expect.arrayContaining(['高风险阈值须大于中风险阈值', '席位「judge」未在 slots 中定义']));
  });
});
