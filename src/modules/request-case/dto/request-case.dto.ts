import { z } from 'zod';
import { CaseChannel, CaseStatus, Urgency } from '../../../generated/prisma/enums';
import { fileRef } from '../../../common/http/file-ref';
import { pageQuerySchema, pageSchemaOf } from '../../../common/http/pagination';

export const locationSchema = z.object({
  latitude: z.number().min(-90, '纬度须在 -90 到 90 之间').max(90, '纬度须在 -90 到 90 之间'),
  longitude: z.number().min(-180, '经度须在 -180 到 180 之间').max(180, '经度须在 -180 到 180 之间'),
});
export type Location = z.infer<typeof locationSchema>;

export const intakeCaseSchema = z.object({
  requestKey: z.string().trim().min(8, '幂等键至少 8 个字符').max(100, '幂等键最多 100 个字符'),
  channel: z.enum(CaseChannel),
  category: z.string().trim().min(1, '类别不能为空').max(50, '类别最多 50 字'),
  description: z.string().trim().min(1, '诉求内容不能为空').max(2000, '诉求内容最多 2000 字'),
  address: z.string().trim().min(1, '地址不能为空').max(200, '地址最多 200 字'),
  reporterPhone: z.string().regex(/^1\d{10}$/, '手机号格式不正确'),
  urgency: z.enum(Urgency).default('NORMAL'),
  /** WGS-84; without it the case is never flagged as a likely duplicate. */
  location: locationSchema.optional(),
  attachments: z.array(fileRef('附件')).max(9, '附件最多 9 个').default([]),
});
export type IntakeCaseDto = z.infer<typeof intakeCaseSchema>;

/** A resident reporting for themselves: the reporter is the signed-in person, the channel their phone page. */
export const myIntakeSchema = intakeCaseSchema.pick({
  requestKey: true,
  category: true,
  description: true,
  address: true,
  location: true,
  attachments: true,
});
export type MyIntakeDto = z.infer<typeof myIntakeSchema>;

export const listCasesSchema = pageQuerySchema.extend({
  /** Without a status, merged cases are left out (the case they were merged into carries on). */
  status: z.enum(CaseStatus).optional(),
  /** Matches the case number or the description. */
  q: z.string().trim().min(1).max(100).optional(),
  /** Still being worked on (not yet handled, closed or merged): a worker's 工作台. Ignored when `status` is given. */
  open: z.enum(['true', 'false']).optional().describe('true：只列尚在办理中的诉求（未处置、未办结、未合并）'),
  /** Escalated open cases (level ≥ 1) with their 督办单: the supervisors' 督办 list. */
  escalated: z.enum(['true', 'false']).optional().describe('true：只列已升级（有督办单）且尚在办理中的诉求，附督办单'),
  /** Open cases whose extension request awaits a supervisor's decision: the 延期审批 list. */
  extension: z.enum(['pending']).optional().describe('pending：只列有待审批延期申请的诉求，附该申请（工作日数与理由）'),
  /** `deadline`: unaccepted cases first by accept deadline, then the rest by resolution deadline; `newest` by filing time. */
  sort: z
    .enum(['newest', 'deadline'])
    .default('newest')
    .describe('newest：按登记时间倒序；deadline：按最近的截止时间（待受理的按受理时限，其余按办结时限）'),
  /** Keyset paging for `newest`: the previous page's `nextCursor`; `page` is then ignored. */
  cursor: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('上一页返回的 nextCursor（仅 newest 排序）；给出时忽略 page，深翻页不变慢'),
});
export type ListCasesQuery = z.infer<typeof listCasesSchema>;

export const caseNoteSchema = z.object({ note: z.string().trim().max(500, '备注最多 500 字').optional() });
export type CaseNoteDto = z.infer<typeof caseNoteSchema>;

export const handledSchema = z.object({
  reply: z.string().trim().min(1, '处置答复不能为空').max(2000, '处置答复最多 2000 字'),
});
export type HandledDto = z.infer<typeof handledSchema>;

export const requiredNoteSchema = z.object({
  note: z.string().trim().min(1, '说明不能为空').max(1000, '说明最多 1000 字'),
});
export type RequiredNoteDto = z.infer<typeof requiredNoteSchema>;

