import type { Role } from '../../../generated/prisma/enums';
import { roleLabel } from '../org-kinds';
import { buildDistrictPlan } from './district-plan';
import type { DistrictPlan } from './plan-rows';

/** The one password of every seeded demo account. */
export const DEMO_PASSWORD = 'Govflow@2026';

export interface DemoLogin {
  username: string;
  role: Role;
  roleLabel: string;
  name: string;
  unitName: string;
}
export interface DemoResident {
  name: string;
  phone: string;
}

/** One sign-in per role; computed from the plan, so it needs no database. */
export function demoLogins(plan: DistrictPlan = buildDistrictPlan()): DemoLogin[] {
  const people = new Map(plan.persons.map((p) => [p.id, p]));
  const units = new Map(plan.units.map((u) => [u.id, u]));
  return plan.demoAccounts.map((a) => ({
    username: a.username,
    role: a.role,
    roleLabel: roleLabel[a.role],
    name: people.get(a.personId)?.name ?? '',
    unitName: units.get(a.unitId)?.name ?? '',
  }));
}

/** Residents sign in with an SMS code sent to their phone. */
export function demoResident(plan: DistrictPlan = buildDistrictPlan()): DemoResident {
  const resident = plan.persons.find((p) => p.id === plan.demoResidentId);
  if (!resident) throw new Error('seed: the demo resident is missing from the plan');
  return { name: resident.name, phone: resident.phone };
}

/** A plain-text table; CJK characters count two columns wide so the columns line up in a terminal. */
export function formatDemoLogins(logins: DemoLogin[], resident: DemoResident): string {
  const rows = [
    ['用户名', '角色', '姓名', '所在单位'],
    ...logins.map((l) => [l.username, l.roleLabel, l.name, l.unitName]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(r[c]))));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell + ' '.repeat(widths[c] - width(cell)))
      .join('  ')
      .trimEnd();
  return [
    `演示账号（统一密码 ${DEMO_PASSWORD}）:`,
    ...rows.map(line),
    `居民演示（短信验证码登录）: ${resident.name} ${resident.phone}`,
  ].join('\n');
}

function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
