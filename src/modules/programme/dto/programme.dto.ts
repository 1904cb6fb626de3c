import { z } from 'zod';
import { pageQuerySchema } from '../../../common/http/pagination';
import { MicroWishStatus, ReportInStatus } from '../../../generated/prisma/enums';

const uuid = z.uuid('须为 UUID');
const flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const createPairingSchema = z.object({ partyOrgId: uuid, communityId: uuid });
export type CreatePairingDto = z.infer<typeof createPairingSchema>;

export const listPairingsSchema = pageQuerySchema.extend({
  partyOrgId: uuid.optional(),
  communityId: uuid.optional(),
  includeEnded: flag.default(false),
});
export type ListPairingsQuery = z.infer<typeof listPairingsSchema>;

export const reportInSchema = z.object({ communityId: uuid });
export type ReportInDto = z.infer<typeof reportInSchema>;

export const deploySchema = z.object({
  partyOrgId: uuid,
  communityId: uuid,
  batch: z.number().int('批次须为整数').min(1, '批次从 1 开始').max(100, '批次最多 100'),
  memberIds: z.array(uuid).min(1, '请至少选择一名党员').max(200, '一次最多调派 200 名党员'),
  reason: z.string().trim().min(1).max(200, '调派理由最多 200 字').optional(),
});
export type DeployDto = z.infer<typeof deploySchema>;

export const listMembersSchema = pageQuerySchema.extend({
  partyOrgId: uuid.optional(),
  communityId: uuid.optional(),
  personId: uuid.optional(),
  /** Part of the member's name: the searchable member pickers ask page by page. */
  q: z.string().trim().min(1).max(50).optional(),
  /** With ended report-ins too: the member's deployment history. */
  includeEnded: flag.default(false),
});
export type ListMembersQuery = z.infer<typeof listMembersSchema>;

export const pairingSchema = z.looseObject({
  id: z.string(),
  partyOrgId: z.string(),
  communityId: z.string(),
  endedAt: z.date().nullable(),
});
export const pairingViewSchema = pairingSchema.extend({ partyOrgName: z.string(), communityName: z.string() });
export const reportInViewSchema = z.looseObject({
  id: z.string(),
  personId: z.string(),
  partyOrgId: z.string(),
  communityId: z.string(),
  status: z.enum(ReportInStatus),
  batch: z.number().int(),
});
export const memberViewSchema = reportInViewSchema.extend({
  personName: z.string(),
  partyOrgName: z.string(),
  communityName: z.string(),
  serviceCount: z.number().int(),
  serviceHours: z.number(),
});

// 微心愿
export const createWishSchema = z.object({
  communityId: uuid,
  title: z.string().trim().min(1, '请填写心愿内容').max(100, '心愿内容最多 100 字'),
  description: z.string().trim().min(1, '请填写心愿说明').max(1000, '心愿说明最多 1000 字'),
  budgetCapYuan: z
    .number()
    .int('预算上限须为整数元')
    .positive('预算上限必须大于 0')
    .max(100_000, '预算上限最多 10 万元'),
  deadline: z.iso.datetime({ offset: true, message: '截止时间须为 ISO 8601 时间' }),
  residentPhone: z.string().regex(/^1\d{10}$/, '请填写 11 位手机号'),
});
export type CreateWishDto = z.infer<typeof createWishSchema>;

export const listWishesSchema = pageQuerySchema.extend({
  communityId: uuid.optional(),
  status: z.enum(MicroWishStatus).optional(),
});
export type ListWishesQuery = z.infer<typeof listWishesSchema>;

export const wishSchema = z.looseObject({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  budgetCapYuan: z.number().int(),
  status: z.enum(MicroWishStatus),
  claimedByPersonId: z.string().nullable(),
});

// 志愿服务
export const createActivitySchema = z
  .object({
    communityId: uuid,
    title: z.string().trim().min(1, '请填写活动名称').max(100, '活动名称最多 100 字'),
    place: z.string().trim().min(1, '请填写活动地点').max(200, '活动地点最多 200 字'),
    startsAt: z.iso.datetime({ offset: true, message: '开始时间须为 ISO 8601 时间' }),
    endsAt: z.iso.datetime({ offset: true, message: '结束时间须为 ISO 8601 时间' }),
    cap: z.number().int('人数上限须为整数').positive('人数上限必须大于 0').max(1000, '人数上限最多 1000'),
  })
  .refine((a) => Date.parse(a.endsAt) > Date.parse(a.startsAt), { message: '结束时间须晚于开始时间', path: ['endsAt'] })
  .refine((a) => Date.parse(a.endsAt) - Date.parse(a.startsAt) <= 24 * 3_600_000, {
    message: '一次活动最长 24 小时',
    path: ['endsAt'],
  });
export type CreateActivityDto = z.infer<typeof createActivitySchema>;

export const listActivitiesSchema = pageQuerySchema.extend({ communityId: uuid.optional() });
export type ListActivitiesQuery = z.infer<typeof listActivitiesSchema>;

export const attendanceSchema = z.object({
  personIds: z.array(uuid).min(1, '请至少选择一名参加人员').max(1000),
});
export type AttendanceDto = z.infer<typeof attendanceSchema>;

export const activitySchema = z.looseObject({
  id: z.string(),
  communityId: z.string(),
  title: z.string(),
  cap: z.number().int(),
  signedUp: z.number().int(),
});
export const signupSchema = z.looseObject({
  id: z.string(),
  activityId: z.string(),
  personId: z.string(),
  checkedInAt: z.date().nullable(),
  confirmedAt: z.date().nullable(),
});
