import { randomBytes } from 'node:crypto';
import { createApi } from '../src/create-api';
import { loadConfig } from '../src/config/load-config';
import { createDatabaseIfMissing, databaseUrl, migrateDeploy } from '../src/infra/local-stack/database';
import { buildOrgFixture, login } from '../tests/fixtures/org-fixture';
import { runSchemathesis } from '../tests/fixtures/schemathesis';
import { reportFigures, runBench, startBenchStack } from './bench-stack';

/**
 * The longer schemathesis run (`npm run fuzz:api`): every check, more cases per operation than `npm test`
 * (FUZZ_EXAMPLES, default 100; FUZZ_SEED; FUZZ_ARGS: more schemathesis options, e.g. `--include-path-regex inbox`), against the real API on its own local stack. Prints its figures.
 */
runBench(async () => {
  const env = await startBenchStack();
  try {
    const name = `govflow_fuzz_${process.pid}`;
    await createDatabaseIfMissing(env.databaseAdminUrl, name);
    const url = databaseUrl(env.databaseAdminUrl, name);
    await migrateDeploy(url);
    process.env.DATABASE_URL = url;
    const fixture = await buildOrgFixture();
    const app = await createApi(
      loadConfig({
        ...process.env,
        DATABASE_URL: url,
        REDIS_URL: env.redisUrl,
        TEMPORAL_ADDRESS: env.temporalAddress,
        PORT: '0',
        LOG_LEVEL: 'error',
        AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
        QUEUE_PREFIX: `fuzz-${process.pid}`,
        TEMPORAL_TASK_QUEUE: `fuzz-${process.pid}`,
      }),
    );
    await app.listen(0, '127.0.0.1');
    const apiUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    try {
      const token = (await login(apiUrl, fixture.people.admin.username)).accessToken;
      const maxExamples = Number(process.env.FUZZ_EXAMPLES ?? 100);
      const seed = Number(process.env.FUZZ_SEED ?? 20261122);
      const started = Date.now();
      const extraArgs = process.env.FUZZ_ARGS?.split(' ').filter(Boolean);
      const f = await runSchemathesis({
        apiUrl,
        token,
        maxExamples,
        seed,
        extraArgs,
        onOutput: (chunk) => process.stdout.write(chunk),
      });
      reportFigures('schemathesis (all checks)', 'FUZZ_API', {
        seed,
        maxExamples,
        operations: f.operations,
        casesGenerated: f.casesGenerated,
        failures: f.failures,
        serverErrors: f.serverErrors,
        statuses: JSON.stringify(f.statuses),
        seconds: Math.round((Date.now() - started) / 1000),
        exitCode: f.exitCode,
      });
      if (f.exitCode !== 0 || f.failures || f.serverErrors) process.exitCode = 1;
    } finally {
      await app.close();
    }
  } finally {
    await env.stop();
  }
});
