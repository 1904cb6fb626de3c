import { migrationDrift } from '../../src/infra/local-stack/database';

describe('database schema', () => {
  it('prisma/migrations match prisma/schema.prisma (no drift)', async () => {
    const result = await migrationDrift(process.env.GOVFLOW_TEST_ADMIN_DATABASE_URL as string);
    expect(result).toEqual({ drift: false, summary: expect.stringContaining('No difference detected') });
  });
});
