import type { Role } from '../../generated/prisma/enums';

export const Permission = {
  OrgRead: 'org.read',
  OrgWrite: 'org.write',
  PeopleRead: 'people.read',
  PeopleWrite: 'people.write',
  DutyRead: 'duty.read',
  DutyWrite: 'duty.write',
  AuditRead: 'audit.read',
  SystemDiagnose: 'system.diagnose',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const P = Permission;
const everyStaff = [P.OrgRead, P.PeopleRead, P.DutyRead];

/** Role × permission. Where a role may use a permission is its position's scope unit (see PrincipalLoader). */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  ADMIN: Object.values(P),
  SUPERVISOR: [...everyStaff, P.OrgWrite, P.PeopleWrite, P.DutyWrite, P.AuditRead],
  STREET_LEADER: [...everyStaff, P.AuditRead],
  COMMUNITY_SECRETARY: [...everyStaff, P.PeopleWrite],
  COMMITTEE_MEMBER: everyStaff,
  GRID_LEADER: everyStaff,
  GRID_WORKER: everyStaff,
  BUILDING_HEAD: everyStaff,
  ENTRANCE_HEAD: everyStaff,
  DEPARTMENT_HEAD: everyStaff,
  DEPARTMENT_STAFF: everyStaff,
  AGENCY_SECRETARY: [P.OrgRead, P.PeopleRead],
  PARTY_MEMBER: [P.OrgRead],
};

/** Roles whose scope is the whole district regardless of their unit. */
export const unscopedRoles: readonly Role[] = ['ADMIN'];
