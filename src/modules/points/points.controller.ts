import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentScope } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit } from '../../common/auth/permit.decorator';
import type { UnitScope } from '../../common/auth/unit-scope';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import { PointsBalancesQuery, pointsBalancesSchema, PointsEntriesQuery, pointsEntriesSchema } from './dto/points.dto';
import { PointsService } from './points.service';
import { ApiZodResponse } from '../../common/http/api-responses';
import { pointsBalancesResultSchema, pointsEntryPageSchema } from './dto/points.dto';

@ApiTags('积分 points')
@ApiBearerAuth()
@Controller('api/v1/points')
export class PointsController {
  constructor(private readonly points: PointsService) {}

  @Get('entries')
  @Permit(Permission.CaseRead)
  @ApiOperation({ summary: '积分台账（只追加；冲销为一条新的反向记录，reversesId 指向被冲销的记录），辖区内，分页' })
  @ApiZodQuery(pointsEntriesSchema)
  @ApiZodResponse(200, pointsEntryPageSchema)
  entries(@CurrentScope() scope: UnitScope, @ZodQuery(pointsEntriesSchema) q: PointsEntriesQuery) {
    return this.points.entries(scope, q);
  }

  @Get('balances')
  @Permit(Permission.CaseRead)
  @ApiOperation({ summary: '一段时间内的积分余额排名（按单位或个人；由台账汇总得出，从不单独存储）' })
  @ApiZodQuery(pointsBalancesSchema)
  @ApiZodResponse(200, pointsBalancesResultSchema)
  balances(@CurrentScope() scope: UnitScope, @ZodQuery(pointsBalancesSchema) q: PointsBalancesQuery) {
    return this.points.balances(scope, q);
  }
}
