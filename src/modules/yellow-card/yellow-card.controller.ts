import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentScope } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import type { UnitScope } from '../../common/auth/unit-scope';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import {
  AppealCardDto,
  appealCardSchema,
  AppealDecisionDto,
  appealDecisionSchema,
  CardSummaryQuery,
  cardSummarySchema,
  InterviewDto,
  interviewSchema,
  ListCardsQuery,
  listCardsSchema,
  ReviewCardDto,
  reviewCardSchema,
  SubmitCardDto,
  submitCardSchema,
} from './dto/yellow-card.dto';
import { YellowCardService } from './yellow-card.service';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { cardDetailSchema, cardPageSchema, cardSummaryResultSchema } from './dto/yellow-card.dto';

@ApiTags('黄牌预警 yellow cards')
@ApiBearerAuth()
@Controller('api/v1/yellow-cards')
export class YellowCardController {
  constructor(private readonly cards: YellowCardService) {}

  @Get()
  @Permit(Permission.CaseRead)
  @ApiOperation({ summary: '辖区内的黄牌（按状态、持牌类型、单位、个人、是否列入述职评议、签发时间筛选，分页）' })
  @ApiZodQuery(listCardsSchema)
  @ApiZodResponse(200, cardPageSchema)
  list(@CurrentScope() scope: UnitScope, @ZodQuery(listCardsSchema) q: ListCardsQuery) {
    return this.cards.list(scope, q);
  }

  @Get('summary')
  @Permit(Permission.CaseRead)
  @ApiOperation({
    summary:
      '按网格/社区/街道汇总一段时间内签发的黄牌：issued 签发数，rectified 已整改，rectifiedOnTime 按时整改（未错过任何时限），' +
      'open 办理中，appealed 申诉数，upheld 申诉成立数，interviews 约谈数，annualReview 列入述职评议数',
  })
  @ApiZodQuery(cardSummarySchema)
  @ApiZodResponse(200, cardSummaryResultSchema)
  summary(@CurrentScope() scope: UnitScope, @ZodQuery(cardSummarySchema) q: CardSummaryQuery) {
    return this.cards.summary(scope, q);
  }

  @Get(':id')
  @Permit(Permission.CaseRead)
  @ApiOperation({ summary: '黄牌详情：时间线、约谈、所涉诉求，以及流程的实时状态（当前时限、申诉期限）' })
  @ApiZodResponse(200, cardDetailSchema)
  detail(@CurrentScope() scope: UnitScope, @Param('id') id: string) {
    return this.cards.detail(scope, id);
  }

  @Post(':id/explanation')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({ summary: '持牌单位（人）提交书面说明和整改方案（待说明或被退回时）' })
  @ApiZodBody(submitCardSchema)
  @ApiZodResponse(200, cardDetailSchema)
  @ApiErrors(409)
  submit(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(submitCardSchema) dto: SubmitCardDto,
  ) {
    return this.cards.act(principal, scope, id, 'submit', dto);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Permit(Permission.CaseSupervise)
  @ApiOperation({ summary: '督导审核：通过（黄牌关闭，已整改）或退回修改（须写意见，重新计算提交时限）' })
  @ApiZodBody(reviewCardSchema)
  @ApiZodResponse(200, cardDetailSchema)
  @ApiErrors(409)
  review(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(reviewCardSchema) dto: ReviewCardDto,
  ) {
    return this.cards.act(principal, scope, id, 'review', dto);
  }

  @Post(':id/appeal')
  @HttpCode(200)
  @Permit(Permission.CaseWrite)
  @ApiOperation({
    summary:
      '申诉（每张黄牌一次，须在申诉期限内，附理由和证据）；申诉期间提交时限暂停。409 APPEAL_ALREADY_USED / APPEAL_WINDOW_CLOSED',
  })
  @ApiZodBody(appealCardSchema)
  @ApiZodResponse(200, cardDetailSchema)
  @ApiErrors(409)
  appeal(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(appealCardSchema) dto: AppealCardDto,
  ) {
    return this.cards.act(principal, scope, id, 'appeal', dto);
  }

  @Post(':id/appeal/decision')
  @HttpCode(200)
  @Permit(Permission.CaseSupervise)
  @ApiOperation({
    summary: '督导裁决申诉：成立则黄牌撤销、该评价不计入满意率并冲销其积分影响；驳回则黄牌继续，时限顺延申诉期间',
  })
  @ApiZodBody(appealDecisionSchema)
  @ApiZodResponse(200, cardDetailSchema)
  @ApiErrors(409)
  decideAppeal(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(appealDecisionSchema) dto: AppealDecisionDto,
  ) {
    return this.cards.act(principal, scope, id, 'decideAppeal', dto);
  }

  @Post(':id/interview')
  @HttpCode(200)
  @Permit(Permission.CaseSupervise)
  @ApiOperation({ summary: '登记约谈（累计黄牌达到约谈阈值时安排）' })
  @ApiZodBody(interviewSchema)
  @ApiZodResponse(200, cardDetailSchema)
  @ApiErrors(409)
  interview(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @Param('id') id: string,
    @ZodBody(interviewSchema) dto: InterviewDto,
  ) {
    return this.cards.act(principal, scope, id, 'recordInterview', dto);
  }
}
