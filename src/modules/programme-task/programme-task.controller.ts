import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit, unitFromBody } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { ApiZodQuery, ZodQuery } from '../../common/http/zod-query.decorator';
import {
  AssignTaskDto,
  assignTaskSchema,
  CreateTaskDto,
  createTaskSchema,
  ListTasksQuery,
  listTasksSchema,
  NameMembersDto,
  nameMembersSchema,
  RateTaskDto,
  rateTaskSchema,
  ReviewTaskDto,
  reviewTaskSchema,
  SubmitEvidenceDto,
  submitEvidenceSchema,
  taskDetailSchema,
  taskPageSchema,
} from './dto/programme-task.dto';
import { ProgrammeTaskRatingService } from './programme-task-rating.service';
import { ProgrammeTaskService } from './programme-task.service';

@ApiTags('双进双联任务 programme tasks')
@ApiBearerAuth()
@Controller('api/v1/programme/tasks')
export class ProgrammeTaskController {
  constructor(
    private readonly tasks: ProgrammeTaskService,
    private readonly ratings: ProgrammeTaskRatingService,
  ) {}

  @Post()
  @Permit(Permission.ProgrammeManage, unitFromBody('communityId'))
  @ApiOperation({
    summary: '社区或督导发布"五个一"任务（计划日期须为工作日，完成时限按工作日计算；可直接分派给结对机关）',
  })
  @ApiZodBody(createTaskSchema)
  @ApiZodResponse(201, taskDetailSchema, '已发布（同一 requestKey 重复提交返回原任务）')
  @ApiErrors(400, 404)
  create(@CurrentPrincipal() principal: Principal, @ZodBody(createTaskSchema) dto: CreateTaskDto) {
    return this.tasks.create(principal, dto);
  }

  @Get()
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({ summary: '辖区内（社区或机关）的任务，及结对社区待认领的任务（分页）' })
  @ApiZodQuery(listTasksSchema)
  @ApiZodResponse(200, taskPageSchema)
  list(@CurrentPrincipal() principal: Principal, @ZodQuery(listTasksSchema) q: ListTasksQuery) {
    return this.tasks.list(principal, q);
  }

  @Get(':id')
  @Permit(Permission.ProgrammeRead)
  @ApiOperation({ summary: '任务详情：时间线、完成材料，以及流程的实时状态（时限、是否逾期、升级级别）' })
  @ApiZodResponse(200, taskDetailSchema)
  @ApiErrors(404)
  detail(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.tasks.detail(principal, id);
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Permit(Permission.ProgrammeManage)
  @ApiOperation({ summary: '社区或督导把待认领的任务分派给结对的机关党组织' })
  @ApiZodBody(assignTaskSchema)
  @ApiZodResponse(200, taskDetailSchema)
  @ApiErrors(400, 404, 409)
  assign(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(assignTaskSchema) dto: AssignTaskDto,
  ) {
    return this.tasks.assign(principal, id, dto);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Permit(Permission.ProgrammeServe)
  @ApiOperation({ summary: '机关党组织书记认领结对社区的任务' })
  @ApiZodResponse(200, taskDetailSchema)
  @ApiErrors(400, 404, 409)
  claim(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.tasks.claim(principal, id);
  }

  @Post(':id/members')
  @HttpCode(200)
  @Permit(Permission.ProgrammeServe)
  @ApiOperation({ summary: '承办机关指定承办党员（须为本机关在职党员）' })
  @ApiZodBody(nameMembersSchema)
  @ApiZodResponse(200, taskDetailSchema)
  @ApiErrors(400, 404, 409)
  nameMembers(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(nameMembersSchema) dto: NameMembersDto,
  ) {
    return this.tasks.nameMembers(principal, id, dto);
  }

  @Post(':id/evidence')
  @HttpCode(200)
  @Permit(Permission.ProgrammeServe)
  @ApiOperation({
    summary: '提交完成材料（按年度策略要求：情况说明、照片、签到、受助方确认）；缺项 400 EVIDENCE_MISSING，不做修改',
  })
  @ApiZodBody(submitEvidenceSchema)
  @ApiZodResponse(200, taskDetailSchema)
  @ApiErrors(400, 404, 409)
  submit(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(submitEvidenceSchema) dto: SubmitEvidenceDto,
  ) {
    return this.tasks.submit(principal, id, dto);
  }

  @Post(':id/review')
  @HttpCode(200)
  @Permit(Permission.ProgrammeManage)
  @ApiOperation({ summary: '社区确认完成（计入确认当月的年度任务）或退回补充（须写意见）' })
  @ApiZodBody(reviewTaskSchema)
  @ApiZodResponse(200, taskDetailSchema)
  @ApiErrors(400, 404, 409)
  review(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodBody(reviewTaskSchema) dto: ReviewTaskDto,
  ) {
    return this.tasks.review(principal, id, dto);
  }

  @Post(':id/rating')
  @HttpCode(200)
  @Permit(Permission.ProgrammeManage)
  @ApiOperation({
    summary:
      '社区录入受益方评价（完成材料中确认的群众或企业回访所评，1–5 星，可附意见）：仅限已确认完成的任务、每项一次、确认后评价期内；' +
      '差评（不高于年度策略的差评星级）通知承办机关书记和区级督导。409 ILLEGAL_TRANSITION 未确认；409 ALREADY_RATED 已评价；' +
      '409 RATING_WINDOW_CLOSED 逾期；400 无受益方确认',
  })
  @ApiZodBody(rateTaskSchema)
  @ApiZodResponse(200, taskDetailSchema)
  @ApiErrors(400, 404, 409)
  rate(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @ZodBody(rateTaskSchema) dto: RateTaskDto) {
    return this.ratings.rate(principal, id, dto);
  }
}
