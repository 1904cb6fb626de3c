import { REQUEST_CATEGORIES } from './categories';
import { STREET_DEPARTMENTS } from './department-kinds';
import type { PlanBuilder } from './plan-builder';
import type { PersonRow, PositionRow, UnitRow } from './plan-rows';
import type { StreetSpec } from './place-names';

type Staffed = { person: PersonRow; position: PositionRow };
export interface DepartmentPlan {
  key: string;
  unit: UnitRow;
  head: Staffed;
  staff: Staffed[];
}
export interface StreetPlan {
  unit: UnitRow;
  leaders: Staffed[];
  departments: DepartmentPlan[];
}

/**
 * A street office or town: three leaders (the first two also supervise), a 党建办 supervisor, and the
 * eight departments with a head, two staff and the request categories each handles.
 */
export function planStreet(b: PlanBuilder, district: UnitRow, spec: StreetSpec): StreetPlan {
  const unit = b.unit(`${district.code}-${spec.code}`, spec.name, 'STREET', district);
  const leaders = [1, 2, 3].map((i) => b.staff(`${unit.code}/leader-${i}`, unit, 'STREET_LEADER'));
  for (const leader of leaders.slice(0, 2)) b.position(leader.person, unit, 'SUPERVISOR');
  b.staff(`${unit.code}/supervisor`, unit, 'SUPERVISOR');

  const departments = STREET_DEPARTMENTS.map((kind) => {
    const dept = b.unit(`${unit.code}-DEPT-${kind.key}`, kind.name(spec), 'DEPARTMENT', unit, kind.deptType);
    for (const category of REQUEST_CATEGORIES)
      if (category.deptType === kind.deptType) b.departmentCategory(dept, category.code);
    return {
      key: kind.key,
      unit: dept,
      head: b.staff(`${dept.code}/head`, dept, 'DEPARTMENT_HEAD'),
      staff: [1, 2].map((i) => b.staff(`${dept.code}/staff-${i}`, dept, 'DEPARTMENT_STAFF')),
    };
  });
  return { unit, leaders, departments };
}
