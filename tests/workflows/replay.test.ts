import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';

const dir = join(__dirname, '..', 'fixtures', 'histories');
const histories = readdirSync(dir).filter((f) => f.endsWith('.json'));

/**
 * Recorded histories of every workflow type replay against the current code: a change that running
 * executions would see differently fails here unless it sits behind patched().
 */
describe('workflow replay', () => {
  it('has a recorded history for every exported workflow type', async () => {
    const workflows = await import('../../workflows');
    const recorded = histories.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).events[0]
      .workflowExecutionStartedEventAttributes.workflowType.name);
    expect(new Set(recorded)).toEqual(new Set(Object.keys(workflows)));
  });

  it.each(histories)('%s replays without non-determinism', async (file) => {
    const history = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    await Worker.runReplayHistory({
      workflowBundle: { code: readFileSync(process.env.GOVFLOW_WORKFLOW_BUNDLE as string, 'utf8') },
    }, history, file);
  });
});
