import { Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentScope } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import type { UnitScope } from '../../common/auth/unit-scope';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { CoHandlingService } from './co-handling.service';
import {
  AddCoHandlerDto,
  addCoHandlerSchema,
  CoHandlerNoteDto,
  coHandlerNoteSchema,
  RemoveCoHandlerDto,
  removeCoHandlerSchema,
} from './dto/co-handling.dto';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { caseDetailSchema } from './dto/request-case.dto';

@ApiTags('群众诉求 cases')
@ApiBearerAuth()
@Controller('api/v1/cases/:id/co-handlers')
export class CoHandlingController {
  constructor(private readonly coHandlers: CoHandlingService) {}

  @Post()
  @Permit(Permission.CaseDispatch)
  @ApiOperation({
    summary:
      '添加协办单位（主办单位为诉求所在网格）：须为您管辖范围内的街道、社区、网格或街道部门，或按权责清单对应的街道部门；' +
      '不能是主办单位、不能重复，已处置或已办结的诉求不能再添加。协办单位收到通知，各自登记协办进展并标记完成',
  })
  @ApiZodBody(addCoHandlerSchema)
  @ApiZodResponse(201, caseDetailSchema, '已添加：返回诉求详情')
  @ApiErrors(409)
  add(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(addCoHandlerSchema) dto: AddCoHandlerDto,
  ) {
    return this.coHandlers.add(principal, scope, id, dto);
  }

  @Delete(':unitId')
  @Permit(Permission.CaseDispatch)
  @ApiOperation({ summary: '移除尚未完成的协办单位（写明理由）；主办单位随后可不等该单位标记已处置' })
  @ApiZodBody(removeCoHandlerSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(409)
  remove(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @Param('unitId') unitId: string,
    @ZodBody(removeCoHandlerSchema) dto: RemoveCoHandlerDto,
  ) {
    return this.coHandlers.remove(principal, scope, id, unitId, dto);
  }

  @Post(':unitId/progress')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '协办单位登记本单位的协办进展（仅该单位工作人员）' })
  @ApiZodBody(coHandlerNoteSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(403, 409)
  progress(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @Param('unitId') unitId: string,
    @ZodBody(coHandlerNoteSchema) dto: CoHandlerNoteDto,
  ) {
    return this.coHandlers.progress(principal, scope, id, unitId, dto);
  }

  @Post(':unitId/done')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({
    summary: '协办单位写明协办结果并标记本单位协办完成；全部协办单位完成（或被移除）后主办单位方可标记已处置',
  })
  @ApiZodBody(coHandlerNoteSchema)
  @ApiZodResponse(200, caseDetailSchema)
  @ApiErrors(403, 409)
  done(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @Param('unitId') unitId: string,
    @ZodBody(coHandlerNoteSchema) dto: CoHandlerNoteDto,
  ) {
    return this.coHandlers.done(principal, scope, id, unitId, dto);
  }
}
