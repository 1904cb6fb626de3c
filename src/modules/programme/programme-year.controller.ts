import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { programmePolicySchema } from '../policy/programme-policy.schema';
import { ProgrammeYearService } from './programme-year.service';

const yearParam = z.coerce
  .number()
  .int('年度须为整数')
  .min(2000, '年度须在 2000–2100 之间')
  .max(2100, '年度须在 2000–2100 之间');
const openYearSchema = z.object({ year: yearParam });
const noteSchema = z.string().trim().max(200).optional();
const yearViewSchema = z.object({
  year: z.number().int(),
  policyVersion: z.number().int(),
  policy: z.looseObject({}),
  openedAt: z.date(),
});
const yearDoc = ApiParam({ name: 'year', schema: { type: 'integer', minimum: 2000, maximum: 2100 } });

@ApiTags('双进双联年度 programme years')
@ApiBearerAuth()
@Controller('api/v1/programme/years')
export class ProgrammeYearController {
  constructor(private readonly years: ProgrammeYearService) {}

  @Get()
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({ summary: '已开启的双进双联年度及各自的年度设置（新年度在前）' })
  @ApiZodResponse(200, z.array(yearViewSchema))
  list() {
    return this.years.list();
  }

  @Post()
  @Permit(Permission.ProgrammeManage)
  @ApiOperation({ summary: '开启新年度（仅区级督导或系统管理员）：沿用上一年度设置，另存为新版本策略' })
  @ApiZodBody(openYearSchema)
  @ApiZodResponse(201, yearViewSchema, '已开启')
  @ApiErrors(400, 409)
  open(@CurrentPrincipal() principal: Principal, @ZodBody(openYearSchema) dto: { year: number }) {
    return this.years.open(principal, dto.year);
  }

  @Get(':year')
  @Permit(Permission.ProgrammeRead)
  @yearDoc
  @ApiOperation({ summary: '某年度的设置：五个一目标、完成材料要求、提醒点、调度日、督查月份、约谈阈值' })
  @ApiZodResponse(200, yearViewSchema)
  @ApiErrors(400, 404)
  get(@Param('year', new ZodValidationPipe(yearParam)) year: number) {
    return this.years.get(year);
  }

  @Put(':year/policy')
  @Permit(Permission.ProgrammeManage)
  @yearDoc
  @ApiOperation({ summary: '修改某年度设置（完整设置，校验后另存为新版本；目标必须为正整数；仅区级督导或系统管理员）' })
  @ApiZodBody(programmePolicySchema.extend({ note: noteSchema }))
  @ApiZodResponse(200, yearViewSchema)
  @ApiErrors(400, 404)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('year', new ZodValidationPipe(yearParam)) year: number,
    @Body() body: unknown,
    @Body('note', new ZodValidationPipe(noteSchema)) note: string | undefined,
  ) {
    return this.years.updatePolicy(principal, year, body, note);
  }
}
