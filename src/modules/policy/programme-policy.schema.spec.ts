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

describe('the programme policy inspection timings', () => {
  const timing = DEFAULT_PROGRAMME_POLICY.inspectionTiming as NonNullable<
    typeof DEFAULT_PROGRAMME_POLICY.inspectionTiming
  >;

  it('default to the timings used before they were settings; a version without them stays valid', () => {
    expect(timing).toEqual({
      roundDays: 15,
      inspectorReminderDays: 3,
      interviewAfterDays: 5,
      interviewReminderDays: 1,
    });
    const { inspectionTiming: _dropped, ...older } = DEFAULT_PROGRAMME_POLICY;
    expect(messagesOf(older)).toEqual([]);
  });

  it.each([0, -2])('refuses a round of %i days in Chinese', (days) => {
    expect(messagesOf({ ...DEFAULT_PROGRAMME_POLICY, inspectionTiming: { ...timing, roundDays: days } })).toContain(
      'inspectionTiming.roundDays: 督查期限必须大于 0 天',
    );
  });

  it('refuses a non-positive interview delay and reminders that come too early', () => {
    expect(messagesOf({ ...DEFAULT_PROGRAMME_POLICY, inspectionTiming: { ...timing, interviewAfterDays: 0 } })).toEqual(
      [
        'inspectionTiming.interviewAfterDays: 约谈时间（督查结束后）必须大于 0 天',
        'inspectionTiming.interviewReminderDays: 约谈提醒不能早于督查结束',
      ],
    );
    expect(
      messagesOf({ ...DEFAULT_PROGRAMME_POLICY, inspectionTiming: { ...timing, inspectorReminderDays: 15 } }),
    ).toEqual(['inspectionTiming.inspectorReminderDays: 督查提醒须早于督查截止']);
  });
});
