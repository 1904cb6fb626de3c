import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { LocalStack } from '../src/infra/local-stack';
import { createDatabaseIfMissing, databaseUrl, migrateDeploy } from '../src/infra/local-stack/database';
import { dataDir, projectRoot } from '../src/infra/local-stack/paths';
import { logger } from '../src/common/logging/logger';
import { startWebhookSink } from './webhook-sink';
import { writeWorkflowBundle } from '../src/infra/temporal/workflow-bundle';

/**
 * `npm start`: starts whichever of PostgreSQL, Redis and Temporal has no URL configured, migrates the
 * database, then runs the API and the worker. Ctrl-C stops everything it started, children first.
 */
async function main(): Promise<void> {
  const env = { ...process.env };
  const stack = new LocalStack('dev', {
    postgres: Number(env.GOVFLOW_PG_PORT ?? 54329),
    redis: Number(env.GOVFLOW_REDIS_PORT ?? 63790),
    temporal: Number(env.GOVFLOW_TEMPORAL_PORT ?? 7233),
    temporalUi: Number(env.GOVFLOW_TEMPORAL_UI_PORT ?? 8233),
  });
  const urls = await stack.start({
    postgres: !env.DATABASE_URL,
    redis: !env.REDIS_URL,
    temporal: !env.TEMPORAL_ADDRESS,
  });
  try {
    if (urls.postgresAdminUrl) {
      await createDatabaseIfMissing(urls.postgresAdminUrl, 'govflow');
      env.DATABASE_URL = databaseUrl(urls.postgresAdminUrl, 'govflow');
    }
    env.AUTH_TOKEN_SECRET ??= localTokenSecret();
    if (!env.NOTIFY_WEBHOOK_URL)
      env.NOTIFY_WEBHOOK_URL = (await startWebhookSink(join(dataDir('dev'), 'webhook-sink.jsonl'))).url;
    env.REDIS_URL ??= urls.redisUrl;
    env.TEMPORAL_ADDRESS ??= urls.temporalAddress;
    if (urls.temporalUiUrl) env.TEMPORAL_UI_URL ??= urls.temporalUiUrl; // the console's 在 Temporal 中查看 links
    await migrateDeploy(env.DATABASE_URL as string);
    if (env.GOVFLOW_SEED !== '0') await runToEnd(join(__dirname, '..', 'prisma', 'seed.js'), env);
    env.GOVFLOW_WORKFLOW_BUNDLE ??= await writeWorkflowBundle(join(dataDir('dev'), 'workflow-bundle.js'));
  } catch (err) {
    await stack.stop();
    throw err;
  }

  // The worker is stateless (Temporal and BullMQ hand each task to one poller), so GOVFLOW_WORKERS processes share the load.
  const workers = workerCount(env.GOVFLOW_WORKERS);
  const children = [
    ...Array.from({ length: workers }, (_, i) =>
      startChild(workers > 1 ? `worker-${i + 1}` : 'worker', join(__dirname, '..', 'src', 'worker.js'), env),
    ),
    startChild('api', join(__dirname, '..', 'src', 'main.js'), env),
  ];
  logger.info(
    {
      api: `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? 3000}`,
      docs: `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? 3000}/api/docs`,
      temporalUi: urls.temporalUiUrl,
      data: join(projectRoot, '.data'),
      webhookSink: join(dataDir('dev'), 'webhook-sink.jsonl'),
    },
    'govflow 本地环境已启动，按 Ctrl-C 停止',
  );

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('正在停止 govflow …');
    await Promise.all(children.map(stopChild));
    await stack.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  for (const child of children) {
    child.once('exit', (code) => {
      if (!stopping) {
        logger.error({ pid: child.pid, code }, '子进程意外退出');
        void shutdown(1);
      }
    });
  }
}

function workerCount(value: string | undefined): number {
  const n = Number(value ?? 1);
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new Error(`GOVFLOW_WORKERS 应为 1 到 32 的整数，收到 ${value}`);
  return n;
}

/** A token secret kept in the data folder, so local sign-ins survive restarts. */
function localTokenSecret(): string {
  const file = join(dataDir('dev'), 'auth-token-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

function startChild(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--enable-source-maps', script], {
    env: { ...env, GOVFLOW_PROCESS: name },
    stdio: 'inherit',
  });
}

/** Runs a one-off script (the seed) to completion, its output shown, failing on a non-zero exit. */
function runToEnd(script: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--enable-source-maps', script], { env, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${script} exited with ${code}`))));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

main().catch((err: unknown) => {
  logger.fatal({ err }, '启动失败');
  process.exit(1);
});
