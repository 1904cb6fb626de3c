import { toCstDate } from './calendar';

/** A record's human reference, e.g. SQ-20261122-2898CA4C: prefix, CST date of creation, first 8 hex digits of its id. */
export const referenceNo = (prefix: string, id: string, at: Date): string =>
  `${prefix}-${toCstDate(at.getTime()).replace(/-/g, '')}-${id.slice(0, 8).toUpperCase()}`;
