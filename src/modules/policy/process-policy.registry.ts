import type { z } from 'zod';
import { DEFAULT_REQUEST_LOOP_POLICY } from './request-loop-policy.defaults';
import { requestLoopPolicySchema } from './request-loop-policy.schema';
import { DEFAULT_RATING_POLICY } from './rating-policy.defaults';
import { ratingPolicySchema } from './rating-policy.schema';
import { DEFAULT_PROGRAMME_POLICY } from './programme-policy.defaults';
import { programmePolicySchema } from './programme-policy.schema';
import { DEFAULT_MEDIATION_POLICY } from './mediation-policy.defaults';
import { mediationPolicySchema } from './mediation-policy.schema';

/** Every process whose settings supervisors version: its schema and its version-1 defaults. */
export const processPolicies = {
  'request-loop': { label: '群众诉求闭环', schema: requestLoopPolicySchema, defaults: DEFAULT_REQUEST_LOOP_POLICY },
  rating: { label: '一事一评与黄牌预警', schema: ratingPolicySchema, defaults: DEFAULT_RATING_POLICY },
  programme: { label: '双进双联', schema: programmePolicySchema, defaults: DEFAULT_PROGRAMME_POLICY },
  mediation: { label: '联调小组矛盾纠纷调解', schema: mediationPolicySchema, defaults: DEFAULT_MEDIATION_POLICY },
} as const;

export type ProcessKey = keyof typeof processPolicies;
export const processKeys = Object.keys(processPolicies) as ProcessKey[];
export const isProcessKey = (key: string): key is ProcessKey => Object.hasOwn(processPolicies, key);

/** The data type of a process's policy; `unknown` for a key only known at run time. */
export type PolicyDataOf<K extends string> = K extends ProcessKey
  ? z.infer<(typeof processPolicies)[K]['schema']>
  : unknown;
