import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Authenticated, Permit, unitFromBody } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import {
  CandidatesQuery,
  candidatePageSchema,
  candidatesSchema,
  catalogueSchema,
  ChooseDto,
  chooseSchema,
  ListNeedsQuery,
  listNeedsSchema,
  matchSchema,
  needPageSchema,
  needSchema,
  PublishNeedDto,
  publishNeedSchema,
  RegisterTalentDto,
  registerTalentSchema,
  talentSchema,
} from './dto/programme-talent.dto';
import { ProgrammeTalentService } from './programme-talent.service';

@ApiTags('人才超市 talent pool')
@ApiBearerAuth()
@Controller('api/v1')
export class ProgrammeTalentController {
  constructor(private readonly talents: ProgrammeTalentService) {}

  @Get('programme/talent-skills')
  @Authenticated()
  @ApiOperation({ summary: '人才超市的技能目录与可服务时间选项' })
  @ApiZodResponse(200, catalogueSchema)
  catalogue() {
    return this.talents.catalogue();
  }

  @Post('my/talents')
  @Authenticated()
  @ApiOperation({
    summary: '在职党员或居民登记（或更新）一项技能：特长说明、可服务时间、居住地址（党员未填地址时按报到社区定位）',
  })
  @ApiZodBody(registerTalentSchema)
  @ApiZodResponse(201, talentSchema, '已登记')
  @ApiErrors(400, 403)
  register(@CurrentPrincipal() principal: Principal, @ZodBody(registerTalentSchema) dto: RegisterTalentDto) {
    return this.talents.register(principal, dto);
  }

  @Get('my/talents')
  @Authenticated()
  @ApiOperation({ summary: '本人在人才超市登记的技能' })
  @ApiZodResponse(200, z.array(talentSchema))
  mine(@CurrentPrincipal() principal: Principal) {
    return this.talents.mine(principal);
  }

  @Post('programme/talent-needs')
  @Permit(Permission.ProgrammeManage, unitFromBody('communityId'))
  @ApiOperation({ summary: '社区发布人才需求（所需技能、地点、说明、人数；选定的人员各成为一项任务）' })
  @ApiZodBody(publishNeedSchema)
  @ApiZodResponse(201, needSchema, '已发布')
  @ApiErrors(400)
  publish(@CurrentPrincipal() principal: Principal, @ZodBody(publishNeedSchema) dto: PublishNeedDto) {
    return this.talents.publish(principal, dto);
  }

  @Get('programme/talent-needs')
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({ summary: '可见的人才需求：辖区社区、本机关结对社区、本人报到社区' })
  @ApiZodQuery(listNeedsSchema)
  @ApiZodResponse(200, needPageSchema)
  list(@CurrentPrincipal() principal: Principal, @ZodQuery(listNeedsSchema) q: ListNeedsQuery) {
    return this.talents.list(principal, q);
  }

  @Get('programme/talent-needs/:id/candidates')
  @Permit(Permission.ProgrammeManage)
  @ApiOperation({
    summary: '需求的候选人：登记了该技能且可接单的结对机关党员和本街道居民，按与需求地点的距离由近到远（米）',
  })
  @ApiZodQuery(candidatesSchema)
  @ApiZodResponse(200, candidatePageSchema)
  @ApiErrors(404)
  candidates(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodQuery(candidatesSchema) q: CandidatesQuery,
  ) {
    return this.talents.candidates(principal, id, q);
  }

  @Post('programme/talent-needs/:id/choose')
  @HttpCode(200)
  @Permit(Permission.ProgrammeManage)
  @ApiOperation({
    summary:
      '选定候选人：成为一项该类别的任务（党员为承办人、居民记为协助人）；重复选定同一人返回同一任务；超出人数 409',
  })
  @ApiZodBody(chooseSchema)
  @ApiZodResponse(200, matchSchema)
  @ApiErrors(400, 404, 409)
  choose(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @ZodBody(chooseSchema) dto: ChooseDto) {
    return this.talents.choose(principal, id, dto);
  }
}
