import { DEFAULT_INSPECTION_TIMING } from '../../shared/process/programme-rhythm';
import { DEFAULT_TASK_RATING } from '../../shared/process/programme-task-rating.states';
import type { ProgrammePolicy } from './programme-policy.schema';

/** Version 1 of the programme policy: docs/domain.md, Process 3 (双进双联, "五个一"). */
export const DEFAULT_PROGRAMME_POLICY: ProgrammePolicy = {
  targets: { LIVELIHOOD_PROJECT: 2, PARTY_DAY: 1, PARTY_LECTURE: 1, MICRO_WISH: 1, ENTERPRISE_PROBLEM: 1 },
  evidence: {
    LIVELIHOOD_PROJECT: ['description', 'photos', 'beneficiaryConfirmation'],
    PARTY_DAY: ['description', 'photos', 'attendance'],
    PARTY_LECTURE: ['description', 'photos', 'attendance'],
    MICRO_WISH: ['description', 'beneficiaryConfirmation'],
    ENTERPRISE_PROBLEM: ['description', 'beneficiaryConfirmation'],
  },
  taskLimit: { unit: 'workingDays', amount: 20 },
  reminderFractions: [0.5, 0.8],
  followUpLimit: { unit: 'workingDays', amount: 5 },
  maxEscalations: 2,
  monthlyDispatchDay: 5,
  inspectionMonths: [6, 12],
  interview: { behindShare: 0.5, overdueTasks: 2 },
  inspectionTiming: { ...DEFAULT_INSPECTION_TIMING },
  taskRating: { ...DEFAULT_TASK_RATING },
};
