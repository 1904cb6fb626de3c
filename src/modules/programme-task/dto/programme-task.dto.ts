import { z } from 'zod';
import { ProgrammeTaskKind, ProgrammeTaskStatus } from '../../../generated/prisma/enums';
import { fileRef } from '../../../common/http/file-ref';
import { pageQuerySchema, pageSchemaOf } from '../../../common/http/pagination';

const uuid = z.uuid('须为 UUID');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

export const createTaskSchema = z.object({
  /** With the caller, makes a repeated submission of the same form create one task. */
  requestKey: z.string().trim().min(8, '请求键至少 8 个字符').max(100, '请求键最多 100 个字符'),
  kind: z.enum(ProgrammeTaskKind, { message: '请选择任务类别（五个一）' }),
  title: z.string().trim().min(1, '请填写任务名称').max(100, '任务名称最多 100 字'),
  description: z.string().trim().min(1, '请填写任务内容').max(2000, '任务内容最多 2000 字'),
  communityId: uuid,
  /** Assign it to an agency's party organisation at once (it must be paired with the community). */
  partyOrgId: uuid.optional(),
  planDate: day,
  /** Due this many working days from now; the year's policy limit when absent. */
  dueWorkingDays: z
    .number()
    .int('工作日数须为整数')
    .min(1, '完成时限至少 1 个工作日')
    .max(250, '完成时限最多 250 个工作日')
    .optional(),
});
export type CreateTaskDto = z.infer<typeof createTaskSchema>;

export const listTasksSchema = pageQuerySchema.extend({
  status: z.enum(ProgrammeTaskStatus).optional(),
  kind: z.enum(ProgrammeTaskKind).optional(),
  communityId: uuid.optional(),
  partyOrgId: uuid.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ListTasksQuery = z.infer<typeof listTasksSchema>;

export const assignTaskSchema = z.object({ partyOrgId: uuid });
export type AssignTaskDto = z.infer<typeof assignTaskSchema>;

export const nameMembersSchema = z.object({
  memberIds: z.array(uuid).min(1, '请至少指定一名承办党员').max(50, '承办党员最多 50 名'),
});
export type NameMembersDto = z.infer<typeof nameMembersSchema>;

export const submitEvidenceSchema = z.object({
  description: z.string().trim().max(2000, '情况说明最多 2000 字').optional(),
  photos: z.array(fileRef('照片')).max(20, '照片最多 20 张').optional(),
  attendance: z.array(z.string().trim().min(1).max(50)).max(500, '签到最多 500 人').optional(),
  beneficiaryConfirmation: z
    .object({
      name: z.string().trim().min(1, '请填写确认人姓名').max(50),
      phone: z.string().trim().max(20).optional(),
      note: z.string().trim().max(500).optional(),
    })
    .optional(),
});
export type SubmitEvidenceDto = z.infer<typeof submitEvidenceSchema>;

export const reviewTaskSchema = z
  .object({
    accept: z.boolean({ message: '请选择确认完成（true）或退回补充（false）' }),
    comment: z.string().trim().max(1000, '意见最多 1000 字').optional(),
  })
  .refine((r) => r.accept || !!r.comment, { message: '退回补充须写明意见', path: ['comment'] });
export type ReviewTaskDto = z.infer<typeof reviewTaskSchema>;

export const rateTaskSchema = z.object({
  stars: z.number({ message: '请选择 1–5 星' }).int('星级须为整数').min(1, '星级为 1–5 星').max(5, '星级为 1–5 星'),
  comment: z.string().trim().max(500, '评价意见最多 500 字').optional(),
});
export type RateTaskDto = z.infer<typeof rateTaskSchema>;

const taskSchema = z.looseObject({
  id: z.string(),
  taskNo: z.string(),
  kind: z.enum(ProgrammeTaskKind),
  status: z.enum(ProgrammeTaskStatus),
  communityId: z.string(),
  partyOrgId: z.string().nullable(),
  overdue: z.boolean(),
});
export const taskPageSchema = pageSchemaOf(taskSchema);
export const taskDetailSchema = taskSchema.extend({
  timeline: z.array(z.looseObject({ kind: z.string() })),
  /** 受益方评价: NOT_CONFIRMED / NO_BENEFICIARY / OPEN / RATED / CLOSED. */
  ratingState: z.enum(['NOT_CONFIRMED', 'NO_BENEFICIARY', 'OPEN', 'RATED', 'CLOSED']),
  rating: z
    .looseObject({ stars: z.number().int(), comment: z.string().nullable(), raterName: z.string(), low: z.boolean() })
    .nullable(),
});
