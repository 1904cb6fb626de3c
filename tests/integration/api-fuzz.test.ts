import type { INestApplication } from '@nestjs/common';
import { createDatabaseIfMissing, databaseUrl, migrateDeploy } from '../../src/infra/local-stack/database';
import { buildOrgFixture, login } from '../fixtures/org-fixture';
import { runSchemathesis } from '../fixtures/schemathesis';
import { startApi } from '../fixtures/test-app';

/**
 * Cases per operation in the fuzzing phase under `npm test` (GOVFLOW_FUZZ_EXAMPLES overrides; `npm run fuzz:api` is the
 * long run). The coverage phase's cases (boundary and invalid values of every parameter) come on top and do not depend on it.
 */
const DEFAULT_EXAMPLES = 25;

/**
 * Property-based fuzzing of the whole API against its own OpenAPI document (schemathesis, every check): any 5xx,
 * an undocumented status, a body that does not match its schema, invalid input that is accepted, a missing 405…
 * fails. It runs on a database of its own, so the versions and records it creates never reach other test files.
 */
describe('API under schemathesis', () => {
  let api: { app: INestApplication; url: string };
  let token: string;
  const previousDatabaseUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    const adminUrl = process.env.GOVFLOW_TEST_ADMIN_DATABASE_URL as string;
    const name = `${new URL(previousDatabaseUrl as string).pathname.slice(1)}_fuzz`;
    await createDatabaseIfMissing(adminUrl, name);
    process.env.DATABASE_URL = databaseUrl(adminUrl, name);
    await migrateDeploy(process.env.DATABASE_URL);
    const fixture = await buildOrgFixture();
    api = await startApi({
      DATABASE_URL: process.env.DATABASE_URL,
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-fuzz`,
      TEMPORAL_TASK_QUEUE: `${process.env.TEMPORAL_TASK_QUEUE}-fuzz`,
    });
    token = (await login(api.url, fixture.people.admin.username)).accessToken;
  }, 120_000);

  afterAll(async () => {
    process.env.DATABASE_URL = previousDatabaseUrl;
    await api?.app.close();
  });

  it('passes every check on every operation, with no server error', async () => {
    const maxExamples = Number(process.env.GOVFLOW_FUZZ_EXAMPLES ?? DEFAULT_EXAMPLES);
    const started = Date.now();
    const figures = await runSchemathesis({ apiUrl: api.url, token, seed: 20261122, maxExamples });
    if (figures.exitCode !== 0) console.log(figures.output.slice(-20_000));
    const { output: _output, ...summary } = figures;
    console.log(
      `schemathesis ${JSON.stringify({ maxExamples, ...summary, seconds: Math.round((Date.now() - started) / 1000) })}`,
    );
    expect({ exitCode: figures.exitCode, failures: figures.failures, serverErrors: figures.serverErrors }).toEqual({
      exitCode: 0,
      failures: 0,
      serverErrors: 0,
    });
    expect(figures.operations).toBeGreaterThanOrEqual(70);
    expect(figures.casesGenerated).toBeGreaterThan(figures.operations);
  }, 900_000);
});
