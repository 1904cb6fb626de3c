import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../src/generated/prisma/client';
import { demoLogins, demoResident, formatDemoLogins } from '../src/modules/org/seed/demo-logins';
import { buildDistrictPlan } from '../src/modules/org/seed/district-plan';
import { writeDistrictPlan } from '../src/modules/org/seed/seed-writer';

/** npm run seed: writes the sample district (青湖区) into DATABASE_URL once, then prints the demo sign-ins. */
async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const started = Date.now();
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
  try {
    const plan = buildDistrictPlan();
    const result = await writeDistrictPlan(prisma, plan);
    console.log(
      result.status === 'seeded'
        ? `示例数据已写入（${Date.now() - started} ms）:`
        : '示例数据已存在，未写入任何数据（already seeded）。当前数据量:',
    );
    const counts = {
      组织单元: await prisma.orgUnit.count(),
      闭包行: await prisma.orgUnitClosure.count(),
      地址: await prisma.address.count(),
      部门受理类别: await prisma.departmentCategory.count(),
      人员: await prisma.person.count(),
      岗位: await prisma.position.count(),
      三包: await prisma.committeeAssignment.count(),
      权责清单事项: await prisma.dutyItem.count(),
      社区权责调整: await prisma.communityDuty.count(),
    };
    for (const [label, n] of Object.entries(counts)) console.log(`  ${label}: ${n}`);
    console.log(`\n${formatDemoLogins(demoLogins(plan), demoResident(plan))}`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
