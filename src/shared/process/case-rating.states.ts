/**
 * 一事一评: the rating window of one closed case, written once for its workflow (the `rate` update's validator,
 * authoritative) and the API (quick refusals from the read model). Pure: bundled into workflows.
 */
export type RatingState = 'OPEN' | 'RATED' | 'UNRATED';
export type RatingAction = 'rate' | 'expire';

export const RATING_STATES: Readonly<Record<RatingState, { label: string; final: boolean }>> = {
  OPEN: { label: '待评价', final: false },
  RATED: { label: '已评价', final: true },
  UNRATED: { label: '未评价', final: true },
};

/** `rate` is the reporter's; `expire` is the window's end, which no one takes by hand. */
export const RATING_ACTIONS: Readonly<
  Record<RatingAction, { label: string; from: readonly RatingState[]; to: RatingState }>
> = {
  rate: { label: '评价', from: ['OPEN'], to: 'RATED' },
  expire: { label: '评价期满', from: ['OPEN'], to: 'UNRATED' },
};

export interface RatingRefusal {
  code: 'ALREADY_RATED' | 'RATING_WINDOW_CLOSED';
  message: string;
}

/** A closed window answers with its own code, whichever state closed it. */
const REFUSED_FROM: Readonly<Record<Exclude<RatingState, 'OPEN'>, RatingRefusal>> = {
  RATED: { code: 'ALREADY_RATED', message: '该诉求已评价，每件诉求只能评价一次' },
  UNRATED: { code: 'RATING_WINDOW_CLOSED', message: '评价期限已过，不能再评价' },
};

/** Why a rating may not be given now, or undefined: once rated, never again; unrated or past the window's end, closed. */
export function rateRefusal(state: RatingState, nowMs: number, windowEndsMs: number): RatingRefusal | undefined {
  if (state !== 'OPEN') return REFUSED_FROM[state];
  return nowMs >= windowEndsMs ? REFUSED_FROM.UNRATED : undefined;
}
