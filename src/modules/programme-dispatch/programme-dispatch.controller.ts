import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import { ProgrammeDispatchService } from './programme-dispatch.service';

const year = z.coerce
  .number()
  .int('年度须为整数')
  .min(2000, '年度须在 2000–2100 之间')
  .max(2100, '年度须在 2000–2100 之间');
const runSchema = z.object({
  year,
  month: z.coerce.number().int('月份须为 1–12 的整数').min(1, '月份须为 1–12 的整数').max(12, '月份须为 1–12 的整数'),
});
const listSchema = z.object({ year: year.optional() });
const exportSchema = z.object({
  format: z.enum(['xlsx', 'csv'], { message: '导出格式须为 xlsx 或 csv' }).default('xlsx'),
});
const kindProgress = z.object({
  target: z.number().int().optional(),
  confirmed: z.number().int(),
  confirmedThisMonth: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
});
const summarySchema = z.object({
  id: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  policyVersion: z.number().int(),
  agencyCount: z.number().int(),
  communityCount: z.number().int(),
  createdAt: z.date(),
});
const reportSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  policyVersion: z.number().int(),
  createdAt: z.date(),
  agencies: z.array(
    z.object({
      partyOrgId: z.string(),
      name: z.string(),
      kinds: z.record(z.string(), kindProgress),
      completion: z.number(),
      members: z.number().int(),
      reportedIn: z.number().int(),
      reportedInShare: z.number(),
      monthAttendances: z.number().int(),
      monthHours: z.number(),
      monthWishesFulfilled: z.number().int(),
    }),
  ),
  communities: z.array(
    z.object({
      communityId: z.string(),
      name: z.string(),
      kinds: z.record(z.string(), kindProgress),
      reportIns: z.number().int(),
      reportInsConfirmed: z.number().int(),
      reportInsConfirmedShare: z.number(),
      monthActivities: z.number().int(),
      monthAttendances: z.number().int(),
      monthWishesPublished: z.number().int(),
      monthWishesFulfilled: z.number().int(),
    }),
  ),
  ranking: z.array(
    z.object({
      rank: z.number().int(),
      partyOrgId: z.string(),
      name: z.string(),
      completion: z.number(),
      kindsMet: z.number().int(),
    }),
  ),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

@ApiTags('双进双联每月调度 programme dispatch')
@ApiBearerAuth()
@Controller('api/v1/programme/dispatches')
export class ProgrammeDispatchController {
  constructor(private readonly dispatches: ProgrammeDispatchService) {}

  @Post()
  @HttpCode(202)
  @Permit(Permission.ProgrammeManage)
  @ApiOperation({ summary: '立即为某月生成调度报告（仅区级督导或系统管理员；同一月份只生成一次）' })
  @ApiZodBody(runSchema)
  @ApiZodResponse(202, z.object({ workflowId: z.string() }), '已发起')
  @ApiErrors(400, 404)
  run(@CurrentPrincipal() principal: Principal, @ZodBody(runSchema) dto: { year: number; month: number }) {
    return this.dispatches.run(principal, dto);
  }

  @Get()
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({ summary: '已生成的每月调度报告（新月份在前）' })
  @ApiZodQuery(listSchema)
  @ApiZodResponse(200, z.array(summarySchema))
  @ApiErrors(400)
  list(@CurrentPrincipal() principal: Principal, @ZodQuery(listSchema) q: { year?: number }) {
    return this.dispatches.list(principal, q.year);
  }

  @Get(':id')
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({
    summary: '调度报告：各机关、各社区分类进展（目标、已确认、进行中、逾期）、报到情况、本月活动与微心愿，及全区排名',
  })
  @ApiZodResponse(200, reportSchema)
  @ApiErrors(404)
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.dispatches.get(principal, id);
  }

  @Get(':id/export')
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({ summary: '导出调度报告：Excel（.xlsx，排名、机关、社区三张表）或 CSV（机关进展，UTF-8 带 BOM）' })
  @ApiProduces(XLSX, CSV)
  @ApiZodQuery(exportSchema)
  @ApiResponse({
    status: 200,
    description: '报告文件',
    content: {
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
      [CSV]: { schema: { type: 'string' } },
    },
  })
  @ApiErrors(400, 404)
  async export(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodQuery(exportSchema) q: { format: 'xlsx' | 'csv' },
    @Res() res: Response,
  ): Promise<void> {
    const file =
      q.format === 'csv' ? await this.dispatches.csv(principal, id) : await this.dispatches.workbook(principal, id);
    res.setHeader('content-type', q.format === 'csv' ? CSV : XLSX);
    res.setHeader('content-disposition', `attachment; filename="${file.name}"`);
    res.end(file.body);
  }
}
