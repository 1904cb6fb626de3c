import type { PrismaClient } from '../../../generated/prisma/client';
import { hashPassword } from '../../auth/password-hasher';
import { DEMO_PASSWORD } from './demo-logins';
import { buildDistrictPlan } from './district-plan';
import type { DistrictPlan } from './plan-rows';

const CHUNK = 2_000;

export interface SeedCounts {
  units: number;
  closures: number;
  addresses: number;
  departmentCategories: number;
  persons: number;
  positions: number;
  assignments: number;
  dutyItems: number;
  communityDuties: number;
}
export type SeedResult = { status: 'seeded'; counts: SeedCounts } | { status: 'already seeded' };

/**
 * Writes the plan in one transaction with bulk inserts. Idempotent: when the district already
 * exists nothing is written (also when a concurrent run got there first).
 */
export async function writeDistrictPlan(prisma: PrismaClient, plan: DistrictPlan): Promise<SeedResult> {
  if (await districtExists(prisma, plan)) {
    await placeAddresses(prisma, plan);
    return { status: 'already seeded' };
  }
  const hashes = new Map(
    await Promise.all(
      plan.persons.filter((p) => p.username).map(async (p) => [p.id, await hashPassword(DEMO_PASSWORD)] as const),
    ),
  );
  try {
    await prisma.$transaction(
      async (tx) => {
        if (await districtExists(tx, plan)) throw new AlreadySeeded();
        const units = [...plan.units].sort((a, b) => a.depth - b.depth);
        for (const data of chunks(units)) await tx.orgUnit.createMany({ data });
        for (const data of chunks(plan.closures)) await tx.orgUnitClosure.createMany({ data });
        for (const data of chunks(plan.addresses)) await tx.address.createMany({ data });
        for (const data of chunks(plan.departmentCategories)) await tx.departmentCategory.createMany({ data });
        const persons = plan.persons.map((p) => ({ ...p, passwordHash: hashes.get(p.id) ?? null }));
        for (const data of chunks(persons)) await tx.person.createMany({ data });
        for (const data of chunks(plan.positions)) await tx.position.createMany({ data });
        for (const data of chunks(plan.assignments)) await tx.committeeAssignment.createMany({ data });
        await tx.dutyItem.createMany({ data: plan.dutyItems, skipDuplicates: true });
        await tx.communityDuty.createMany({ data: plan.communityDuties });
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  } catch (err) {
    if (err instanceof AlreadySeeded || (isUniqueViolation(err) && (await districtExists(prisma, plan))))
      return { status: 'already seeded' };
    throw err;
  }
  return { status: 'seeded', counts: planCounts(plan) };
}

export function seedSampleDistrict(prisma: PrismaClient, seed?: string): Promise<SeedResult> {
  return writeDistrictPlan(prisma, buildDistrictPlan(seed));
}

export function planCounts(plan: DistrictPlan): SeedCounts {
  return {
    units: plan.units.length,
    closures: plan.closures.length,
    addresses: plan.addresses.length,
    departmentCategories: plan.departmentCategories.length,
    persons: plan.persons.length,
    positions: plan.positions.length,
    assignments: plan.assignments.length,
    dutyItems: plan.dutyItems.length,
    communityDuties: plan.communityDuties.length,
  };
}

class AlreadySeeded extends Error {}

/** A district seeded before addresses had coordinates gets them; addresses that have one keep it. */
async function placeAddresses(prisma: PrismaClient, plan: DistrictPlan): Promise<void> {
  for (const rows of chunks(plan.addresses))
    await prisma.$executeRaw`
      UPDATE address a SET latitude = p.latitude, longitude = p.longitude
      FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.latitude)}::float8[],
                  ${rows.map((r) => r.longitude)}::float8[]) AS p(id, latitude, longitude)
      WHERE a.id = p.id AND a.latitude IS NULL`;
}

async function districtExists(db: Pick<PrismaClient, 'orgUnit'>, plan: DistrictPlan): Promise<boolean> {
  return (await db.orgUnit.count({ where: { code: plan.districtCode } })) > 0;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK);
}
