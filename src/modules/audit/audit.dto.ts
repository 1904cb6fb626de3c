import { z } from 'zod';
import { pageQuerySchema, pageSchemaOf } from '../../common/http/pagination';

export const auditFilterSchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
});
export const auditListSchema = pageQuerySchema.extend(auditFilterSchema.shape);
export type AuditListQuery = z.infer<typeof auditListSchema>;
export type AuditFilterQuery = z.infer<typeof auditFilterSchema>;

export const toAuditFilter = (q: AuditFilterQuery) => ({
  ...q,
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
});

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.date(),
  actorId: z.string().nullable(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  unitId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  correlationId: z.string().nullable(),
  workflowId: z.string().nullable(),
});
export const auditPageSchema = pageSchemaOf(auditEntrySchema);
