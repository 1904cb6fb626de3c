import {
  TALENT_AVAILABILITY_LABELS,
  TALENT_SKILL_LABELS,
  TALENT_SKILLS,
  talentSkillLabel,
} from '../../../src/shared/process/programme-talent';

// The same catalogue the API validates against: read from the shared table, never retyped.
export { TALENT_AVAILABILITY_LABELS as availabilityLabel, talentSkillLabel };
export const skillOptions = TALENT_SKILLS.map((code) => ({ value: code, label: TALENT_SKILL_LABELS[code] }));
export const availabilityOptions = Object.entries(TALENT_AVAILABILITY_LABELS).map(([value, label]) => ({
  value,
  label,
}));
export const needStateLabel: Record<string, string> = { OPEN: '待选定', FILLED: '已选满' };
export const holderLabel: Record<string, string> = { MEMBER: '在职党员', RESIDENT: '居民' };
