import type { PlanBuilder } from './plan-builder';
import type { PersonRow, PositionRow, UnitRow } from './plan-rows';
import { ROADS } from './place-names';
import type { SeedRandom } from './seed-random';
import { DISTRICT_CENTRE, placeNear } from './seed-places';

export interface EntrancePlan {
  unit: UnitRow;
  head: PersonRow;
  position: PositionRow;
}
export interface BuildingPlan {
  unit: UnitRow;
  head: PersonRow;
  position: PositionRow;
  entrances: EntrancePlan[];
}
export interface GridPlan {
  unit: UnitRow;
  leader: { person: PersonRow; position: PositionRow };
  workers: { person: PersonRow; position: PositionRow }[];
  buildings: BuildingPlan[];
}
export interface CommunityPlan {
  unit: UnitRow;
  secretary: { person: PersonRow; position: PositionRow };
  committee: { person: PersonRow; position: PositionRow }[];
  grids: GridPlan[];
}

export interface CommunityNaming {
  compound: () => string;
  enterprise: () => string;
  propertyCompany: string;
}

const PREVIOUS_TERM = { startsOn: new Date('2021-01-01T00:00:00.000Z'), endsOn: new Date('2023-12-31T00:00:00.000Z') };
const n2 = (n: number) => String(n).padStart(2, '0');

/** One community with its compounds, grids, buildings, entrances, four-level grid staff, 两委 and 三包. */
export function planCommunity(
  b: PlanBuilder,
  street: UnitRow,
  code: string,
  name: string,
  random: SeedRandom,
  naming: CommunityNaming,
  hadPreviousTerm: boolean,
): CommunityPlan {
  const unit = b.unit(code, name, 'COMMUNITY', street);
  const secretary = b.staff(`${code}/secretary`, unit, 'COMMUNITY_SECRETARY');
  if (hadPreviousTerm) b.staff(`${code}/secretary-2021`, unit, 'COMMUNITY_SECRETARY', PREVIOUS_TERM);

  // A community spans a few hundred metres within some 4 km of the district centre; a building's entrances share its place.
  const centre = placeNear(DISTRICT_CENTRE, code, 4_000);
  const compounds: { unit: UnitRow; road: string }[] = [];
  const grids: GridPlan[] = [];
  const compoundCount = random.int(2, 4);
  for (let c = 1; c <= compoundCount; c++) {
    const compoundName = naming.compound();
    const compound = b.unit(`${code}-X${n2(c)}`, compoundName, 'COMPOUND', unit);
    const road = random.pick(ROADS);
    const doorplate = `${road}${random.int(1, 288)}号`;
    const compoundPlace = placeNear(centre, compound.code, 400);
    compounds.push({ unit: compound, road });
    if (random.chance(0.5)) b.unit(`${compound.code}-YW`, `${compoundName}业主委员会`, 'OWNERS_COMMITTEE', compound);
    let buildingNo = 0;
    const gridCount = random.int(1, 3);
    for (let g = 1; g <= gridCount; g++) {
      const grid = b.unit(`${compound.code}-G${g}`, `${name}第${grids.length + 1}网格`, 'GRID', compound);
      const plan: GridPlan = {
        unit: grid,
        leader: b.staff(`${grid.code}/leader`, grid, 'GRID_LEADER'),
        workers: Array.from({ length: random.int(1, 2) }, (_, w) =>
          b.staff(`${grid.code}/worker-${w + 1}`, grid, 'GRID_WORKER'),
        ),
        buildings: [],
      };
      const buildingCount = random.int(2, 4);
      for (let k = 0; k < buildingCount; k++) {
        buildingNo++;
        const building = b.unit(`${grid.code}-B${n2(buildingNo)}`, `${compoundName}${buildingNo}栋`, 'BUILDING', grid);
        const head = b.staff(`${building.code}/head`, building, 'BUILDING_HEAD');
        const place = placeNear(compoundPlace, building.code, 80);
        b.address(`${doorplate}${compoundName}${buildingNo}栋`, grid, building, place);
        const entrances: EntrancePlan[] = [];
        const entranceCount = random.int(1, 3);
        for (let e = 1; e <= entranceCount; e++) {
          const entrance = b.unit(
            `${building.code}-E${e}`,
            `${compoundName}${buildingNo}栋${e}单元`,
            'ENTRANCE',
            building,
          );
          const entranceHead = b.staff(`${entrance.code}/head`, entrance, 'ENTRANCE_HEAD');
          entrances.push({ unit: entrance, head: entranceHead.person, position: entranceHead.position });
          b.address(`${doorplate}${compoundName}${buildingNo}栋${e}单元`, grid, building, place);
        }
        plan.buildings.push({ unit: building, head: head.person, position: head.position, entrances });
      }
      grids.push(plan);
    }
  }

  b.unit(`${code}-WY`, naming.propertyCompany, 'PROPERTY_COMPANY', unit);
  const enterprises = Array.from({ length: random.int(1, 3) }, (_, i) =>
    b.unit(`${code}-QY${n2(i + 1)}`, naming.enterprise(), 'ENTERPRISE', unit),
  );

  const committee = Array.from({ length: random.int(3, 5) }, (_, i) =>
    b.staff(`${code}/committee-${i + 1}`, unit, 'COMMITTEE_MEMBER'),
  );
  committee.forEach(({ position }, i) => {
    const area = compounds[i];
    if (area) b.assignment(position, 'AREA', `包片区：${area.unit.name}及${area.road}沿线`, area.unit);
    else b.assignment(position, 'AREA', `包片区：${random.pick(ROADS)}沿线道路`);
    b.assignment(position, 'GROUP', `包小组：第${i + 1}居民小组`);
    const enterprise = enterprises[i % enterprises.length];
    b.assignment(position, 'ENTERPRISE', `包企业：${enterprise.name}`, enterprise);
  });

  return { unit, secretary, committee, grids };
}
