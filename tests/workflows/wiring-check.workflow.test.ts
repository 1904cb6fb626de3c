import type { INestApplicationContext } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Client } from 'pg';
import { wiringCheckWorkflow } from '../../workflows/wiring-check.workflow';
import { createTestWorker, startServices, startTimeSkippingServer } from '../fixtures/time-skipping';
import { recordHistory } from '../fixtures/history-recorder';

const DAY_MS = 24 * 3600 * 1000;

describe('wiringCheckWorkflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let services: INestApplicationContext;
  let db: Client;

  beforeAll(async () => {
    [env, services] = await Promise.all([startTimeSkippingServer(), startServices()]);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([env?.teardown(), services?.close(), db?.end()]);
  });

  it('sleeps 30 days of workflow time, then records through the real database', async () => {
    const taskQueue = 'ts-wiring';
    const worker = await createTestWorker(env, services, taskQueue);
    const workflowId = `wiring-check-ts-${Date.now()}`;
    const serverStart = await env.currentTimeMs();

    const result = await worker.runUntil(
      env.client.workflow.execute(wiringCheckWorkflow, {
        workflowId,
        taskQueue,
        args: [{ note: '三十天后', delay: '30 days' }],
      }),
    );

    expect((await env.currentTimeMs()) - serverStart).toBeGreaterThanOrEqual(30 * DAY_MS);
    const { rows } = await db.query('SELECT id, note FROM wiring_check WHERE workflow_id = $1', [workflowId]);
    expect(rows).toEqual([{ id: result.checkId, note: '三十天后' }]);
    const audit = await db.query(
      "SELECT workflow_id FROM audit_entry WHERE action = 'wiring-check.record' AND entity_id = $1",
      [result.checkId],
    );
    expect(audit.rows).toEqual([{ workflow_id: workflowId }]);

    await recordHistory('wiring-check', env.client.workflow.getHandle(workflowId));
  });
});
