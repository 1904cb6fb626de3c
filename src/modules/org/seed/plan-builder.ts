import type { AssignmentKind, OrgUnitKind, PersonKind, Role } from '../../../generated/prisma/enums';
import type { Point } from '../../../shared/geo/haversine.util';
import { closureRowsFor } from '../closure-rows';
import { allowedParentKinds, roleUnitKinds } from '../org-kinds';
import { createNameSource } from './person-names';
import { createPhoneSource } from './phone-numbers';
import type {
  AddressRow,
  AssignmentRow,
  ClosureRow,
  DemoAccount,
  DepartmentCategoryRow,
  PersonRow,
  PositionRow,
  UnitRow,
} from './plan-rows';
import { createRandom } from './seed-random';
import { seedId } from './seed-ids';

export const POSITIONS_START = new Date('2024-01-01T00:00:00.000Z');

export interface PositionOptions {
  reportsTo?: UnitRow;
  startsOn?: Date;
  endsOn?: Date;
}

/** Accumulates rows, deriving ids from codes and refusing shapes that org-kinds.ts does not allow. */
export class PlanBuilder {
  readonly units: UnitRow[] = [];
  readonly closures: ClosureRow[] = [];
  readonly addresses: AddressRow[] = [];
  readonly departmentCategories: DepartmentCategoryRow[] = [];
  readonly persons: PersonRow[] = [];
  readonly positions: PositionRow[] = [];
  readonly assignments: AssignmentRow[] = [];
  readonly demoAccounts: DemoAccount[] = [];
  private readonly ancestry = new Map<string, { ancestorId: string; distance: number }[]>();
  private readonly nextName: () => string;
  private readonly nextPhone: () => string;

  constructor(seed: string) {
    this.nextName = createNameSource(createRandom(`${seed}/names`));
    this.nextPhone = createPhoneSource(createRandom(`${seed}/phones`));
  }

  unit(code: string, name: string, kind: OrgUnitKind, parent: UnitRow | null, deptType: string | null = null): UnitRow {
    const allowed = allowedParentKinds[kind];
    if (parent ? !allowed.includes(parent.kind) : allowed.length > 0) {
      throw new Error(`seed: a ${kind} cannot sit under ${parent?.kind ?? 'nothing'} (${code})`);
    }
    const id = seedId(`unit:${code}`);
    const row: UnitRow = {
      id,
      code,
      name,
      kind,
      parentId: parent?.id ?? null,
      depth: parent ? parent.depth + 1 : 0,
      deptType,
    };
    const rows = closureRowsFor(id, parent ? (this.ancestry.get(parent.id) ?? []) : []);
    this.ancestry.set(
      id,
      rows.map(({ ancestorId, distance }) => ({ ancestorId, distance })),
    );
    this.units.push(row);
    this.closures.push(...rows);
    return row;
  }

  person(code: string, kind: PersonKind = 'STAFF'): PersonRow {
    const row: PersonRow = {
      id: seedId(`person:${code}`),
      name: this.nextName(),
      phone: this.nextPhone(),
      kind,
      username: null,
    };
    this.persons.push(row);
    return row;
  }

  position(person: PersonRow, unit: UnitRow, role: Role, options: PositionOptions = {}): PositionRow {
    if (!roleUnitKinds[role].includes(unit.kind))
      throw new Error(`seed: ${role} cannot be held in a ${unit.kind} (${unit.code})`);
    const row: PositionRow = {
      id: seedId(`position:${person.id}:${role}:${unit.id}`),
      personId: person.id,
      unitId: unit.id,
      role,
      startsOn: options.startsOn ?? POSITIONS_START,
      endsOn: options.endsOn ?? null,
      reportsToUnitId: options.reportsTo?.id ?? null,
    };
    this.positions.push(row);
    return row;
  }

  /** A new staff member holding one position. */
  staff(
    code: string,
    unit: UnitRow,
    role: Role,
    options?: PositionOptions,
  ): { person: PersonRow; position: PositionRow } {
    const person = this.person(code);
    return { person, position: this.position(person, unit, role, options) };
  }

  assignment(position: PositionRow, kind: AssignmentKind, label: string, unit: UnitRow | null = null): void {
    this.assignments.push({
      id: seedId(`assignment:${position.id}:${kind}:${label}`),
      positionId: position.id,
      kind,
      label,
      unitId: unit?.id ?? null,
    });
  }

  address(text: string, grid: UnitRow, building: UnitRow | null, place: Point): void {
    this.addresses.push({
      id: seedId(`address:${text}`),
      text,
      gridId: grid.id,
      buildingId: building?.id ?? null,
      ...place,
    });
  }

  departmentCategory(department: UnitRow, category: string): void {
    this.departmentCategories.push({ departmentId: department.id, category });
  }

  demo(username: string, person: PersonRow, position: PositionRow): void {
    person.username = username;
    this.demoAccounts.push({ username, role: position.role, personId: person.id, unitId: position.unitId });
  }
}
