/**
 * 人才超市: the skills members and residents offer and when they are free. The catalogue is a fixed list in code
 * (not a policy setting): needs and registrations must meet on the same code, and a new skill is a small release.
 */
export const TALENT_SKILLS = [
  'LEGAL_ADVICE',
  'MEDICAL_CARE',
  'ELDERLY_CARE',
  'PSYCHOLOGICAL_SUPPORT',
  'TUTORING',
  'PLUMBING_ELECTRICAL',
  'APPLIANCE_REPAIR',
  'DIGITAL_HELP',
  'HAIRCUT',
  'CULTURE_ARTS',
  'POLICY_EXPLAINING',
  'ENTERPRISE_SERVICES',
] as const;
export type TalentSkill = (typeof TALENT_SKILLS)[number];

export const TALENT_SKILL_LABELS: Readonly<Record<TalentSkill, string>> = {
  LEGAL_ADVICE: '法律咨询',
  MEDICAL_CARE: '医疗义诊',
  ELDERLY_CARE: '养老照护',
  PSYCHOLOGICAL_SUPPORT: '心理疏导',
  TUTORING: '课业辅导',
  PLUMBING_ELECTRICAL: '水电维修',
  APPLIANCE_REPAIR: '家电维修',
  DIGITAL_HELP: '手机电脑帮办',
  HAIRCUT: '理发',
  CULTURE_ARTS: '文艺培训',
  POLICY_EXPLAINING: '政策宣讲',
  ENTERPRISE_SERVICES: '企业服务（财税、用工、审批）',
};

export const TALENT_AVAILABILITY = ['ANYTIME', 'WEEKDAYS', 'WEEKENDS', 'EVENINGS', 'PAUSED'] as const;
export type TalentAvailability = (typeof TALENT_AVAILABILITY)[number];

export const TALENT_AVAILABILITY_LABELS: Readonly<Record<TalentAvailability, string>> = {
  ANYTIME: '随时',
  WEEKDAYS: '工作日',
  WEEKENDS: '周末及节假日',
  EVENINGS: '工作日晚间',
  PAUSED: '暂停接单',
};

export const isTalentSkill = (s: string): s is TalentSkill => (TALENT_SKILLS as readonly string[]).includes(s);
export const talentSkillLabel = (s: string): string => (isTalentSkill(s) ? TALENT_SKILL_LABELS[s] : s);
