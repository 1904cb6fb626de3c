import type { Role } from '../../../generated/prisma/enums';
import { planAgencies } from './agency-plan';
import { planCommunity, type CommunityPlan } from './community-plan';
import { DUTY_ITEMS } from './duty-items';
import { PlanBuilder } from './plan-builder';
import type { CommunityDutyRow, DistrictPlan, PersonRow, PositionRow } from './plan-rows';
import {
  COMPOUND_PREFIXES,
  COMPOUND_SUFFIXES,
  DISTRICT,
  ENTERPRISE_PREFIXES,
  ENTERPRISE_TRADES,
  PROPERTY_WORDS,
  STREETS,
} from './place-names';
import { createRandom, type SeedRandom } from './seed-random';
import { planStreet } from './street-plan';

export const DEFAULT_SEED = 'govflow-sample-district';
export const SEED_DISTRICT_CODE = DISTRICT.code;
export const RESIDENT_COUNT = 200;

export const DEMO_USERNAMES: Record<Role, string> = {
  ADMIN: 'admin',
  SUPERVISOR: 'supervisor',
  STREET_LEADER: 'street-leader',
  COMMUNITY_SECRETARY: 'secretary',
  COMMITTEE_MEMBER: 'committee',
  GRID_LEADER: 'grid-leader',
  GRID_WORKER: 'grid-worker',
  BUILDING_HEAD: 'building-head',
  ENTRANCE_HEAD: 'entrance-head',
  DEPARTMENT_HEAD: 'dept-head',
  DEPARTMENT_STAFF: 'dept-staff',
  AGENCY_SECRETARY: 'agency-secretary',
  PARTY_MEMBER: 'party-member',
};

/** The whole sample district as plain rows. Pure: the same seed always yields deep-equal plans. */
export function buildDistrictPlan(seed: string = DEFAULT_SEED): DistrictPlan {
  const random = (stream: string) => createRandom(`${seed}/${stream}`);
  const b = new PlanBuilder(seed);
  const district = b.unit(DISTRICT.code, DISTRICT.name, 'DISTRICT', null);
  const admin = b.staff(`${district.code}/admin`, district, 'ADMIN');
  const supervisors = ['zzb-1', 'zzb-2', 'jggw-1', 'jggw-2'].map((who) =>
    b.staff(`${district.code}/${who}`, district, 'SUPERVISOR'),
  );

  const tree = random('tree');
  const naming = {
    compound: uniqueNames(tree, COMPOUND_PREFIXES, COMPOUND_SUFFIXES),
    enterprise: enterpriseNames(tree),
  };
  const historic = new Set(
    random('history')
      .shuffle([...Array(STREETS.flatMap((s) => s.communities).length).keys()])
      .slice(0, 3),
  );
  const streets = STREETS.map((spec) => planStreet(b, district, spec));
  const communities: CommunityPlan[] = [];
  STREETS.forEach((spec, s) =>
    spec.communities.forEach((name, c) => {
      const index = communities.length;
      communities.push(
        planCommunity(
          b,
          streets[s].unit,
          `${streets[s].unit.code}-C${String(c + 1).padStart(2, '0')}`,
          name,
          tree,
          { ...naming, propertyCompany: `青湖${PROPERTY_WORDS[index]}物业服务有限公司` },
          historic.has(index),
        ),
      );
    }),
  );
  const agencies = planAgencies(
    b,
    district,
    communities.map((c) => c.unit),
    random('agencies'),
  );
  const residents = Array.from({ length: RESIDENT_COUNT }, (_, i) =>
    b.person(`resident-${String(i + 1).padStart(3, '0')}`, 'RESIDENT'),
  );

  // Demo accounts share one community and one street so scoped permissions can be shown side by side.
  const [home] = communities;
  const [grid] = home.grids;
  const [building] = grid.buildings;
  const street = streets[0];
  const cityManagement = street.departments.find((d) => d.key === 'chengguan') ?? street.departments[0];
  const agency =
    agencies.find((a) => a.members.some((m) => m.position.reportsToUnitId === home.unit.id)) ?? agencies[0];
  const member = agency.members.find((m) => m.position.reportsToUnitId === home.unit.id) ?? agency.members[0];
  const demo: [PersonRow, PositionRow][] = [
    [admin.person, admin.position],
    [supervisors[0].person, supervisors[0].position],
    [street.leaders[2].person, street.leaders[2].position],
    [home.secretary.person, home.secretary.position],
    [home.committee[0].person, home.committee[0].position],
    [grid.leader.person, grid.leader.position],
    [grid.workers[0].person, grid.workers[0].position],
    [building.head, building.position],
    [building.entrances[0].head, building.entrances[0].position],
    [cityManagement.head.person, cityManagement.head.position],
    [cityManagement.staff[0].person, cityManagement.staff[0].position],
    [agency.secretary.person, agency.secretary.position],
    [member.person, member.position],
  ];
  for (const [person, position] of demo) b.demo(DEMO_USERNAMES[position.role], person, position);

  return {
    seed,
    districtCode: district.code,
    units: b.units,
    closures: b.closures,
    addresses: b.addresses,
    departmentCategories: b.departmentCategories,
    persons: b.persons,
    positions: b.positions,
    assignments: b.assignments,
    dutyItems: DUTY_ITEMS.map((item) => ({ ...item })),
    communityDuties: dutyOverrides(random('duties'), communities),
    demoAccounts: b.demoAccounts,
    demoResidentId: residents[0].id,
  };
}

/** A few communities mark some items differently from the district default. */
function dutyOverrides(random: SeedRandom, communities: CommunityPlan[]): CommunityDutyRow[] {
  return random
    .shuffle(communities)
    .slice(0, 4)
    .flatMap((community) =>
      random
        .shuffle(DUTY_ITEMS)
        .slice(0, random.int(2, 3))
        .map((item) => ({
          communityId: community.unit.id,
          dutyCode: item.code,
          marking: item.defaultMarking === 'DUTY' ? ('COOPERATION' as const) : ('DUTY' as const),
        })),
    );
}

function uniqueNames(random: SeedRandom, prefixes: readonly string[], suffixes: readonly string[]): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const name = random.pick(prefixes) + random.pick(suffixes);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

function enterpriseNames(random: SeedRandom): () => string {
  const next = uniqueNames(random, ENTERPRISE_PREFIXES, ENTERPRISE_TRADES);
  return () => `青湖${next()}有限公司`;
}
