import { AGENCY_NAMES, partyOrgName } from './agency-names';
import type { PlanBuilder } from './plan-builder';
import type { PersonRow, PositionRow, UnitRow } from './plan-rows';
import type { SeedRandom } from './seed-random';

/** "4500余名在职党员" (seed 002), spread unevenly over the 67 agencies. */
export const PARTY_MEMBER_TOTAL = 4_536;

type Staffed = { person: PersonRow; position: PositionRow };
export interface AgencyPlan {
  unit: UnitRow;
  partyOrg: UnitRow;
  secretary: Staffed;
  members: Staffed[];
}

const PREVIOUS_SECRETARY = {
  startsOn: new Date('2020-07-01T00:00:00.000Z'),
  endsOn: new Date('2023-06-30T00:00:00.000Z'),
};

/** District agencies, each with a party organisation, its secretary and in-service members reporting (报到) to communities. */
export function planAgencies(
  b: PlanBuilder,
  district: UnitRow,
  communities: readonly UnitRow[],
  random: SeedRandom,
): AgencyPlan[] {
  const sizes = memberCounts(random, AGENCY_NAMES.length, PARTY_MEMBER_TOTAL);
  return AGENCY_NAMES.map((name, i) => {
    const code = `${district.code}-AG${String(i + 1).padStart(2, '0')}`;
    const unit = b.unit(code, name, 'AGENCY', district);
    const partyOrg = b.unit(`${code}-PO`, partyOrgName(name, sizes[i]), 'PARTY_ORG', unit);
    const secretary = b.staff(`${code}/secretary`, partyOrg, 'AGENCY_SECRETARY');
    if (i % 30 === 7) b.staff(`${code}/secretary-2020`, partyOrg, 'AGENCY_SECRETARY', PREVIOUS_SECRETARY);
    const members = Array.from({ length: sizes[i] }, (_, m) =>
      b.staff(`${code}/member-${m + 1}`, partyOrg, 'PARTY_MEMBER', { reportsTo: random.pick(communities) }),
    );
    return { unit, partyOrg, secretary, members };
  });
}

/** Random weights scaled so the counts add up to exactly `total`. */
function memberCounts(random: SeedRandom, agencies: number, total: number): number[] {
  const weights = Array.from({ length: agencies }, () => random.int(20, 130));
  const sum = weights.reduce((a, w) => a + w, 0);
  const counts = weights.map((w) => Math.floor((w * total) / sum));
  let left = total - counts.reduce((a, c) => a + c, 0);
  for (let i = 0; left > 0; i = (i + 1) % agencies, left--) counts[i]++;
  return counts;
}
