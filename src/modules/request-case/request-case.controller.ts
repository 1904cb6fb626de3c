import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, CurrentScope } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import type { UnitScope } from '../../common/auth/unit-scope';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import {
  CaseNoteDto,
  caseNoteSchema,
  ExtensionDecisionDto,
  extensionDecisionSchema,
  ExtensionDto,
  extensionSchema,
  HandledDto,
  handledSchema,
  IntakeCaseDto,
  intakeCaseSchema,
  ListCasesQuery,
  listCasesSchema,
  MergeDto,
  mergeSchema,
  ReassignDto,
  reassignSchema,
  RequiredNoteDto,
  requiredNoteSchema,
} from './dto/request-case.dto';
import { RequestCaseService } from './request-case.service';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { caseDetailSchema, casePageSchema, intakeResultSchema } from './dto/request-case.dto';

@ApiTags('群众诉求 cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class RequestCaseController {
  constructor(private readonly cases: RequestCaseService) {}

  @Post()
  @Permit(Permission.CaseWrite)
  @ApiOperation({
    summary:
      '登记诉求（同一 requestKey 只登记一次：首次 201，之后 200 返回同一诉求）。带位置的诉求若在策略的时间窗与半径内有同类未办结诉求，' +
      '标记为疑似重复并在 possibleDuplicateOf 中返回最近的一件；不带位置的诉求从不标记',
  })
  @ApiZodBody(intakeCaseSchema)
  @ApiZodResponse(201, intakeResultSchema, '已登记')
  @ApiZodResponse(200, intakeResultSchema, '同一 requestKey 已登记过：返回该诉求')
  @ApiErrors(409)
  async intake(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @ZodBody(intakeCaseSchema) dto: IntakeCaseDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, case: row, possibleDuplicateOf } = await this.cases.intake(principal, scope, dto);
    res.status(created ? 201 : 200);
    return { ...row, possibleDuplicateOf };
  }

  @Get()
  @Permit(Permission.CaseRead)
  @ApiOperation({ summary: '辖区内的诉求（按状态筛选，分页）；不指定状态时不含已合并的诉求' })
  @ApiZodQuery(listCasesSchema)
  @ApiZodResponse(200, casePageSchema)
  list(@CurrentScope() scope: UnitScope, @ZodQuery(listCasesSchema) q: ListCasesQuery) {
    return this.cases.list(scope, q);
  }

  @Get(':id')
  @Permit(Permission.CaseRead)
  @ApiOperation({ summary: '诉求详情：时间线、督办单与各时限的实时状态' })
  @ApiZodResponse(200, caseDetailSchema)
  detail(@CurrentScope() scope: UnitScope, @Param('id') id: string) {
    return this.cases.detail(scope, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '受理（仅待受理的诉求）' })
  @ApiZodBody(caseNoteSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(409)
  accept(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(caseNoteSchema) dto: CaseNoteDto,
  ) {
    return this.cases.act(principal, scope, id, 'accept', dto);
  }

  @Post(':id/progress')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '添加处置进展（已受理的诉求随之转为处置中）' })
  @ApiZodBody(requiredNoteSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(409)
  progress(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(requiredNoteSchema) dto: RequiredNoteDto,
  ) {
    return this.cases.act(principal, scope, id, 'progress', dto);
  }

  @Post(':id/request-info')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '请群众补充信息：办结时限暂停，补充后继续' })
  @ApiZodBody(requiredNoteSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(409)
  requestInfo(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(requiredNoteSchema) dto: RequiredNoteDto,
  ) {
    return this.cases.act(principal, scope, id, 'requestInfo', dto);
  }

  @Post(':id/provide-info')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '登记群众补充的信息，办结时限恢复计时（暂停时间不计入）' })
  @ApiZodBody(requiredNoteSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(409)
  provideInfo(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(requiredNoteSchema) dto: RequiredNoteDto,
  ) {
    return this.cases.act(principal, scope, id, 'provideInfo', dto);
  }

  @Post(':id/extension')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '申请延期（工作日数与次数受流程策略限制），待督导审批' })
  @ApiZodBody(extensionSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(409)
  requestExtension(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(extensionSchema) dto: ExtensionDto,
  ) {
    return this.cases.act(principal, scope, id, 'requestExtension', dto);
  }

  @Post(':id/extension/decision')
  @HttpCode(200)
  @Permit(Permission.CaseSupervise)
  @ApiOperation({ summary: '督导审批延期：批准则办结时限顺延相应工作日' })
  @ApiZodBody(extensionDecisionSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(409)
  decideExtension(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(extensionDecisionSchema) dto: ExtensionDecisionDto,
  ) {
    return this.cases.act(principal, scope, id, 'decideExtension', dto);
  }

  @Post(':id/dispute')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '群众对处置结果有异议：诉求重新打开，重新计算办理时限' })
  @ApiZodBody(requiredNoteSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(409)
  dispute(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(requiredNoteSchema) dto: RequiredNoteDto,
  ) {
    return this.cases.act(principal, scope, id, 'dispute', dto);
  }

  @Post(':id/department-contacted')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '登记已联系街道相关部门（超出社区职权的诉求须在时限内联系，默认 30 分钟）' })
  @ApiZodBody(requiredNoteSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(409)
  departmentContacted(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(requiredNoteSchema) dto: RequiredNoteDto,
  ) {
    return this.cases.act(principal, scope, id, 'departmentContacted', dto);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '退回：不属于本单位职责（写明理由），退回社区重新派单；受理时限继续计算' })
  @ApiZodBody(requiredNoteSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(409)
  returnCase(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(requiredNoteSchema) dto: RequiredNoteDto,
  ) {
    return this.cases.act(principal, scope, id, 'returnCase', dto);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @Permit(Permission.CaseDispatch)
  @ApiOperation({ summary: '重新派单给另一网格；原单位在新单位受理前仍承担责任' })
  @ApiZodBody(reassignSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(409)
  reassign(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(reassignSchema) dto: ReassignDto,
  ) {
    return this.cases.act(principal, scope, id, 'reassign', dto);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Permit(Permission.CaseDispatch)
  @ApiOperation({ summary: '把重复诉求并入另一件诉求，本件停止计时' })
  @ApiZodBody(mergeSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(409)
  merge(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(mergeSchema) dto: MergeDto,
  ) {
    return this.cases.act(principal, scope, id, 'merge', dto);
  }

  @Post(':id/handled')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '处置完毕并答复（仅已受理或处置中的诉求）' })
  @ApiZodBody(handledSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(409)
  handled(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(handledSchema) dto: HandledDto,
  ) {
    return this.cases.act(principal, scope, id, 'markHandled', dto);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '办结（仅已处置的诉求）' })
  @ApiZodBody(caseNoteSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(409)
  close(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(caseNoteSchema) dto: CaseNoteDto,
  ) {
    return this.cases.act(principal, scope, id, 'close', dto);
  }
}
