import { DEFAULT_REQUEST_LOOP_POLICY } from './request-loop-policy.defaults';
import { RequestLoopPolicy, requestLoopPolicySchema, resolutionLimitFor } from './request-loop-policy.schema';

type Edit = (p: RequestLoopPolicy) => void;
const edited = (edit: Edit): unknown => {
  const copy = structuredClone(DEFAULT_REQUEST_LOOP_POLICY) as RequestLoopPolicy;
  edit(copy);
  return copy;
};
const issues = (input: unknown) => {
  const parsed = requestLoopPolicySchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const ladder = (...levels: string[]) =>
  levels.map((level) => ({ level, notify: ['SUPERVISOR'], supervisionOrderLimit: { unit: 'workingDays', amount: 1 } }));

describe('request-loop policy schema', () => {
  it('accepts the domain defaults unchanged', () => {
    expect(requestLoopPolicySchema.parse(DEFAULT_REQUEST_LOOP_POLICY)).toEqual(DEFAULT_REQUEST_LOOP_POLICY);
  });

  it('accepts an extra priority, categories mapped onto it, and a ladder that skips a rung', () => {
    const policy = edited((p) => {
      p.clocks.resolution.heating = { limit: { unit: 'workingHours', amount: 4 } };
      p.categoryLimits = { 供暖: 'heating', 停水: 'utilities' };
      p.escalation.ladder = ladder(
        'GRID_WORKER',
        'COMMUNITY',
        'DISTRICT_SUPERVISION',
      ) as RequestLoopPolicy['escalation']['ladder'];
    });
    expect(issues(policy)).toEqual([]);
  });

  it('finds a category’s resolution limit, falling back to the default priority', () => {
    const policy = requestLoopPolicySchema.parse(
      edited((p) => {
        p.categoryLimits = { 停水: 'utilities', 群租: 'complex' };
      }),
    );
    expect(resolutionLimitFor(policy, '停水')).toEqual({ unit: 'hours', amount: 24 });
    expect(resolutionLimitFor(policy, '群租')).toEqual({ unit: 'workingDays', amount: 15 });
    expect(resolutionLimitFor(policy, '噪音')).toEqual({ unit: 'workingDays', amount: 7 });
    expect(resolutionLimitFor(policy, 'constructor')).toEqual({ unit: 'workingDays', amount: 7 });
  });

  it.each<[string, Edit, RegExp]>([
    [
      'a zero duration',
      (p) => {
        p.clocks.accept.limit = { unit: 'minutes', amount: 0 };
      },
      /clocks\.accept\.limit\.amount: 时长必须大于 0/,
    ],
    [
      'a negative duration',
      (p) => {
        p.clocks.resolution.urgent.limit = { unit: 'hours', amount: -2 };
      },
      /clocks\.resolution\.urgent\.limit\.amount/,
    ],
    [
      'a fractional number of working days',
      (p) => {
        p.clocks.resolution.general.limit = { unit: 'workingDays', amount: 7.5 };
      },
      /工作日数必须是整数/,
    ],
    [
      'an unknown unit',
      (p) => {
        (p.clocks.firstResponse.limit as { unit: string }).unit = 'days';
      },
      /clocks\.firstResponse\.limit\.unit/,
    ],
    [
      'a zero supervision-order deadline',
      (p) => {
        p.escalation.ladder[1].supervisionOrderLimit = { unit: 'workingDays', amount: 0 };
      },
      /escalation\.ladder\.1\.supervisionOrderLimit\.amount/,
    ],
    [
      'a reminder at 0',
      (p) => {
        p.reminders.fractions = [0, 0.8];
      },
      /reminders\.fractions\.0: 提醒点必须大于 0/,
    ],
    [
      'a reminder at the deadline',
      (p) => {
        p.reminders.fractions = [0.5, 1];
      },
      /reminders\.fractions\.1: 提醒点必须小于 1/,
    ],
    [
      'reminders out of order',
      (p) => {
        p.reminders.fractions = [0.8, 0.5];
      },
      /严格递增/,
    ],
    [
      'a repeated reminder',
      (p) => {
        p.reminders.fractions = [0.5, 0.5];
      },
      /严格递增/,
    ],
    [
      'no reminders',
      (p) => {
        p.reminders.fractions = [];
      },
      /至少设置一个提醒点/,
    ],
    [
      'an empty ladder',
      (p) => {
        p.escalation.ladder = [];
      },
      /升级阶梯不能为空/,
    ],
    [
      'a ladder that starts above the grid',
      (p) => {
        p.escalation.ladder = p.escalation.ladder.slice(1);
      },
      /必须从网格员/,
    ],
    [
      'a ladder that stops below the district',
      (p) => {
        p.escalation.ladder = p.escalation.ladder.slice(0, 3);
      },
      /必须到达区级督办/,
    ],
    [
      'a repeated rung',
      (p) => {
        p.escalation.ladder.splice(2, 0, structuredClone(p.escalation.ladder[1]));
      },
      /COMMUNITY 重复/,
    ],
    [
      'a rung going down',
      (p) => {
        [p.escalation.ladder[1], p.escalation.ladder[2]] = [p.escalation.ladder[2], p.escalation.ladder[1]];
      },
      /只能逐级向上/,
    ],
    [
      'a rung notifying nobody',
      (p) => {
        p.escalation.ladder[0].notify = [];
      },
      /至少通知一个岗位/,
    ],
    [
      'a rung notifying an unknown role',
      (p) => {
        (p.escalation.ladder[0].notify as string[]) = ['MAYOR'];
      },
      /escalation\.ladder\.0\.notify\.0/,
    ],
    [
      'a category mapped to an undefined priority',
      (p) => {
        p.categoryLimits = { 噪音: 'superUrgent' };
      },
      /categoryLimits\.噪音: .*superUrgent 未在 clocks\.resolution 中定义/,
    ],
    [
      'a default priority that is not defined',
      (p) => {
        delete (p.clocks.resolution as Record<string, unknown>).general;
      },
      /defaultPriority: 默认时限等级 general/,
    ],
    [
      'a zero extension allowance',
      (p) => {
        p.extension.maxWorkingDays = 0;
      },
      /extension\.maxWorkingDays/,
    ],
    [
      'a negative number of extensions',
      (p) => {
        p.extension.maxExtensions = -1;
      },
      /extension\.maxExtensions/,
    ],
    [
      'a zero duplicate radius',
      (p) => {
        p.duplicates.radiusMeters = 0;
      },
      /duplicates\.radiusMeters/,
    ],
    [
      'a zero rating window',
      (p) => {
        p.rating.windowDays = 0;
      },
      /rating\.windowDays/,
    ],
    [
      'a missing section',
      (p) => {
        delete (p as Partial<RequestLoopPolicy>).duplicates;
      },
      /^duplicates: /,
    ],
  ])('refuses %s', (_what, edit, message) => {
    expect(issues(edited(edit)).join('\n')).toMatch(message);
  });
});
