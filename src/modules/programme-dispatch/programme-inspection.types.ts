export interface OpenedRound {
  roundId: string;
  deadlineMs: number;
}

export interface ClosedRound {
  roundId: string;
  interviews: { id: string; partyOrgId: string; scheduledAtMs: number }[];
}

export interface InspectionFinding {
  item: string;
  passed: boolean;
  note?: string;
}
