import { pageSchemaOf } from '../../common/http/pagination';
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit, unitFromBody } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import {
  activitySchema,
  AttendanceDto,
  attendanceSchema,
  CreateActivityDto,
  createActivitySchema,
  ListActivitiesQuery,
  listActivitiesSchema,
  signupSchema,
} from './dto/programme.dto';
import { VolunteerService } from './volunteer.service';

/** The detail names who signed up (the community confirming attendance may not read the members' agency). */
const activityDetailSchema = activitySchema.extend({
  signups: z.array(signupSchema.extend({ personName: z.string().optional() })),
});

@ApiTags('志愿服务 volunteer activities')
@ApiBearerAuth()
@Controller('api/v1/programme/activities')
export class VolunteerController {
  constructor(private readonly activities: VolunteerService) {}

  @Post()
  @Permit(Permission.ProgrammeManage, unitFromBody('communityId'))
  @ApiOperation({ summary: '社区发布志愿活动（时间、地点、人数上限）' })
  @ApiZodBody(createActivitySchema)
  @ApiZodResponse(201, activitySchema, '已发布')
  @ApiErrors(400)
  publish(@CurrentPrincipal() principal: Principal, @ZodBody(createActivitySchema) dto: CreateActivityDto) {
    return this.activities.publish(principal, dto);
  }

  @Get()
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({ summary: '可见的志愿活动：辖区社区、本机关结对社区、本人报到社区' })
  @ApiZodQuery(listActivitiesSchema)
  @ApiZodResponse(200, pageSchemaOf(activitySchema))
  list(@CurrentPrincipal() principal: Principal, @ZodQuery(listActivitiesSchema) q: ListActivitiesQuery) {
    return this.activities.list(principal, q);
  }

  @Get(':id')
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({ summary: '志愿活动详情与报名、签到、出勤确认情况' })
  @ApiZodResponse(200, activityDetailSchema)
  @ApiErrors(404)
  detail(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.activities.detail(principal, id);
  }

  @Post(':id/signups')
  @Permit(Permission.ProgrammeServe)
  @ApiOperation({ summary: '机关党员报名（人数上限在并发报名下也不会突破；已报满 409 ACTIVITY_FULL）' })
  @ApiZodResponse(201, signupSchema, '已报名')
  @ApiErrors(404, 409)
  signUp(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.activities.signUp(principal, id);
  }

  @Post(':id/check-in')
  @HttpCode(200)
  @Permit(Permission.ProgrammeServe)
  @ApiOperation({ summary: '活动当天签到（开始前 2 小时至活动结束）' })
  @ApiZodResponse(200, signupSchema)
  @ApiErrors(404, 409)
  checkIn(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.activities.checkIn(principal, id);
  }

  @Post(':id/attendance')
  @HttpCode(200)
  @Permit(Permission.ProgrammeManage)
  @ApiOperation({ summary: '社区确认出勤（须已签到），按活动时长记录服务时长' })
  @ApiZodBody(attendanceSchema)
  @ApiZodResponse(200, activityDetailSchema)
  @ApiErrors(400, 404)
  attendance(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(attendanceSchema) dto: AttendanceDto,
  ) {
    return this.activities.confirmAttendance(principal, id, dto);
  }
}
