import { z } from 'zod';
import { pageQuerySchema, pageSchemaOf } from '../../../common/http/pagination';
import { ProgrammeTaskKind, TalentHolderKind, TalentNeedStatus } from '../../../generated/prisma/enums';
import { TALENT_AVAILABILITY, TALENT_SKILLS } from '../../../shared/process/programme-talent';

const uuid = z.uuid('须为 UUID');
const skill = z.enum(TALENT_SKILLS, { message: '未知技能，请从人才超市的技能目录中选择' });
const address = (what: string) =>
  z
    .string({ message: `请填写${what}（已登记的门牌地址）` })
    .trim()
    .min(1, `请填写${what}（已登记的门牌地址）`)
    .max(200, '地址最多 200 字');

export const registerTalentSchema = z.object({
  skill,
  note: z.string().trim().max(200, '特长说明最多 200 字').optional(),
  availability: z.enum(TALENT_AVAILABILITY, { message: '请选择可服务时间' }).default('ANYTIME'),
  /** Where the person lives; a member without one is placed at the community they report to. */
  address: address('居住地址').optional(),
});
export type RegisterTalentDto = z.infer<typeof registerTalentSchema>;

export const publishNeedSchema = z.object({
  communityId: uuid,
  skill,
  /** The quota kind the chosen people's tasks count towards. */
  kind: z.enum(ProgrammeTaskKind, { message: '请选择任务类别（五个一）' }).default('LIVELIHOOD_PROJECT'),
  title: z.string().trim().min(1, '请填写需求名称').max(80, '需求名称最多 80 字'),
  description: z.string().trim().min(1, '请填写需求说明').max(1000, '需求说明最多 1000 字'),
  address: address('需求地点'),
  headcount: z.number().int('需要人数须为整数').min(1, '需要人数至少 1 人').max(20, '需要人数最多 20 人').default(1),
});
export type PublishNeedDto = z.infer<typeof publishNeedSchema>;

export const listNeedsSchema = pageQuerySchema.extend({
  communityId: uuid.optional(),
  status: z.enum(TalentNeedStatus).optional(),
});
export type ListNeedsQuery = z.infer<typeof listNeedsSchema>;

export const candidatesSchema = pageQuerySchema.extend({ pageSize: pageQuerySchema.shape.pageSize.default(20) });
export type CandidatesQuery = z.infer<typeof candidatesSchema>;

export const chooseSchema = z.object({ personId: uuid });
export type ChooseDto = z.infer<typeof chooseSchema>;

const option = z.object({ code: z.string(), label: z.string() });
export const catalogueSchema = z.object({ skills: z.array(option), availability: z.array(option) });

export const talentSchema = z.looseObject({
  id: z.string(),
  personId: z.string(),
  holderKind: z.enum(TalentHolderKind),
  skill: z.string(),
  note: z.string().nullable(),
  availability: z.enum(TALENT_AVAILABILITY),
  communityId: z.string(),
  addressText: z.string().nullable(),
});

export const needSchema = z.looseObject({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  skill: z.string(),
  kind: z.enum(ProgrammeTaskKind),
  title: z.string(),
  description: z.string(),
  addressText: z.string(),
  headcount: z.number().int(),
  chosen: z.number().int(),
  status: z.enum(TalentNeedStatus),
});
export const needPageSchema = pageSchemaOf(needSchema);

export const candidateSchema = z.object({
  talentId: z.string(),
  personId: z.string(),
  name: z.string(),
  holderKind: z.enum(TalentHolderKind),
  note: z.string().nullable(),
  availability: z.enum(TALENT_AVAILABILITY),
  partyOrgName: z.string().nullable(),
  communityName: z.string(),
  /** Great-circle distance from the need's place, in metres. */
  distanceMeters: z.number().int(),
  /** The task this person's choice became, when already chosen for the need. */
  taskId: z.string().nullable(),
});
export const candidatePageSchema = pageSchemaOf(candidateSchema);

export const matchSchema = z.object({
  id: z.string(),
  needId: z.string(),
  personId: z.string(),
  holderKind: z.enum(TalentHolderKind),
  distanceMeters: z.number().int(),
  taskId: z.string(),
  taskNo: z.string(),
});
