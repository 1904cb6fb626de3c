import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import { CompletionService } from './completion.service';

const completionQuerySchema = z.object({
  year: z.coerce.number().int('年度须为整数').min(2000, '年度须在 2000–2100 之间').max(2100, '年度须在 2000–2100 之间'),
});
const kindCount = z.object({ target: z.number().int(), confirmed: z.number().int() });
const completionSchema = z.object({
  year: z.number().int(),
  rows: z.array(
    z.object({
      partyOrgId: z.string(),
      name: z.string(),
      kinds: z.record(z.string(), kindCount),
      kindsMet: z.number().int(),
      completion: z.number(),
    }),
  ),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('双进双联完成情况 programme completion')
@ApiBearerAuth()
@Controller('api/v1/programme/completion')
export class CompletionController {
  constructor(private readonly completion: CompletionService) {}

  @Get()
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({
    summary: '年度"五个一"完成情况：各结对机关每类已确认任务数 / 年度目标，按完成率排名（微心愿按实现计）',
  })
  @ApiZodQuery(completionQuerySchema)
  @ApiZodResponse(200, completionSchema)
  @ApiErrors(400, 404)
  table(@CurrentPrincipal() principal: Principal, @ZodQuery(completionQuerySchema) q: { year: number }) {
    return this.completion.table(principal, q.year);
  }

  @Get('export')
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({ summary: '导出年度完成情况为 Excel（.xlsx），供述职评议使用' })
  @ApiProduces(XLSX)
  @ApiZodQuery(completionQuerySchema)
  @ApiResponse({
    status: 200,
    description: 'Excel 工作簿',
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(400, 404)
  async export(
    @CurrentPrincipal() principal: Principal,
    @ZodQuery(completionQuerySchema) q: { year: number },
    @Res() res: Response,
  ): Promise<void> {
    const body = await this.completion.workbook(principal, q.year);
    res.setHeader('content-type', XLSX);
    res.setHeader('content-disposition', `attachment; filename="programme-completion-${q.year}.xlsx"`);
    res.end(body);
  }
}
