import type { StreetSpec } from './place-names';

/** The eight street/town departments every street office has (镇街相关部门); `deptType` is stored on the unit. */
export interface DepartmentKind {
  key: string;
  deptType: string;
  name: (street: StreetSpec) => string;
}

export const STREET_DEPARTMENTS: readonly DepartmentKind[] = [
  { key: 'chengguan', deptType: '城管', name: (s) => `${s.name}城管执法中队` },
  { key: 'sifa', deptType: '司法所', name: (s) => `${s.shortName}司法所` },
  { key: 'paichusuo', deptType: '派出所', name: (s) => `${s.shortName}派出所` },
  { key: 'laodong', deptType: '劳动监察', name: (s) => `${s.name}劳动保障监察中队` },
  { key: 'minzheng', deptType: '民政', name: (s) => `${s.name}民政办` },
  { key: 'zhujian', deptType: '住建', name: (s) => `${s.name}住建办` },
  { key: 'shichang', deptType: '市场监管', name: (s) => `${s.shortName}市场监管所` },
  { key: 'zongzhi', deptType: '综治中心', name: (s) => `${s.name}综治中心` },
];
