import { z } from 'zod';
import { CaseStatus, PolicyMigrationStatus } from '../../../generated/prisma/enums';

/** Cases still open by default; closed or merged ones only when asked for, and then listed as skipped. */
export const OPEN_CASE_STATES: CaseStatus[] = [
  'REPORTED',
  'RETURNED',
  'ACCEPTED',
  'HANDLING',
  'WAITING_RESIDENT',
  'HANDLED',
];

const toVersion = z
  .number({ error: '请指定目标策略版本（正整数）' })
  .int('策略版本须为正整数')
  .min(1, '策略版本须为正整数')
  .max(2_147_483_647, '策略版本超出范围');
const filterFields = {
  category: z.string().trim().min(1, '类别不能为空').max(50, '类别最多 50 字').optional(),
  unitId: z.uuid('单位编号格式不正确').optional(),
  states: z
    .array(z.enum(CaseStatus, { error: '未知的诉求状态' }))
    .min(1, '至少选择一个诉求状态')
    .max(8, '诉求状态最多 8 个')
    .refine((s) => new Set(s).size === s.length, '诉求状态不能重复')
    .optional(),
};

export const migrationFiltersSchema = z.object(filterFields, { error: '筛选条件须为对象' });
export type MigrationFilters = z.infer<typeof migrationFiltersSchema>;

export const previewMigrationSchema = z.object({
  toVersion,
  ...filterFields,
  /** Keyset paging: the last case id of the previous page. */
  after: z.uuid('翻页游标格式不正确').optional(),
  limit: z.number().int('每页条数须为整数').min(1, '每页至少 1 条').max(200, '每页最多 200 条').default(50),
});
export type PreviewMigrationDto = z.infer<typeof previewMigrationSchema>;

export const startMigrationSchema = z.object({
  toVersion,
  filters: migrationFiltersSchema.default({}),
  note: z.string().trim().max(200, '说明最多 200 字').optional(),
});
export type StartMigrationDto = z.infer<typeof startMigrationSchema>;

// Responses (OpenAPI): what preview, start and progress answer.
const clockProjectionSchema = z.object({
  clock: z.string(),
  state: z.enum(['running', 'paused', 'met', 'lapsed', 'stopped']),
  from: z.string(),
  to: z.string(),
  applies: z.boolean(),
  reason: z.string().optional(),
  lapsesAtOnce: z.boolean().optional(),
});
export const migrationPreviewResultSchema = z.object({
  toVersion: z.number().int(),
  total: z.number().int(),
  nextAfter: z.string().nullable(),
  items: z.array(
    z.object({
      caseId: z.string(),
      caseNo: z.string(),
      category: z.string(),
      status: z.enum(CaseStatus),
      gridId: z.string().nullable(),
      fromVersion: z.number().int(),
      toVersion: z.number().int(),
      action: z.enum(['MIGRATE', 'SKIP']),
      reason: z.string().optional(),
      clocks: z.array(clockProjectionSchema),
    }),
  ),
});
export const migrationStartedSchema = z.object({
  migrationId: z.string(),
  workflowId: z.string(),
  total: z.number().int(),
});
export const migrationProgressSchema = z.object({
  id: z.string(),
  process: z.string(),
  toVersion: z.number().int(),
  filters: z.object({
    category: z.string().optional(),
    unitId: z.string().optional(),
    states: z.array(z.enum(CaseStatus)),
  }),
  status: z.enum(PolicyMigrationStatus),
  total: z.number().int(),
  processed: z.number().int(),
  migrated: z.number().int(),
  skipped: z.number().int(),
  skippedByReason: z.array(z.object({ reason: z.string().nullable(), count: z.number().int() })),
  skippedCases: z.array(
    z.object({ caseId: z.string(), caseNo: z.string(), reason: z.string().nullable(), fromVersion: z.number().int() }),
  ),
  error: z.string().nullable(),
  workflowId: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});
