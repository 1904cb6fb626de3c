import type { OrgUnitKind, Role } from '../../generated/prisma/enums';

/** Which kinds of unit may sit under which: the shape of the tree. */
export const allowedParentKinds: Record<OrgUnitKind, readonly OrgUnitKind[]> = {
  DISTRICT: [],
  STREET: ['DISTRICT'],
  COMMUNITY: ['STREET'],
  COMPOUND: ['COMMUNITY'],
  GRID: ['COMMUNITY', 'COMPOUND'],
  BUILDING: ['GRID'],
  ENTRANCE: ['BUILDING'],
  DEPARTMENT: ['STREET', 'DISTRICT'],
  AGENCY: ['DISTRICT'],
  PARTY_ORG: ['AGENCY'],
  ENTERPRISE: ['COMMUNITY'],
  PROPERTY_COMPANY: ['COMMUNITY'],
  OWNERS_COMMITTEE: ['COMPOUND', 'COMMUNITY'],
};

/** Which kinds of unit a position of each role may be held in. */
export const roleUnitKinds: Record<Role, readonly OrgUnitKind[]> = {
  ADMIN: ['DISTRICT'],
  SUPERVISOR: ['DISTRICT', 'STREET'],
  STREET_LEADER: ['STREET'],
  COMMUNITY_SECRETARY: ['COMMUNITY'],
  COMMITTEE_MEMBER: ['COMMUNITY'],
  GRID_LEADER: ['GRID'],
  GRID_WORKER: ['GRID'],
  BUILDING_HEAD: ['BUILDING'],
  ENTRANCE_HEAD: ['ENTRANCE'],
  DEPARTMENT_HEAD: ['DEPARTMENT'],
  DEPARTMENT_STAFF: ['DEPARTMENT'],
  AGENCY_SECRETARY: ['AGENCY', 'PARTY_ORG'],
  PARTY_MEMBER: ['AGENCY', 'PARTY_ORG'],
};

export const kindLabel: Record<OrgUnitKind, string> = {
  DISTRICT: '区',
  STREET: '街道/镇',
  COMMUNITY: '社区',
  COMPOUND: '小区',
  GRID: '网格',
  BUILDING: '楼栋',
  ENTRANCE: '单元',
  DEPARTMENT: '镇街部门',
  AGENCY: '区直机关',
  PARTY_ORG: '党组织',
  ENTERPRISE: '企业',
  PROPERTY_COMPANY: '物业公司',
  OWNERS_COMMITTEE: '业委会',
};

export const roleLabel: Record<Role, string> = {
  ADMIN: '系统管理员',
  SUPERVISOR: '督导（组织部/机关工委/街道）',
  STREET_LEADER: '街道领导',
  COMMUNITY_SECRETARY: '社区书记',
  COMMITTEE_MEMBER: '社区两委委员',
  GRID_LEADER: '网格长',
  GRID_WORKER: '网格员',
  BUILDING_HEAD: '楼栋长',
  ENTRANCE_HEAD: '单元长',
  DEPARTMENT_HEAD: '部门负责人',
  DEPARTMENT_STAFF: '部门工作人员',
  AGENCY_SECRETARY: '机关党组织书记',
  PARTY_MEMBER: '在职党员',
};
