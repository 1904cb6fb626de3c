import { pageSchemaOf } from '../../common/http/pagination';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Authenticated, Permit, unitFromBody } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import { CreateWishDto, createWishSchema, ListWishesQuery, listWishesSchema, wishSchema } from './dto/programme.dto';
import { MicroWishService } from './micro-wish.service';

@ApiTags('微心愿 micro-wishes')
@ApiBearerAuth()
@Controller('api/v1')
export class MicroWishController {
  constructor(private readonly wishes: MicroWishService) {}

  @Post('programme/wishes')
  @Permit(Permission.ProgrammeManage, unitFromBody('communityId'))
  @ApiOperation({ summary: '社区为困难群众发布微心愿（内容、预算上限、截止时间、居民手机号）' })
  @ApiZodBody(createWishSchema)
  @ApiZodResponse(201, wishSchema, '已发布')
  @ApiErrors(400)
  publish(@CurrentPrincipal() principal: Principal, @ZodBody(createWishSchema) dto: CreateWishDto) {
    return this.wishes.publish(principal, dto);
  }

  @Get('programme/wishes')
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({ summary: '可见的微心愿：辖区社区、本机关结对社区、本人报到社区' })
  @ApiZodQuery(listWishesSchema)
  @ApiZodResponse(200, pageSchemaOf(wishSchema))
  list(@CurrentPrincipal() principal: Principal, @ZodQuery(listWishesSchema) q: ListWishesQuery) {
    return this.wishes.list(principal, q);
  }

  @Post('programme/wishes/:id/claim')
  @HttpCode(200)
  @Permit(Permission.ProgrammeServe)
  @ApiOperation({ summary: '机关党员认领微心愿（每个心愿只能被认领一次；已被认领 409 WISH_ALREADY_CLAIMED）' })
  @ApiZodResponse(200, wishSchema)
  @ApiErrors(404, 409)
  claim(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.wishes.claim(principal, id);
  }

  @Post('programme/wishes/:id/release')
  @HttpCode(200)
  @Permit(Permission.ProgrammeServe)
  @ApiOperation({ summary: '认领人在心愿实现前放弃认领（心愿重新开放）' })
  @ApiZodResponse(200, wishSchema)
  @ApiErrors(404, 409)
  release(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.wishes.release(principal, id);
  }

  @Post('my/wishes/:id/confirm')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '居民本人确认微心愿已实现（按发布时登记的手机号；实现后计入认领机关的微心愿任务）' })
  @ApiZodResponse(200, wishSchema)
  @ApiErrors(404, 409)
  confirm(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.wishes.confirmFulfilled(principal, id);
  }
}
