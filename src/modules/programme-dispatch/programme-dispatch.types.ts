import type { ProgrammeTaskKind } from '../../shared/process/programme-kinds';
import type { ProgrammeMonth } from '../../shared/process/programme-rhythm';

/** The workflow's input: a month, or none (a scheduled run reports the month before the run). */
export type ProgrammeDispatchInput = Partial<ProgrammeMonth>;

export interface KindProgress {
  target: number;
  /** Confirmed from January through the end of the reported month (wishes: fulfilled). */
  confirmed: number;
  /** Confirmed in the reported month itself. */
  confirmedThisMonth: number;
  inProgress: number;
  overdue: number;
}

export interface AgencyDispatchRow {
  partyOrgId: string;
  name: string;
  kinds: Record<ProgrammeTaskKind, KindProgress>;
  completion: number;
  /** In-service members of the agency (party member posts held now). */
  members: number;
  /** Members whose report-in a community confirmed. */
  reportedIn: number;
  reportedInShare: number;
  /** Volunteer attendances of its members confirmed in the month, and their hours. */
  monthAttendances: number;
  monthHours: number;
  monthWishesFulfilled: number;
}

export interface CommunityDispatchRow {
  communityId: string;
  name: string;
  kinds: Record<ProgrammeTaskKind, Omit<KindProgress, 'target'>>;
  reportIns: number;
  reportInsConfirmed: number;
  reportInsConfirmedShare: number;
  monthActivities: number;
  monthAttendances: number;
  monthWishesPublished: number;
  monthWishesFulfilled: number;
}

export interface RankingRow {
  rank: number;
  partyOrgId: string;
  name: string;
  completion: number;
  kindsMet: number;
}

export interface StoredDispatch {
  reportId: string;
  year: number;
  month: number;
  /** false when the month's report already existed (a rerun). */
  created: boolean;
}
