import { DEFAULT_PROGRAMME_POLICY } from './programme-policy.defaults';
import { programmePolicySchema } from './programme-policy.schema';

const messagesOf = (data: unknown) => {
  const result = programmePolicySchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the programme (双进双联) policy schema', () => {
  it('accepts the defaults: at least 2 民生实事 and 1 of each other kind', () => {
    expect(messagesOf(DEFAULT_PROGRAMME_POLICY)).toEqual([]);
    expect(DEFAULT_PROGRAMME_POLICY.targets).toEqual({
      LIVELIHOOD_PROJECT: 2,
      PARTY_DAY: 1,
      PARTY_LECTURE: 1,
      MICRO_WISH: 1,
      ENTERPRISE_PROBLEM: 1,
    });
  });

  it.each([0, -1])('refuses a target of %i in Chinese', (target) => {
    expect(
      messagesOf({ ...DEFAULT_PROGRAMME_POLICY, targets: { ...DEFAULT_PROGRAMME_POLICY.targets, PARTY_DAY: target } }),
    ).toEqual(['targets.PARTY_DAY: 年度目标必须大于 0']);
  });

  it('refuses a kind without a target, evidence that repeats, and unordered months', () => {
    const { MICRO_WISH: _dropped, ...targets } = DEFAULT_PROGRAMME_POLICY.targets;
    expect(
      messagesOf({
        ...DEFAULT_PROGRAMME_POLICY,
        targets,
        evidence: { ...DEFAULT_PROGRAMME_POLICY.evidence, PARTY_DAY: ['photos', 'photos'] },
        inspectionMonths: [12, 6],
        monthlyDispatchDay: 31,
      }),
    ).toEqual([
      'targets.MICRO_WISH: 年度目标须为数字',
      'evidence.PARTY_DAY: 完成材料不能重复',
      'monthlyDispatchDay: 调度日为每月 1–28 日',
      'inspectionMonths: 督查月份必须严格递增',
    ]);
  });
});
