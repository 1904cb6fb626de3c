import { z } from 'zod';
import { pageQuerySchema, pageSchemaOf } from '../../../common/http/pagination';

const uuid = z.uuid('须为 UUID');
const text = (label: string, max: number) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}最多 ${max} 字`);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD');
const riskGrade = z.enum(['LOW', 'MEDIUM', 'HIGH'], { message: '风险等级须为 LOW、MEDIUM 或 HIGH' });
const slotKey = z.string().regex(/^[a-z][a-zA-Z0-9-]{0,31}$/, '席位键格式不正确');

export const partySchema = z.object({
  kind: z.enum(['PERSON', 'ENTERPRISE', 'GROUP'], { message: '当事人类型须为 PERSON、ENTERPRISE 或 GROUP' }),
  name: text('当事人姓名或名称', 100),
  headCount: z.number().int().min(1, '人数至少为 1').max(100_000).optional(),
  phone: z
    .string()
    .regex(/^1\d{10}$/, '手机号须为 11 位')
    .optional(),
  idNumber: z.string().trim().max(30).optional(),
  address: z.string().trim().max(200).optional(),
  representative: z.string().trim().max(50).optional(),
});

export const intakeSchema = z
  .object({
    /** One key per filled-in intake form: a repeated POST answers the dispute it created. */
    intakeKey: z.string().trim().min(8, '受理键至少 8 位').max(64),
    communityId: uuid,
    source: z.enum(['WALK_IN', 'HOTLINE', 'GRID_WORKER', 'REQUEST_CASE'], {
      message: '来源须为 WALK_IN、HOTLINE、GRID_WORKER 或 REQUEST_CASE',
    }),
    requestCaseId: uuid.optional(),
    category: text('纠纷类别', 50),
    subject: text('纠纷事由', 100),
    description: text('纠纷情况', 4000),
    parties: z.array(partySchema).min(2, '至少两方当事人').max(50),
    amountYuan: z.number().int().min(0).max(2_000_000_000).optional(),
    gatheringThreat: z.boolean().default(false),
    violenceThreat: z.boolean().default(false),
    vulnerableParties: z.boolean().default(false),
    /** The handler's own grade instead of the computed one, with the reason. */
    riskOverride: z.object({ grade: riskGrade, reason: text('调整理由', 500) }).optional(),
    /** People the convener names for a slot (police officer, lawyer, 五老 …), invited before any drawn from the org. */
    candidates: z.record(slotKey, z.array(uuid).max(20)).default({}),
  })
  .refine((d) => (d.source === 'REQUEST_CASE') === !!d.requestCaseId, {
    message: '由诉求转入时须填写 requestCaseId，其他来源不填',
    path: ['requestCaseId'],
  });
export type IntakeDto = z.infer<typeof intakeSchema>;

export const listDisputesSchema = pageQuerySchema.extend({
  status: z.enum(['FORMING', 'CONVENED', 'AGREED', 'REFERRED', 'CLOSED']).optional(),
  riskGrade: riskGrade.optional(),
  communityId: uuid.optional(),
});
export type ListDisputesQuery = z.infer<typeof listDisputesSchema>;

export const adjustRiskSchema = z.object({ grade: riskGrade, reason: text('调整理由', 500) });
export type AdjustRiskDto = z.infer<typeof adjustRiskSchema>;

export const answerInvitationSchema = z.object({
  accept: z.boolean({ message: '请选择接受（true）或婉拒（false）' }),
  reason: z.string().trim().max(500).optional(),
});
export type AnswerInvitationDto = z.infer<typeof answerInvitationSchema>;

export const withdrawSchema = z.object({ reason: text('回避理由', 500) });
export type WithdrawDto = z.infer<typeof withdrawSchema>;

export const addCandidatesSchema = z.object({ personIds: z.array(uuid).min(1, '至少一名候选人').max(20) });
export type AddCandidatesDto = z.infer<typeof addCandidatesSchema>;

export const scheduleSessionSchema = z.object({
  place: text('调解地点', 200),
  startsAt: z.iso.datetime({ offset: true, message: '调解时间须为 ISO 8601 时间' }),
});
export type ScheduleSessionDto = z.infer<typeof scheduleSessionSchema>;

export const recordSessionSchema = z.object({
  attendance: z.array(text('出席人员', 50)).min(1, '请记录出席人员').max(200),
  absent: z.array(text('缺席人员', 50)).max(200).default([]),
  minutes: text('调解笔录', 10_000),
});
export type RecordSessionDto = z.infer<typeof recordSessionSchema>;

const agreementPartySchema = z.object({
  designation: z.string().trim().max(20),
  name: z.string().trim().max(100),
  kind: z.enum(['PERSON', 'ENTERPRISE', 'GROUP']),
  headCount: z.number().int().min(0).max(100_000),
  idNumber: z.string().trim().max(30).optional(),
  address: z.string().trim().max(200).optional(),
  contact: z.string().trim().max(50).optional(),
  representative: z.string().trim().max(50).optional(),
  representativeTitle: z.string().trim().max(50).optional(),
});
/** Shape only: whether the Article 29 content is all there is decided by the process's own check, with its wording. */
export const agreementSchema = z.object({
  committeeName: z.string().trim().max(100).default(''),
  parties: z.array(agreementPartySchema).max(50).default([]),
  facts: z.string().trim().max(10_000).default(''),
  disputedMatters: z.array(z.string().trim().max(2000)).max(50).default([]),
  responsibilities: z
    .array(z.object({ party: z.string().trim().max(20), text: z.string().trim().max(2000) }))
    .max(50)
    .default([]),
  terms: z.array(z.string().trim().max(2000)).max(50).default([]),
  performance: z
    .object({
      method: z.string().trim().max(500),
      deadline: z.string().trim().max(10),
      note: z.string().max(500).optional(),
    })
    .default({ method: '', deadline: '' }),
  partySignatures: z
    .array(z.object({ party: z.string().trim().max(20), signedBy: z.string().trim().max(50), signedOn: date }))
    .max(50)
    .default([]),
  mediatorSignatures: z
    .array(
      z.object({
        name: z.string().trim().max(50),
        role: z.string().trim().max(30),
        roleNote: z.string().trim().max(50).optional(),
        signedOn: date,
      }),
    )
    .max(20)
    .default([]),
  effectiveOn: z.string().trim().max(10).default(''),
});
export type AgreementDto = z.infer<typeof agreementSchema>;

export const referSchema = z
  .object({
    to: z.enum(['LABOUR_ARBITRATION', 'LITIGATION', 'DEPARTMENT'], {
      message: '移送去向须为 LABOUR_ARBITRATION、LITIGATION 或 DEPARTMENT',
    }),
    department: z.string().trim().max(100).optional(),
    reason: text('调解不成的原因', 2000),
    partiesNotice: text('告知当事人的情况', 1000),
  })
  .refine((r) => r.to !== 'DEPARTMENT' || !!r.department, {
    message: '移送职能部门须写明部门名称',
    path: ['department'],
  });
export type ReferDto = z.infer<typeof referSchema>;

export const recordVisitSchema = z.object({
  performed: z.boolean({ message: '请选择协议是否正在履行' }),
  note: text('回访情况', 2000),
});
export type RecordVisitDto = z.infer<typeof recordVisitSchema>;

export const judicialConfirmationSchema = z.object({
  appliedOn: date,
  court: text('受理法院', 100),
  result: z.enum(['PENDING', 'CONFIRMED', 'REJECTED']).default('PENDING'),
  note: z.string().trim().max(1000).optional(),
});
export type JudicialConfirmationDto = z.infer<typeof judicialConfirmationSchema>;

// Responses: the listed fields are promised; details carry the whole timeline, panel and live workflow view.
const slotSchema = z.looseObject({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  status: z.string(),
  memberId: z.string().nullable(),
});
const disputeSchema = z.looseObject({
  id: z.string(),
  disputeNo: z.string(),
  communityId: z.string(),
  category: z.string(),
  subject: z.string(),
  status: z.string(),
  riskGrade: z.string(),
  riskReasons: z.array(z.string()),
  dueAt: z.string(),
});
export const disputePageSchema = pageSchemaOf(disputeSchema.extend({ slots: z.array(slotSchema) }));
export const disputeDetailSchema = disputeSchema.extend({
  slots: z.array(slotSchema),
  invitations: z.array(
    z.looseObject({ id: z.string(), slotKey: z.string(), seq: z.number(), personId: z.string(), status: z.string() }),
  ),
  sessions: z.array(z.looseObject({ seq: z.number(), place: z.string(), startsAt: z.string() })),
  visits: z.array(z.looseObject({ round: z.number(), seq: z.number(), status: z.string() })),
  timeline: z.array(z.looseObject({ kind: z.string() })),
  hasAgreementPdf: z.boolean(),
});
export const myInvitationsSchema = z.array(
  z.looseObject({ id: z.string(), slotKey: z.string(), deadline: z.string(), dispute: z.looseObject({}) }),
);
