import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentScope } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit } from '../../common/auth/permit.decorator';
import type { UnitScope } from '../../common/auth/unit-scope';
import { pageOf, toSkipTake } from '../../common/http/pagination';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import { csvHeader, csvRow } from './audit-csv';
import { AuditFilterQuery, auditFilterSchema, AuditListQuery, auditListSchema, toAuditFilter } from './audit.dto';
import { AuditService } from './audit.service';
import { ApiResponse } from '@nestjs/swagger';
import { ApiZodResponse } from '../../common/http/api-responses';
import { auditPageSchema } from './audit.dto';

@ApiTags('审计 audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Permit(Permission.AuditRead)
  @ApiOperation({ summary: '管辖范围内的审计记录（只可追加，不可修改）' })
  @ApiZodQuery(auditListSchema)
  @ApiZodResponse(200, auditPageSchema)
  async list(@CurrentScope() scope: UnitScope, @ZodQuery(auditListSchema) q: AuditListQuery) {
    const [items, total] = await this.audit.list(scope, toAuditFilter(q), toSkipTake(q));
    return pageOf(
      items.map((e) => ({ ...e, id: e.id.toString() })),
      total,
      q,
    );
  }

  @Get('export')
  @Permit(Permission.AuditRead)
  @ApiOperation({ summary: '导出审计记录为 CSV（UTF-8 带 BOM，Excel 可直接打开）' })
  @ApiProduces('text/csv')
  @ApiZodQuery(auditFilterSchema)
  @ApiResponse({
    status: 200,
    description: 'CSV（UTF-8 带 BOM）',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  async export(
    @CurrentScope() scope: UnitScope,
    @ZodQuery(auditFilterSchema) q: AuditFilterQuery,
    @Res() res: Response,
  ): Promise<void> {
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`);
    res.write(csvHeader());
    for await (const rows of this.audit.stream(scope, toAuditFilter(q))) {
      for (const row of rows) res.write(csvRow({ ...row, id: row.id.toString() }));
    }
    res.end();
  }
}
