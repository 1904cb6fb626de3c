export interface OpenedRound {
  roundId: string;
  deadlineMs: number;
  /** When inspectors with open items are reminded (the policy's lead); absent in results recorded before it was one. */
  remindAtMs?: number;
}

export interface ClosedRound {
  roundId: string;
  /** How long before an interview it is reminded (the policy's lead); absent in results recorded before it was one. */
  interviewReminderLeadMs?: number;
  interviews: { id: string; partyOrgId: string; scheduledAtMs: number }[];
}

export interface InspectionFinding {
  item: string;
  passed: boolean;
  note?: string;
}
