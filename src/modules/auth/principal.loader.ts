import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/auth/principal';
import { AuthRepository } from './auth.repository';

/** Builds the caller's principal from the positions they hold today. */
@Injectable()
export class PrincipalLoader {
  constructor(private readonly repository: AuthRepository) {}

  async load(personId: string): Promise<Principal | null> {
    const person = await this.repository.findPerson(personId);
    if (!person) return null;
    const today = new Date(new Date().toISOString().slice(0, 10));
    const positions = await this.repository.activePositions(personId, today);
    return {
      personId: person.id,
      kind: person.kind,
      name: person.name,
      phone: person.phone,
      positions: positions.map((p) => ({
        positionId: p.id,
        role: p.role,
        unitId: p.unitId,
        unitKind: p.unit.kind,
        // a street department acts across its street; every other position within its own unit
        scopeUnitId: p.unit.kind === 'DEPARTMENT' && p.unit.parentId ? p.unit.parentId : p.unitId,
      })),
    };
  }
}
