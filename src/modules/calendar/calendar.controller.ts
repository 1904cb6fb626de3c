import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit, unitFromBody } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import {
  CreateCalendarVersionDto,
  createCalendarVersionSchema,
  DeadlineQuery,
  deadlineQuerySchema,
  DistrictQuery,
  districtQuerySchema,
  ImportFestivalsDto,
  importFestivalsSchema,
} from './calendar.dto';
import { CalendarService } from './calendar.service';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import {
  calendarVersionListSchema,
  calendarVersionSchema,
  deadlineSchema,
  effectiveCalendarSchema,
} from './calendar.dto';

@ApiTags('工作日历 calendars')
@ApiBearerAuth()
@Controller('api/v1/calendars')
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Get('effective')
  @Permit(Permission.CalendarRead)
  @ApiOperation({ summary: '当前生效的工作日历（全国基础日历叠加区级调整）及所用版本号' })
  @ApiZodQuery(districtQuerySchema)
  @ApiZodResponse(200, effectiveCalendarSchema)
  effective(@ZodQuery(districtQuerySchema) q: DistrictQuery) {
    return this.calendars.effectiveCalendar(q.districtId);
  }

  @Get('versions')
  @Permit(Permission.CalendarRead)
  @ApiOperation({ summary: '工作日历版本历史（不带 districtId 为全国基础日历；新版本在前）' })
  @ApiZodQuery(districtQuerySchema)
  @ApiZodResponse(200, calendarVersionListSchema)
  versions(@ZodQuery(districtQuerySchema) q: DistrictQuery) {
    return this.calendars.listVersions(q.districtId);
  }

  @Post('versions')
  @Permit(Permission.CalendarWrite, unitFromBody('districtId'))
  @ApiOperation({ summary: '发布工作日历新版本（整版内容；带 districtId 为区级调整，否则为全国基础日历）' })
  @ApiZodBody(createCalendarVersionSchema)
  @ApiZodResponse(201, calendarVersionSchema, '已发布')
  @ApiErrors(404)
  create(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(createCalendarVersionSchema) dto: CreateCalendarVersionDto,
  ) {
    return this.calendars.createVersion(principal, dto);
  }

  @Post('import-festivals')
  @Permit(Permission.CalendarWrite, unitFromBody('districtId'))
  @ApiOperation({ summary: '导入次年国务院放假安排：追加到该范围的新版本，保留往年日期' })
  @ApiZodBody(importFestivalsSchema)
  @ApiZodResponse(201, calendarVersionSchema, '已发布')
  @ApiErrors(404)
  importFestivals(@CurrentPrincipal() principal: Principal, @ZodBody(importFestivalsSchema) dto: ImportFestivalsDto) {
    return this.calendars.importFestivals(principal, dto);
  }

  @Get('deadline')
  @Permit(Permission.CalendarRead)
  @ApiOperation({
    summary:
      '按当前生效日历计算期限（工作日/工作小时按日历，分钟/小时全天候）；期限落在尚未发布放假安排的年份时 provisional 为 true（暂定）',
  })
  @ApiZodQuery(deadlineQuerySchema)
  @ApiZodResponse(200, deadlineSchema)
  deadline(@ZodQuery(deadlineQuerySchema) q: DeadlineQuery) {
    return this.calendars.deadline(q);
  }
}
