import type { MediationPolicy } from './mediation-policy.schema';

/** Version 1 of the mediation policy: docs/domain.md, Process 4 (the 顺正河社区 panel). */
export const DEFAULT_MEDIATION_POLICY: MediationPolicy = {
  risk: {
    headCount: { medium: 10, high: 30 },
    amountYuan: { medium: 100_000, high: 1_000_000 },
    gatheringThreat: 'HIGH',
    violenceThreat: 'HIGH',
    vulnerableParties: 'MEDIUM',
  },
  slots: [
    {
      key: 'secretary',
      label: '社区党组织书记',
      source: { kind: 'position', roles: ['COMMUNITY_SECRETARY'], level: 'COMMUNITY' },
    },
    {
      key: 'security',
      label: '治保主任',
      source: { kind: 'position', roles: ['COMMITTEE_MEMBER'], level: 'COMMUNITY' },
    },
    { key: 'police', label: '社区民警', source: { kind: 'named' } },
    { key: 'lawyer', label: '律师', source: { kind: 'named' } },
    { key: 'elder', label: '“五老”代表', source: { kind: 'named' } },
    { key: 'department', label: '职能部门', source: { kind: 'department' } },
    { key: 'labour', label: '劳动仲裁/劳动保障部门', source: { kind: 'department', routeCategory: '欠薪' } },
  ],
  panels: {
    '劳资纠纷（调解）': { required: ['secretary', 'police', 'lawyer', 'labour'], optional: ['security', 'elder'] },
    邻里纠纷: { required: ['secretary', 'elder'], optional: ['security', 'police'] },
    婚姻家庭纠纷: { required: ['secretary', 'elder'], optional: ['lawyer'] },
    物业纠纷: { required: ['secretary', 'department'], optional: ['lawyer', 'elder'] },
  },
  defaultPanel: { required: ['secretary', 'police'], optional: ['lawyer', 'elder', 'department'] },
  invitationLimit: { unit: 'hours', amount: 24 },
  mediationLimit: { unit: 'days', amount: 30 },
  supervisionOrderLimit: { unit: 'workingDays', amount: 3 },
  sessionReminderLead: { unit: 'hours', amount: 24 },
  visitIntervalsDays: [7, 30],
  visitReminderEveryDays: 1,
  visitMaxReminders: 5,
  judicialConfirmationDays: 30,
};
