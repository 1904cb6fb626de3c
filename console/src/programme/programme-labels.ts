import {
  EVIDENCE_LABELS,
  PROGRAMME_TASK_KIND_LABELS,
  PROGRAMME_TASK_KINDS,
  type EvidenceItem,
  type ProgrammeTaskKind,
} from '../../../src/shared/process/programme-kinds';
import { TASK_STATES, type TaskState } from '../../../src/shared/process/programme-task.states';

// The same words the API's refusals use: read from the shared tables, never retyped.
export { EVIDENCE_LABELS, PROGRAMME_TASK_KIND_LABELS as kindLabel, PROGRAMME_TASK_KINDS as taskKinds };
export type { EvidenceItem, ProgrammeTaskKind, TaskState };

export const taskStateLabel = (s: string): string => TASK_STATES[s as TaskState]?.label ?? s;
export const taskStateColor: Record<string, string> = {
  OPEN: 'blue',
  ASSIGNED: 'gold',
  SUBMITTED: 'purple',
  SENT_BACK: 'red',
  CONFIRMED: 'green',
};
export const wishStateLabel: Record<string, string> = { OPEN: '待认领', CLAIMED: '已认领', FULFILLED: '已实现' };
export const reportInStateLabel: Record<string, string> = {
  REPORTED: '已报到待确认',
  CONFIRMED: '已确认',
  ENDED: '已结束',
};
export const valueEnumOf = (labels: Record<string, string>) =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, { text: v }]));

/** The current year in China time (the programme's years are China's calendar years). */
export const chinaYear = (): number => new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
