import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';

const dir = join(__dirname, '..', 'fixtures', 'histories');
const histories = readdirSync(dir).filter((f) => f.endsWith('.json'));
const workflowSources = readdirSync(join(__dirname, '..', '..', 'workflows')).filter((f) => f.endsWith('.ts'));

/** Every update, signal and query a workflow module declares (defineUpdate/defineSignal/defineQuery results). */
async function declaredHandlers(): Promise<string[]> {
  const names = new Set<string>();
  for (const file of workflowSources) {
    const mod = (await import(join(__dirname, '..', '..', 'workflows', file))) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      const def = value as { type?: unknown; name?: unknown };
      if (def && typeof def === 'object' && ['update', 'signal', 'query'].includes(def.type as string))
        names.add(`${def.type}:${def.name}`);
    }
  }
  return [...names].sort();
}

/** What the recorded histories exercise: updates and signals from their events; queries (never in a history) from the recorder's list. */
function recordedHandlers(): Set<string> {
  const seen = new Set<string>();
  for (const file of histories) {
    for (const event of JSON.parse(readFileSync(join(dir, file), 'utf8')).events) {
      const update = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name;
      if (update) seen.add(`update:${update}`);
      const signal = event.workflowExecutionSignaledEventAttributes?.signalName;
      if (signal) seen.add(`signal:${signal}`);
    }
    const queries = join(dir, 'queries', file);
    if (existsSync(queries))
      for (const q of JSON.parse(readFileSync(queries, 'utf8')) as string[]) seen.add(`query:${q}`);
  }
  return seen;
}

/**
 * Recorded histories of every workflow type replay against the current code: a change that running
 * executions would see differently fails here unless it sits behind patched().
 */
describe('workflow replay', () => {
  it('has a recorded history for every exported workflow type', async () => {
    const workflows = await import('../../workflows');
    const recorded = histories.map(
      (f) =>
        JSON.parse(readFileSync(join(dir, f), 'utf8')).events[0].workflowExecutionStartedEventAttributes.workflowType
          .name,
    );
    expect(new Set(recorded)).toEqual(new Set(Object.keys(workflows)));
  });

  it('every update, signal and query handler appears in a recorded history', async () => {
    const recorded = recordedHandlers();
    expect((await declaredHandlers()).filter((h) => !recorded.has(h))).toEqual([]);
  });

  it.each(histories)('%s replays without non-determinism', async (file) => {
    const history = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    await Worker.runReplayHistory(
      {
        workflowBundle: { code: readFileSync(process.env.GOVFLOW_WORKFLOW_BUNDLE as string, 'utf8') },
      },
      history,
      file,
    );
  });
});
