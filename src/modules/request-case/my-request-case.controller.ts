import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { PageQuery, pageQuerySchema } from '../../common/http/pagination';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import {
  CaseNoteDto,
  caseNoteSchema,
  MyIntakeDto,
  myIntakeSchema,
  RequiredNoteDto,
  requiredNoteSchema,
} from './dto/request-case.dto';
import { RequestCaseService } from './request-case.service';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { myCaseDetailSchema, myCasePageSchema, myCaseSchema } from './dto/request-case.dto';

/** A signed-in person following the requests they reported (by their phone or person id); anyone else's case is 404. */
@ApiTags('我的诉求 my cases')
@ApiBearerAuth()
@Authenticated()
@Controller('api/v1/my/cases')
export class MyRequestCaseController {
  constructor(private readonly cases: RequestCaseService) {}

  @Post()
  @ApiOperation({
    summary:
      '居民本人反映诉求（类别、地址、描述、照片等附件引用）：反映人即本人。同一 requestKey 只登记一次：首次 201，之后 200 返回同一诉求；' +
      '该键已用于他人的诉求时 409',
  })
  @ApiZodBody(myIntakeSchema)
  @ApiZodResponse(201, myCaseSchema, '已登记')
  @ApiZodResponse(200, myCaseSchema, '同一 requestKey 已登记过：返回该诉求')
  @ApiErrors(409)
  async report(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(myIntakeSchema) dto: MyIntakeDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, case: row } = await this.cases.intakeAsReporter(principal, dto);
    res.status(created ? 201 : 200);
    return row;
  }

  @Get()
  @ApiOperation({ summary: '我反映的诉求（按登记手机号或本人），分页' })
  @ApiZodQuery(pageQuerySchema)
  @ApiZodResponse(200, myCasePageSchema)
  list(@CurrentPrincipal() principal: Principal, @ZodQuery(pageQuerySchema) q: PageQuery) {
    return this.cases.mine(principal, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '我的诉求详情：状态、办理进展与时限（不含工作人员信息）' })
  @ApiZodResponse(200, myCaseDetailSchema)
  detail(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.cases.mineDetail(principal, id);
  }

  @Post(':id/provide-info')
  @HttpCode(200)
  @ApiOperation({ summary: '按工作人员要求补充信息，办结时限恢复计时' })
  @ApiZodBody(requiredNoteSchema)
  @ApiZodResponse(200, myCaseDetailSchema)
  @ApiErrors(409)
  provideInfo(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(requiredNoteSchema) dto: RequiredNoteDto,
  ) {
    return this.cases.actAsReporter(principal, id, 'provideInfo', dto);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: '确认处置结果，诉求办结（仅已处置的诉求）' })
  @ApiZodBody(caseNoteSchema)
  @ApiZodResponse(200, myCaseDetailSchema)
  @ApiErrors(409)
  confirm(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(caseNoteSchema) dto: CaseNoteDto,
  ) {
    return this.cases.actAsReporter(principal, id, 'close', dto);
  }

  @Post(':id/dispute')
  @HttpCode(200)
  @ApiOperation({ summary: '对处置结果有异议：诉求重新打开，重新计算办理时限' })
  @ApiZodBody(requiredNoteSchema)
  @ApiZodResponse(200, myCaseDetailSchema)
  @ApiErrors(409)
  dispute(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(requiredNoteSchema) dto: RequiredNoteDto,
  ) {
    return this.cases.actAsReporter(principal, id, 'dispute', dto);
  }
}
