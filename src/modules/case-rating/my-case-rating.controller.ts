import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { RateDto, rateSchema } from './dto/case-rating.dto';
import { CaseRatingService } from './case-rating.service';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { ratingViewSchema } from './dto/case-rating.dto';

/** 一事一评 by the reporter: their own closed case, once, within the window; anyone else's case is 404. */
@ApiTags('我的诉求 my cases')
@ApiBearerAuth()
@Authenticated()
@Controller('api/v1/my/cases')
export class MyCaseRatingController {
  constructor(private readonly ratings: CaseRatingService) {}

  @Get(':id/rating')
  @ApiOperation({
    summary:
      '我的诉求的评价状态：NOT_CLOSED 未办结 / OPEN 可评价（至 windowEndsAt）/ RATED 已评价 / UNRATED 逾期未评价',
  })
  @ApiZodResponse(200, ratingViewSchema)
  view(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.ratings.view(principal, id);
  }

  @Post(':id/rating')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '评价已办结的诉求（1–5 星，可附意见）：每件诉求只能评价一次，须在评价期限内。五星为承办单位和承办人记积分，一星发出黄牌预警。' +
      ' 409 CASE_NOT_CLOSED 未办结；409 ALREADY_RATED 已评价；409 RATING_WINDOW_CLOSED 逾期；404 不是本人反映的诉求',
  })
  @ApiZodBody(rateSchema)
  @ApiZodResponse(200, ratingViewSchema)
  @ApiErrors(409)
  rate(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @ZodBody(rateSchema) dto: RateDto) {
    return this.ratings.rate(principal, id, dto);
  }
}
