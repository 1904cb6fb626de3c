import { Prisma } from '../../generated/prisma/client';
import type { UnitScope } from '../../common/auth/unit-scope';

/** The tree levels that measures and summaries roll units up to, through the closure table. */
export const ROLL_UP_LEVELS = ['grid', 'community', 'street'] as const;
export type RollUpLevel = (typeof ROLL_UP_LEVELS)[number];
export const rollUpKind: Record<RollUpLevel, 'GRID' | 'COMMUNITY' | 'STREET'> = {
  grid: 'GRID',
  community: 'COMMUNITY',
  street: 'STREET',
};

/** Raw-SQL twin of `unitsInScope`: is `column` (a unit id) the scope's root or below it, one closure-table look-up. */
export const unitInScopeSql = (scope: UnitScope, column: Prisma.Sql) =>
  scope.all
    ? Prisma.sql`TRUE`
    : Prisma.sql`EXISTS (SELECT 1 FROM org_unit_closure s WHERE s.descendant_id = ${column} AND s.ancestor_id = ANY(${scope.roots}::uuid[]))`;
