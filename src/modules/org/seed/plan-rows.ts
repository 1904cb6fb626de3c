import type { AssignmentKind, DutyMarking, OrgUnitKind, PersonKind, Role } from '../../../generated/prisma/enums';
import type { DutyItemRow } from './duty-items';

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  depth: number;
  deptType: string | null;
}
export interface ClosureRow {
  ancestorId: string;
  descendantId: string;
  distance: number;
}
export interface AddressRow {
  id: string;
  text: string;
  gridId: string;
  buildingId: string | null;
  latitude: number;
  longitude: number;
}
export interface DepartmentCategoryRow {
  departmentId: string;
  category: string;
}
export interface PersonRow {
  id: string;
  name: string;
  phone: string;
  kind: PersonKind;
  username: string | null;
}
export interface PositionRow {
  id: string;
  personId: string;
  unitId: string;
  role: Role;
  startsOn: Date;
  endsOn: Date | null;
  reportsToUnitId: string | null;
}
export interface AssignmentRow {
  id: string;
  positionId: string;
  kind: AssignmentKind;
  label: string;
  unitId: string | null;
}
export interface CommunityDutyRow {
  communityId: string;
  dutyCode: string;
  marking: DutyMarking;
}
export interface DemoAccount {
  username: string;
  role: Role;
  personId: string;
  unitId: string;
}

/** Everything the seed writes, as plain rows: computed in memory, no I/O. */
export interface DistrictPlan {
  seed: string;
  districtCode: string;
  units: UnitRow[];
  closures: ClosureRow[];
  addresses: AddressRow[];
  departmentCategories: DepartmentCategoryRow[];
  persons: PersonRow[];
  positions: PositionRow[];
  assignments: AssignmentRow[];
  dutyItems: DutyItemRow[];
  communityDuties: CommunityDutyRow[];
  demoAccounts: DemoAccount[];
  demoResidentId: string;
}
