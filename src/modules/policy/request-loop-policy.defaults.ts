import type { RequestLoopPolicy } from './request-loop-policy.schema';

/**
 * Version 1 of the request loop: 5 minutes to accept and 30 to contact a street department (seed 000), the
 * usual hotline limits by priority, and a 督办单 deadline per rung ending at the district's 5 working days
 * before public criticism (通报批评).
 */
export const DEFAULT_REQUEST_LOOP_POLICY: RequestLoopPolicy = {
  clocks: {
    accept: { limit: { unit: 'minutes', amount: 5 } },
    contactDepartment: { limit: { unit: 'minutes', amount: 30 } },
    firstResponse: { limit: { unit: 'hours', amount: 2 } },
    resolution: {
      urgent: { limit: { unit: 'hours', amount: 2 } },
      utilities: { limit: { unit: 'hours', amount: 24 } },
      general: { limit: { unit: 'workingDays', amount: 7 } },
      complex: { limit: { unit: 'workingDays', amount: 15 } },
    },
  },
  categoryLimits: {},
  defaultPriority: 'general',
  reminders: { fractions: [0.5, 0.8] },
  escalation: {
    ladder: [
      {
        level: 'GRID_WORKER',
        notify: ['GRID_WORKER', 'GRID_LEADER'],
        supervisionOrderLimit: { unit: 'workingDays', amount: 1 },
      },
      {
        level: 'COMMUNITY',
        notify: ['COMMUNITY_SECRETARY'],
        supervisionOrderLimit: { unit: 'workingDays', amount: 2 },
      },
      {
        level: 'STREET_DEPARTMENT',
        notify: ['DEPARTMENT_HEAD', 'STREET_LEADER'],
        supervisionOrderLimit: { unit: 'workingDays', amount: 3 },
      },
      {
        level: 'DISTRICT_SUPERVISION',
        notify: ['SUPERVISOR'],
        supervisionOrderLimit: { unit: 'workingDays', amount: 5 },
      },
    ],
  },
  extension: { maxWorkingDays: 10, maxExtensions: 2 },
  duplicates: { radiusMeters: 200, windowHours: 72 },
  rating: { windowDays: 7 },
};
