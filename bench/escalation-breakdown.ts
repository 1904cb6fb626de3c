import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { percentile } from './bench-stack';

const { EventType } = temporal.api.enums.v1;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const ms = (e: HistoryEvent) => Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);

export interface EscalationSample {
  workflowId: string;
  deadlineMs: number;
  openedAtMs: number;
  inboxAtMs?: number;
}

/** The escalation runs as a local activity: its `core_local_activity` marker names its type in the marker's data. */
function isEscalationMarker(e: HistoryEvent): boolean {
  const marker = e.markerRecordedEventAttributes;
  if (marker?.markerName !== 'core_local_activity') return false;
  const data = marker.details?.data?.payloads?.[0]?.data;
  return !!data && Buffer.from(data).toString('utf8').includes('"activity_type":"escalateCase"');
}

/**
 * Splits each sampled escalation's lateness along its history: deadline → TimerFired / WorkflowTaskScheduled →
 * WorkflowTaskStarted → 督办单 row opened (its transaction's now(), inside the workflow task that runs the escalation
 * as a local activity) → the recipients' inbox rows, and the deciding workflow task from started to completed. Prints
 * p50/p99 of each step in ms.
 */
export async function escalationBreakdown(client: Client, samples: EscalationSample[]) {
  const steps: Record<string, number[]> = {
    deadlineToTimerFired: [],
    deadlineToDecidingTaskScheduled: [],
    decidingTaskScheduledToStarted: [],
    decidingTaskStartedToOrderOpened: [],
    orderOpenedToInboxRows: [],
    decidingTaskStartedToCompleted: [],
  };
  for (const s of samples) {
    const events = (await client.workflow.getHandle(s.workflowId).fetchHistory()).events ?? [];
    const markerAt = events.findIndex(isEscalationMarker);
    if (markerAt < 0) continue;
    const before = events.slice(0, markerAt);
    const last = (type: number) => before.filter((e) => e.eventType === type).pop();
    const fired = last(EventType.EVENT_TYPE_TIMER_FIRED);
    const taskScheduled = last(EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
    const taskStarted = last(EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED);
    const taskCompleted = last(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    if (!fired || !taskScheduled || !taskStarted || !taskCompleted) continue;
    // only when the lapse itself woke the workflow (a late workflow may find the deadline passed without a timer)
    if (ms(fired) >= s.deadlineMs - 1_000) steps.deadlineToTimerFired.push(ms(fired) - s.deadlineMs);
    steps.deadlineToDecidingTaskScheduled.push(ms(taskScheduled) - s.deadlineMs);
    steps.decidingTaskScheduledToStarted.push(ms(taskStarted) - ms(taskScheduled));
    steps.decidingTaskStartedToOrderOpened.push(s.openedAtMs - ms(taskStarted));
    if (s.inboxAtMs !== undefined) steps.orderOpenedToInboxRows.push(s.inboxAtMs - s.openedAtMs);
    steps.decidingTaskStartedToCompleted.push(ms(taskCompleted) - ms(taskStarted));
  }
  const out: Record<string, number | null> = {
    breakdownSamples: steps.deadlineToDecidingTaskScheduled.length,
    lapseTimerSamples: steps.deadlineToTimerFired.length,
  };
  for (const [name, values] of Object.entries(steps)) {
    values.sort((a, b) => a - b);
    out[`${name}P50Ms`] = values.length ? percentile(values, 50) : null;
    out[`${name}P99Ms`] = values.length ? percentile(values, 99) : null;
  }
  return out;
}
