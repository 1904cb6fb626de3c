import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { LocalStack } from '../../src/infra/local-stack';
import { createDatabaseIfMissing, databaseUrl, migrateDeploy } from '../../src/infra/local-stack/database';
import { dataDir, temporalCliPath } from '../../src/infra/local-stack/paths';
import { freePort } from '../../src/infra/local-stack/ports';
import { writeWorkflowBundle } from '../../src/infra/temporal/workflow-bundle';
import { devServerSearchAttributeArgs } from '../../src/shared/search-attributes';
import globalTeardown from './global-teardown';

export interface TestRun {
  runId: string;
  stack: LocalStack;
  temporal?: TestWorkflowEnvironment;
  adminUrl: string;
  database: string;
}

/**
 * Real services for the whole run: PostgreSQL, Redis and a Temporal dev server (through
 * @temporalio/testing) unless their URLs are given. Each run gets its own database, queue prefix and
 * task queue, so two runs never share data.
 */
export default async function globalSetup(): Promise<void> {
  try {
    await setUp();
  } catch (err) {
    await globalTeardown(); // Jest skips the teardown when the setup throws; servers must not outlive the run
    throw err;
  }
}

async function setUp(): Promise<void> {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const folder = join('test-runs', runId);
  mkdirSync(dataDir(folder), { recursive: true });
  const stack = new LocalStack(folder, {
    postgres: await freePort(),
    redis: await freePort(),
    temporal: 0,
    temporalUi: 0,
  });
  const urls = await stack.start({
    postgres: !process.env.DATABASE_URL,
    redis: !process.env.REDIS_URL,
    temporal: false,
  });
  const run: TestRun = {
    runId,
    stack,
    adminUrl: urls.postgresAdminUrl ?? (process.env.DATABASE_URL as string),
    database: `govflow_test_${runId}`,
  };
  (globalThis as { __govflowRun?: TestRun }).__govflowRun = run;

  await createDatabaseIfMissing(run.adminUrl, run.database);
  process.env.DATABASE_URL = databaseUrl(run.adminUrl, run.database);
  process.env.GOVFLOW_TEST_ADMIN_DATABASE_URL = run.adminUrl;
  process.env.REDIS_URL ??= urls.redisUrl;
  process.env.QUEUE_PREFIX = `govflow-test-${runId}`;
  process.env.TEMPORAL_TASK_QUEUE = `govflow-test-${runId}`;
  process.env.LOG_LEVEL ??= 'warn';
  process.env.AUTH_TOKEN_SECRET ??= randomBytes(32).toString('hex');
  process.env.GOVFLOW_DATA_DIR_RUN = dataDir(folder);

  const [, bundlePath] = await Promise.all([
    migrateDeploy(process.env.DATABASE_URL),
    writeWorkflowBundle(join(dataDir(folder), 'workflow-bundle.js')),
    process.env.TEMPORAL_ADDRESS ? undefined : startTemporal(run),
  ]);
  process.env.GOVFLOW_WORKFLOW_BUNDLE = bundlePath;
}

async function startTemporal(run: TestRun): Promise<void> {
  run.temporal = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCliPath },
      ip: '127.0.0.1',
      extraArgs: ['--log-level', 'error', ...devServerSearchAttributeArgs()],
    },
  });
  process.env.TEMPORAL_ADDRESS = run.temporal.address;
}
