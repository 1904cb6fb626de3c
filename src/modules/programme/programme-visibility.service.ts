import { Injectable } from '@nestjs/common';
import { Permission } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { ProgrammeRepository } from './programme.repository';
import { programmeScope } from './programme-scope';

/** Which communities' wishes and activities a caller sees: their scope, the communities their agency is paired with, and where they report in. */
@Injectable()
export class ProgrammeVisibilityService {
  constructor(private readonly repository: ProgrammeRepository) {}

  /** undefined = every community (an unscoped caller). */
  async communities(principal: Principal): Promise<string[] | undefined> {
    const units = await this.repository.unitIdsInScope(programmeScope(principal, Permission.ProgrammeRead), [
      'COMMUNITY',
      'AGENCY',
      'PARTY_ORG',
    ]);
    if (!units) return undefined;
    const paired = (await this.repository.pairedCommunities(units)).map((p) => p.communityId);
    const home = await this.repository.reportedCommunityOf(principal.personId);
    return [...new Set([...units, ...paired, ...(home ? [home] : [])])];
  }

  /** Units the caller may act for with `permission`; undefined = every unit. */
  units(principal: Principal, permission: Permission): Promise<string[] | undefined> {
    return this.repository.unitIdsInScope(programmeScope(principal, permission), ['COMMUNITY', 'AGENCY', 'PARTY_ORG']);
  }
}
