import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import { ProgrammeInspectionService } from './programme-inspection.service';

const year = z.coerce
  .number()
  .int('年度须为整数')
  .min(2000, '年度须在 2000–2100 之间')
  .max(2100, '年度须在 2000–2100 之间');
const startSchema = z.object({
  year,
  month: z.coerce.number().int('月份须为 1–12 的整数').min(1, '月份须为 1–12 的整数').max(12, '月份须为 1–12 的整数'),
});
const findingsSchema = z.object({
  partyOrgId: z.string().uuid('请指定机关党组织'),
  results: z
    .array(
      z.object({
        item: z.string().trim().min(1, '请填写督查项目'),
        passed: z.boolean({ message: '请注明是否达标' }),
        note: z.string().trim().max(500, '说明最多 500 字').optional(),
      }),
    )
    .min(1, '请逐项录入督查结果'),
});
const outcomeSchema = z.object({
  outcome: z.string().trim().min(1, '请填写约谈结果').max(1000, '约谈结果最多 1000 字'),
});
const listSchema = z.object({ year: year.optional() });
const interviewListSchema = z.object({ roundId: z.string().optional() });
const roundSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  deadline: z.date(),
  status: z.enum(['OPEN', 'CLOSED']),
  workflowId: z.string().nullable(),
  createdAt: z.date(),
  closedAt: z.date().nullable(),
});
const itemSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  partyOrgId: z.string(),
  checklist: z.array(z.string()),
  findings: z.array(z.object({ item: z.string(), passed: z.boolean(), note: z.string().optional() })).nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.date().nullable(),
});
const interviewSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  partyOrgId: z.string(),
  reason: z.string(),
  scheduledAt: z.date(),
  status: z.enum(['SCHEDULED', 'HELD']),
  outcome: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.date().nullable(),
  createdAt: z.date(),
});

@ApiTags('双进双联督查与约谈 programme inspections')
@ApiBearerAuth()
@Controller('api/v1/programme')
export class ProgrammeInspectionController {
  constructor(private readonly inspections: ProgrammeInspectionService) {}

  @Post('inspections')
  @HttpCode(202)
  @Permit(Permission.ProgrammeManage)
  @ApiOperation({ summary: '立即开启某月的全覆盖督查（仅区级督导或系统管理员；每月一轮）' })
  @ApiZodBody(startSchema)
  @ApiZodResponse(202, z.object({ workflowId: z.string() }), '已发起')
  @ApiErrors(400, 404)
  start(@CurrentPrincipal() principal: Principal, @ZodBody(startSchema) dto: { year: number; month: number }) {
    return this.inspections.start(principal, dto);
  }

  @Get('inspections')
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({ summary: '督查轮次（新的在前），含涉及单位数和未录入数' })
  @ApiZodQuery(listSchema)
  @ApiZodResponse(200, z.array(roundSchema.extend({ agencies: z.number().int(), openItems: z.number().int() })))
  @ApiErrors(400)
  list(@CurrentPrincipal() principal: Principal, @ZodQuery(listSchema) q: { year?: number }) {
    return this.inspections.list(principal, q.year);
  }

  @Get('inspections/:id')
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({ summary: '督查轮次详情：各机关的督查清单与结果，以及本轮约谈' })
  @ApiZodResponse(200, roundSchema.extend({ items: z.array(itemSchema), interviews: z.array(interviewSchema) }))
  @ApiErrors(404)
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.inspections.get(principal, id);
  }

  @Post('inspections/:id/findings')
  @HttpCode(200)
  @Permit(Permission.ProgrammeManage)
  @ApiOperation({ summary: '录入某机关的督查结果（须覆盖清单每一项；本轮结束后不能再录入）' })
  @ApiZodBody(findingsSchema)
  @ApiZodResponse(200, itemSchema)
  @ApiErrors(400, 404, 409)
  findings(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(findingsSchema) dto: z.infer<typeof findingsSchema>,
  ) {
    return this.inspections.recordFindings(principal, id, dto);
  }

  @Get('interviews')
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({ summary: '约谈（辖区内机关），可按督查轮次筛选' })
  @ApiZodQuery(interviewListSchema)
  @ApiZodResponse(200, z.array(interviewSchema))
  interviews(@CurrentPrincipal() principal: Principal, @ZodQuery(interviewListSchema) q: { roundId?: string }) {
    return this.inspections.interviews(principal, q.roundId);
  }

  @Post('interviews/:id/outcome')
  @HttpCode(200)
  @Permit(Permission.ProgrammeManage)
  @ApiOperation({ summary: '记录约谈结果（仅区级督导或系统管理员；只能记录一次）' })
  @ApiZodBody(outcomeSchema)
  @ApiZodResponse(200, interviewSchema)
  @ApiErrors(400, 404, 409)
  outcome(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(outcomeSchema) dto: { outcome: string },
  ) {
    return this.inspections.recordOutcome(principal, id, dto.outcome);
  }
}
