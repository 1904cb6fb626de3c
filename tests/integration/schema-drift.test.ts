import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/infra/local-stack/paths';

const run = promisify(execFile);

describe('database schema', () => {
  it('prisma/migrations match prisma/schema.prisma (no drift)', async () => {
    const result = await run(`${projectRoot}/node_modules/.bin/prisma`,
      ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code'],
      { cwd: projectRoot, env: { ...process.env, DATABASE_URL: process.env.GOVFLOW_TEST_ADMIN_DATABASE_URL, CHECKPOINT_DISABLE: '1' } })
      .then(({ stdout }) => ({ code: 0, stdout }), (err: { code: number; stdout: string }) => ({ code: err.code, stdout: err.stdout }));
    expect(result).toEqual({ code: 0, stdout: expect.stringContaining('No difference detected') });
  });
});
