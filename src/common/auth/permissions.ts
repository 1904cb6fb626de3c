import type { Role } from '../../generated/prisma/enums';
import type { Principal } from './principal';

export const Permission = {
  OrgRead: 'org.read',
  OrgWrite: 'org.write',
  PeopleRead: 'people.read',
  PeopleWrite: 'people.write',
  DutyRead: 'duty.read',
  DutyWrite: 'duty.write',
  AuditRead: 'audit.read',
  CalendarRead: 'calendar.read',
  CalendarWrite: 'calendar.write',
  PolicyRead: 'policy.read',
  PolicyWrite: 'policy.write',
  SystemDiagnose: 'system.diagnose',
  NotificationAdmin: 'notification.admin',
  CaseRead: 'case.read',
  CaseWrite: 'case.write',
  CaseSupervise: 'case.supervise',
  CaseDispatch: 'case.dispatch',
  /** 双进双联: read tasks, wishes, activities, members' report-ins in scope. */
  ProgrammeRead: 'programme.read',
  /** 双进双联, community side: publish tasks, wishes and activities; confirm report-ins, evidence and attendance. */
  ProgrammeManage: 'programme.manage',
  /** 双进双联, agency side: claim tasks and wishes, name members, submit evidence, report in, sign up. */
  ProgrammeServe: 'programme.serve',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

const P = Permission;
// Every staff role may read the calendar and process policies its deadlines are computed with.
const settingsRead = [P.CalendarRead, P.PolicyRead];
// Agency party members serve in communities but do not take resident requests (诉求) in this slice.
const everyStaff = [P.OrgRead, P.PeopleRead, P.DutyRead, P.CaseRead, P.CaseWrite, ...settingsRead];
// Agencies serve the communities they are paired with (双进双联); communities and supervisors run the programme.
const agencySide = [P.ProgrammeRead, P.ProgrammeServe];
const communitySide = [P.ProgrammeRead, P.ProgrammeManage];

/** Role × permission. Where a role may use a permission is its position's scope unit (see PrincipalLoader). */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  ADMIN: Object.values(P),
  SUPERVISOR: [
    ...everyStaff,
    P.CaseSupervise,
    P.CaseDispatch,
    P.OrgWrite,
    P.PeopleWrite,
    P.DutyWrite,
    P.AuditRead,
    P.CalendarWrite,
    P.PolicyWrite,
    P.NotificationAdmin,
    ...communitySide,
  ],
  STREET_LEADER: [...everyStaff, P.CaseSupervise, P.CaseDispatch, P.AuditRead, P.ProgrammeRead],
  COMMUNITY_SECRETARY: [...everyStaff, P.CaseDispatch, P.PeopleWrite, ...communitySide],
  COMMITTEE_MEMBER: [...everyStaff, ...communitySide],
  GRID_LEADER: everyStaff,
  GRID_WORKER: everyStaff,
  BUILDING_HEAD: everyStaff,
  ENTRANCE_HEAD: everyStaff,
  DEPARTMENT_HEAD: everyStaff,
  DEPARTMENT_STAFF: everyStaff,
  AGENCY_SECRETARY: [P.OrgRead, P.PeopleRead, ...settingsRead, ...agencySide],
  PARTY_MEMBER: [P.OrgRead, ...settingsRead, ...agencySide],
};

/** Roles whose scope is the whole district regardless of their unit. */
export const unscopedRoles: readonly Role[] = ['ADMIN'];

/**
 * District-wide settings (the base calendar, process policies) have no unit a scope could be checked against,
 * so they take an administrator or a supervisor seated at the district itself; a street supervisor may not.
 */
export const mayConfigureDistrict = (principal: Principal): boolean =>
  principal.positions.some(
    (p) => unscopedRoles.includes(p.role) || (p.role === 'SUPERVISOR' && p.unitKind === 'DISTRICT'),
  );
