import type { OrgUnitKind, Role } from '../../generated/prisma/enums';

/** Kinds of unit that take resident requests, and the posts there that hear about a co-handling part. */
export const coHandlerRoles: Partial<Record<OrgUnitKind, readonly Role[]>> = {
  STREET: ['STREET_LEADER'],
  DEPARTMENT: ['DEPARTMENT_HEAD', 'DEPARTMENT_STAFF'],
  COMMUNITY: ['COMMUNITY_SECRETARY', 'COMMITTEE_MEMBER'],
  GRID: ['GRID_LEADER', 'GRID_WORKER'],
};

export const mayCoHandle = (kind: OrgUnitKind): boolean => kind in coHandlerRoles;
