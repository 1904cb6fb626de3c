import type { OrgUnitKind, PersonKind, Role } from '../../generated/prisma/enums';

export interface PrincipalPosition {
  positionId: string;
  role: Role;
  unitId: string;
  unitKind: OrgUnitKind;
  /** The unit whose subtree this position may see and act in (a department's street, a grid …). */
  scopeUnitId: string;
}

/** Who is calling: the person and the positions they hold today. */
export interface Principal {
  personId: string;
  kind: PersonKind;
  name: string;
  phone: string;
  positions: PrincipalPosition[];
}