export const extensionSchema = z.object({
  workingDays: z.number().int('延期天数须为整数').min(1, '至少延期 1 个工作日').max(30, '单次延期最多 30 个工作日'),
  reason: z.string().trim().min(1, '请写明延期理由').max(500, '延期理由最多 500 字'),
});
export type ExtensionDto = z.infer<typeof extensionSchema>;

export const extensionDecisionSchema = z.object({
  approve: z.boolean(),
  comment: z.string().trim().max(500).optional(),
});
export type ExtensionDecisionDto = z.infer<typeof extensionDecisionSchema>;

export const reassignSchema = z.object({
  gridId: z.uuid('请指定承接网格'),
  note: z.string().trim().max(500).optional(),
});
export type ReassignDto = z.infer<typeof reassignSchema>;

export const mergeSchema = z.object({
  intoCaseId: z.uuid('请指定要并入的诉求'),
  note: z.string().trim().max(500).optional(),
});
export type MergeDto = z.infer<typeof mergeSchema>;

// Responses. Cases are listed field by field; the live workflow parts (clocks, timeline data) may carry more fields.
export const caseRowSchema = z.looseObject({
  id: z.string(),
  caseNo: z.string(),
  requestKey: z.string(),
  workflowId: z.string(),
  channel: z.enum(CaseChannel),
  category: z.string(),
  description: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  attachments: z.array(z.string()),
  possibleDuplicateOfId: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  gridId: z.string().nullable(),
  reporterPhone: z.string(),
  urgency: z.enum(Urgency),
  status: z.enum(CaseStatus),
  policyVersion: z.number().int(),
  acceptDeadline: z.date(),
  resolveDeadline: z.date().nullable(),
  resolveDeadlineProvisional: z.boolean().describe('暂定：办结时限计入了尚未发布节假日安排的年份，录入该年安排后重算'),
  escalationLevel: z.number().int(),
  createdAt: z.date(),
  acceptedAt: z.date().nullable(),
  handledAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  convertedDisputeId: z.string().nullable().describe('转入矛盾调解时接手的联调小组纠纷'),
  clocksStoppedAt: z.date().nullable().describe('各项时限停止计时的时间（如转入矛盾调解）'),
  clocksStopReason: z.string().nullable().describe('时限停止计时的原因，如「转入矛盾调解」'),
});
export const intakeResultSchema = caseRowSchema.extend({
  possibleDuplicateOf: z.looseObject({ id: z.string() }).nullable(),
});
const supervisionOrderSchema = z.looseObject({
  id: z.string(),
  level: z.string(),
  clock: z.string(),
  deadline: z.date(),
});
export const casePageSchema = pageSchemaOf(
  caseRowSchema.extend({
    supervisionOrders: z.array(supervisionOrderSchema).optional().describe('escalated=true 时附督办单'),
    pendingExtension: z
      .object({
        workingDays: z.number().int().nullable(),
        reason: z.string().nullable(),
        requestedAt: z.date(),
        requestedBy: z.string().nullable(),
      })
      .optional()
      .describe('extension=pending 时附待审批的延期申请'),
  }),
).extend({
  nextCursor: z.string().nullable().describe('下一页的 cursor；没有下一页时为 null'),
});
const timelineEntrySchema = z.looseObject({ kind: z.string(), note: z.string().nullable(), at: z.date() });
export const caseDetailSchema = caseRowSchema.extend({
  lead: z.looseObject({ unitId: z.string(), name: z.string() }).nullable(),
  coHandlers: z.array(z.looseObject({ unitId: z.string(), state: z.string(), unitName: z.string() })),
  timeline: z.array(timelineEntrySchema),
  supervisionOrders: z.array(supervisionOrderSchema),
  clocks: z
    .array(z.looseObject({}))
    .nullable()
    .describe('流程的各项计时；提前停止的（state=stopped）附 stopReason，转入矛盾调解的还附 disputeId'),
});
const residentCaseSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  status: z.enum(CaseStatus),
  category: z.string(),
  description: z.string(),
  address: z.string(),
  attachments: z.array(z.string()),
  createdAt: z.date(),
  handledAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  mergedIntoId: z.string().nullable(),
});
export const myCaseSchema = residentCaseSchema;
export const myCasePageSchema = pageSchemaOf(residentCaseSchema);
export const myCaseDetailSchema = residentCaseSchema.extend({
  timeline: z.array(z.object({ kind: z.string(), note: z.string().nullable(), at: z.date() })),
  clocks: z.array(z.looseObject({})).nullable(),
});
