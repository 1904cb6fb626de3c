import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit, unitFromBody } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { pageSchemaOf } from '../../common/http/pagination';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import {
  CreatePairingDto,
  createPairingSchema,
  DeployDto,
  deploySchema,
  ListMembersQuery,
  listMembersSchema,
  ListPairingsQuery,
  listPairingsSchema,
  memberViewSchema,
  pairingSchema,
  pairingViewSchema,
  ReportInDto,
  reportInSchema,
  reportInViewSchema,
} from './dto/programme.dto';
import { PairingService } from './pairing.service';

@ApiTags('双进双联结对与报到 programme pairing')
@ApiBearerAuth()
@Controller('api/v1/programme')
export class PairingController {
  constructor(private readonly pairing: PairingService) {}

  @Post('pairings')
  @Permit(Permission.ProgrammeManage, unitFromBody('communityId'))
  @ApiOperation({ summary: '督导设置机关党组织与社区结对（一个机关可结对多个社区）' })
  @ApiZodBody(createPairingSchema)
  @ApiZodResponse(201, pairingSchema, '已结对')
  @ApiErrors(400, 409)
  pair(@CurrentPrincipal() principal: Principal, @ZodBody(createPairingSchema) dto: CreatePairingDto) {
    return this.pairing.pair(principal, dto);
  }

  @Get('pairings')
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({ summary: '辖区内的结对关系（includeEnded=true 含已解除的历史）' })
  @ApiZodQuery(listPairingsSchema)
  @ApiZodResponse(200, pageSchemaOf(pairingViewSchema))
  pairings(@CurrentPrincipal() principal: Principal, @ZodQuery(listPairingsSchema) q: ListPairingsQuery) {
    return this.pairing.pairings(principal, q);
  }

  @Post('pairings/:id/end')
  @HttpCode(200)
  @Permit(Permission.ProgrammeManage)
  @ApiOperation({ summary: '督导解除结对（记录保留）' })
  @ApiZodResponse(200, pairingSchema)
  @ApiErrors(404, 409)
  end(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.pairing.endPairing(principal, id);
  }

  @Post('report-ins')
  @Permit(Permission.ProgrammeServe)
  @ApiOperation({ summary: '在职党员向居住地社区报到（每人同时只有一处报到；调整由本机关书记调派）' })
  @ApiZodBody(reportInSchema)
  @ApiZodResponse(201, reportInViewSchema, '已报到，待社区确认')
  @ApiErrors(400, 409)
  reportIn(@CurrentPrincipal() principal: Principal, @ZodBody(reportInSchema) dto: ReportInDto) {
    return this.pairing.reportIn(principal, dto);
  }

  @Post('report-ins/:id/confirm')
  @HttpCode(200)
  @Permit(Permission.ProgrammeManage)
  @ApiOperation({ summary: '社区确认党员报到' })
  @ApiZodResponse(200, reportInViewSchema)
  @ApiErrors(404, 409)
  confirm(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.pairing.confirmReportIn(principal, id);
  }

  @Post('deployments')
  @Permit(Permission.ProgrammeServe)
  @ApiOperation({
    summary: '分批下沉、调强补优：机关党组织书记把本机关党员分批调派到社区；原报到结束并保留记录，新报到待社区确认',
  })
  @ApiZodBody(deploySchema)
  @ApiZodResponse(201, z.array(reportInViewSchema), '已调派')
  @ApiErrors(400)
  deploy(@CurrentPrincipal() principal: Principal, @ZodBody(deploySchema) dto: DeployDto) {
    return this.pairing.deploy(principal, dto);
  }

  @Get('members')
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({
    summary: '党员报到情况：报到状态、批次、服务次数与服务时长（机关书记看本机关，社区看报到本社区的党员）',
  })
  @ApiZodQuery(listMembersSchema)
  @ApiZodResponse(200, pageSchemaOf(memberViewSchema))
  members(@CurrentPrincipal() principal: Principal, @ZodQuery(listMembersSchema) q: ListMembersQuery) {
    return this.pairing.members(principal, q);
  }
}
