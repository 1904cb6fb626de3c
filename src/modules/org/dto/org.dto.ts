import { z } from 'zod';
import { OrgUnitKind, Role } from '../../../generated/prisma/enums';
import { pageQuerySchema, pageSchemaOf } from '../../../common/http/pagination';

const uuid = z.uuid('必须是有效的 ID');
const day = z.iso.date('日期格式为 YYYY-MM-DD');

export const createUnitSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\w.-]+$/, '编码只能包含字母、数字、点、横线和下划线'),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(OrgUnitKind),
  parentId: uuid,
  deptType: z.string().trim().min(1).max(50).optional(),
});
export type CreateUnitDto = z.infer<typeof createUnitSchema>;

export const moveUnitSchema = z.object({ parentId: uuid });
export type MoveUnitDto = z.infer<typeof moveUnitSchema>;

export const listUnitsSchema = pageQuerySchema.extend({
  kind: z.enum(OrgUnitKind).optional(),
  parentId: uuid.optional(),
  q: z.string().trim().min(1).max(50).optional(),
});
export type ListUnitsQuery = z.infer<typeof listUnitsSchema>;

export const descendantsSchema = pageQuerySchema.extend({ kind: z.enum(OrgUnitKind).optional() });
export type DescendantsQuery = z.infer<typeof descendantsSchema>;

export const resolveAddressSchema = z.object({ address: z.string().trim().min(2).max(200) });

export const handlingDepartmentSchema = z.object({ category: z.string().trim().min(1).max(50) });

export const createPersonSchema = z.object({
  name: z.string().trim().min(1).max(50),
  phone: z.string().regex(/^1[3-9]\d{9}$/, '手机号格式不正确'),
  kind: z.enum(['STAFF', 'RESIDENT']).default('STAFF'),
});
export type CreatePersonDto = z.infer<typeof createPersonSchema>;

export const createPositionSchema = z
  .object({
    personId: uuid,
    unitId: uuid,
    role: z.enum(Role),
    startsOn: day,
    endsOn: day.optional(),
    reportsToUnitId: uuid.optional(),
  })
  .refine((p) => !p.endsOn || p.endsOn >= p.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });
export type CreatePositionDto = z.infer<typeof createPositionSchema>;

export const listPeopleSchema = pageQuerySchema.extend({
  unitId: uuid.optional(),
  role: z.enum(Role).optional(),
  q: z.string().trim().min(1).max(50).optional(),
});
export type ListPeopleQuery = z.infer<typeof listPeopleSchema>;

const unitKind = z.enum(OrgUnitKind);
export const orgUnitSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: unitKind,
  parentId: z.string().nullable(),
  depth: z.number().int(),
  deptType: z.string().nullable(),
  createdAt: z.date(),
});
const unitRefSchema = z.object({ id: z.string(), name: z.string(), kind: unitKind });
export const orgUnitDetailSchema = orgUnitSchema.extend({ kindLabel: z.string(), ancestors: z.array(unitRefSchema) });
export const orgUnitPageSchema = pageSchemaOf(orgUnitSchema);
export const staffSchema = z.array(
  z.object({ role: z.string(), personId: z.string(), name: z.string(), phone: z.string() }),
);
export const addressLookupSchema = z.object({
  address: z.string(),
  grid: z.object({ id: z.string(), name: z.string() }),
  buildingId: z.string().nullable(),
  staff: staffSchema,
});
export const handlingDepartmentResponseSchema = z.object({ department: orgUnitSchema, staff: staffSchema });

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  kind: z.enum(['STAFF', 'RESIDENT']),
  username: z.string().nullable(),
  createdAt: z.date(),
});
export const positionSchema = z.object({
  id: z.string(),
  personId: z.string(),
  unitId: z.string(),
  role: z.enum(Role),
  startsOn: z.date(),
  endsOn: z.date().nullable(),
  reportsToUnitId: z.string().nullable(),
});
const positionWithUnitSchema = positionSchema.extend({ unit: unitRefSchema });
export const personPageSchema = pageSchemaOf(personSchema.extend({ positions: z.array(positionWithUnitSchema) }));
export const personDetailSchema = personSchema.extend({
  positions: z.array(
    positionWithUnitSchema.extend({
      assignments: z.array(
        z.object({
          id: z.string(),
          positionId: z.string(),
          kind: z.enum(['AREA', 'GROUP', 'ENTERPRISE']),
          label: z.string(),
          unitId: z.string().nullable(),
        }),
      ),
    }),
  ),
});
