/**
 * 受益方评价 of a 双进双联 task: whether the beneficiary's rating may be recorded now, written once for the API and the
 * console. Pure. The rules follow 一事一评: 1–5 stars, once, within a window — here counted from the confirmation.
 */
import type { TaskEvidence } from './programme-kinds';
import type { TaskState } from './programme-task.states';

export type TaskRatingState = 'NOT_CONFIRMED' | 'NO_BENEFICIARY' | 'OPEN' | 'RATED' | 'CLOSED';

export const TASK_RATING_STATES: Readonly<Record<TaskRatingState, string>> = {
  NOT_CONFIRMED: '未确认完成',
  NO_BENEFICIARY: '无受益方确认',
  OPEN: '待评价',
  RATED: '已评价',
  CLOSED: '评价期已过',
};

export interface TaskRatingFacts {
  status: TaskState;
  /** The evidence names the resident or enterprise who confirmed the help. */
  hasBeneficiary: boolean;
  rated: boolean;
  confirmedAtMs: number | null;
  windowDays: number;
  nowMs: number;
}

const DAY_MS = 86_400_000;

export function taskRatingState(f: TaskRatingFacts): TaskRatingState {
  if (f.rated) return 'RATED';
  if (f.status !== 'CONFIRMED' || f.confirmedAtMs === null) return 'NOT_CONFIRMED';
  if (!f.hasBeneficiary) return 'NO_BENEFICIARY';
  return f.nowMs >= f.confirmedAtMs + f.windowDays * DAY_MS ? 'CLOSED' : 'OPEN';
}

export interface TaskRatingRefusal {
  code: 'ILLEGAL_TRANSITION' | 'VALIDATION_FAILED' | 'ALREADY_RATED' | 'RATING_WINDOW_CLOSED';
  message: string;
}

const REFUSALS: Readonly<Record<Exclude<TaskRatingState, 'OPEN'>, TaskRatingRefusal>> = {
  NOT_CONFIRMED: { code: 'ILLEGAL_TRANSITION', message: '任务经社区确认完成后才能评价' },
  NO_BENEFICIARY: { code: 'VALIDATION_FAILED', message: '该任务的完成材料没有受益群众或企业的确认，无人可评价' },
  RATED: { code: 'ALREADY_RATED', message: '该任务已评价，每项任务只能评价一次' },
  CLOSED: { code: 'RATING_WINDOW_CLOSED', message: '评价期限已过，不能再评价' },
};

/** Why a rating may not be recorded now, or undefined. */
export function taskRatingRefusal(f: TaskRatingFacts): TaskRatingRefusal | undefined {
  const state = taskRatingState(f);
  return state === 'OPEN' ? undefined : REFUSALS[state];
}

/** A rating at or below the policy's threshold is low: recorded as such, and the agency and the district are told. */
export const isLowTaskRating = (stars: number, lowStars: number): boolean => stars <= lowStars;

/** The policy's settings for versions saved before they existed. */
export const DEFAULT_TASK_RATING = { windowDays: 30, lowStars: 2 } as const;

/** The facts of a task row (evidence as stored JSON) under a window of `windowDays`. */
export function taskRatingFacts(
  task: { status: TaskState; evidence: unknown; rating: unknown; confirmedAt: Date | null },
  windowDays: number,
  nowMs: number,
): TaskRatingFacts {
  const confirmation = (task.evidence as TaskEvidence | null)?.beneficiaryConfirmation;
  return {
    status: task.status,
    hasBeneficiary: typeof confirmation?.name === 'string' && !!confirmation.name.trim(),
    rated: !!task.rating,
    confirmedAtMs: task.confirmedAt?.getTime() ?? null,
    windowDays,
    nowMs,
  };
}
