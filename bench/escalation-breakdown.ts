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

/**
 * Splits each sampled escalation's lateness along its history: deadline → TimerFired / WorkflowTaskScheduled →
 * WorkflowTaskStarted →
 * ActivityTaskScheduled (escalateCase) → ActivityTaskStarted → 督办单 row opened (its transaction's now()) →
 * ActivityTaskCompleted, plus the recipients' inbox rows. Prints p50/p99 of each step in ms.
 */
export async function escalationBreakdown(client: Client, samples: EscalationSample[]) {
  const steps: Record<string, number[]> = {
    deadlineToTimerFired: [],
    deadlineToDecidingTaskScheduled: [],
    decidingTaskScheduledToStarted: [],
    workflowTaskStartedToActivityScheduled: [],
    activityScheduledToStarted: [],
    activityStartedToOrderOpened: [],
    orderOpenedToInboxRows: [],
    activityStartedToCompleted: [],
  };
  for (const s of samples) {
    const events = (await client.workflow.getHandle(s.workflowId).fetchHistory()).events ?? [];
    const scheduledAt = events.findIndex(
      (e) =>
        e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED &&
        e.activityTaskScheduledEventAttributes?.activityType?.name === 'escalateCase',
    );
    if (scheduledAt < 0) continue;
    const scheduled = events[scheduledAt];
    const before = events.slice(0, scheduledAt);
    const fired = before.filter((e) => e.eventType === EventType.EVENT_TYPE_TIMER_FIRED).pop();
    const taskStarted = before.filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED).pop();
    const taskScheduled = before.filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED).pop();
    const ofScheduled = (type: number) =>
      events.find(
        (e) =>
          e.eventType === type &&
          Number((e.activityTaskStartedEventAttributes ?? e.activityTaskCompletedEventAttributes)?.scheduledEventId) ===
            Number(scheduled.eventId),
      );
    const started = ofScheduled(EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED);
    const completed = ofScheduled(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
    if (!fired || !taskStarted || !taskScheduled || !started || !completed) continue;
    // only when the lapse itself woke the workflow (a late workflow may find the deadline passed without a timer)
    if (ms(fired) >= s.deadlineMs - 1_000) steps.deadlineToTimerFired.push(ms(fired) - s.deadlineMs);
    steps.deadlineToDecidingTaskScheduled.push(ms(taskScheduled) - s.deadlineMs);
    steps.decidingTaskScheduledToStarted.push(ms(taskStarted) - ms(taskScheduled));
    steps.workflowTaskStartedToActivityScheduled.push(ms(scheduled) - ms(taskStarted));
    steps.activityScheduledToStarted.push(ms(started) - ms(scheduled));
    steps.activityStartedToOrderOpened.push(s.openedAtMs - ms(started));
    if (s.inboxAtMs !== undefined) steps.orderOpenedToInboxRows.push(s.inboxAtMs - s.openedAtMs);
    steps.activityStartedToCompleted.push(ms(completed) - ms(started));
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
