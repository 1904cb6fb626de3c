import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentScope } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import type { UnitScope } from '../../common/auth/unit-scope';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import {
  migrationPreviewResultSchema,
  migrationProgressSchema,
  migrationStartedSchema,
  PreviewMigrationDto,
  previewMigrationSchema,
  StartMigrationDto,
  startMigrationSchema,
} from './dto/policy-migration.dto';
import { PolicyMigrationService } from './policy-migration.service';

const RULES =
  '迁移规则：进行中的诉求按所选版本的受理、办结（按类别）、首次反馈、联系街道部门时限，以及提醒点、升级阶梯和延期规则办理。' +
  '正在计时或暂停中的计时器从原起算时间按新时限重算截止时间，已暂停的时间和已批准的延期保留；' +
  '已达成的计时器（如已受理，则新受理时限不再适用）、已停止的计时器、已超时并升级督办的计时器保持原截止时间；' +
  '尚未开始的计时器（如受理前的办结时限、异议后的重新办理）开始时即用新时限。重算后截止时间已过的计时器在收到迁移后立即超时升级（预览中标记 lapsesAtOnce）。' +
  '已办结或已合并的诉求、已按该版本办理的诉求、流程已结束的诉求不迁移，列为跳过并写明原因。默认只选进行中的诉求（含已处置待办结）。';

@ApiTags('流程策略 policies')
@ApiBearerAuth()
@Controller()
export class PolicyMigrationController {
  constructor(private readonly migrations: PolicyMigrationService) {}

  @Post('api/v1/policies/request-loop/migrations/preview')
  @HttpCode(200)
  @Permit(Permission.PolicyWrite)
  @ApiOperation({
    summary: '预览迁移到某一策略版本会影响的诉求（仅区级督导或系统管理员）',
    description: `按类别、单位（含下级）、状态筛选，按诉求编号分页（after + limit），每件列出各计时器的现截止时间与迁移后的截止时间。${RULES}`,
  })
  @ApiZodBody(previewMigrationSchema)
  @ApiZodResponse(200, migrationPreviewResultSchema)
  @ApiErrors(404)
  preview(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @ZodBody(previewMigrationSchema) dto: PreviewMigrationDto,
  ) {
    return this.migrations.preview(principal, scope, dto);
  }

  @Post('api/v1/policies/request-loop/migrations')
  @HttpCode(202)
  @Permit(Permission.PolicyWrite)
  @ApiOperation({
    summary: '发起策略迁移：后台流程分批通知各诉求按新版本办理，返回迁移编号（仅区级督导或系统管理员）',
    description: RULES,
  })
  @ApiZodBody(startMigrationSchema)
  @ApiZodResponse(202, migrationStartedSchema, '已发起')
  @ApiErrors(404)
  start(
    @CurrentPrincipal() principal: Principal,
    @CurrentScope() scope: UnitScope,
    @ZodBody(startMigrationSchema) dto: StartMigrationDto,
  ) {
    return this.migrations.start(principal, scope, dto);
  }

  @Get('api/v1/policy-migrations/:id')
  @Permit(Permission.PolicyWrite)
  @ApiOperation({ summary: '策略迁移进度：状态、总数、已迁移、已跳过及跳过原因' })
  @ApiZodResponse(200, migrationProgressSchema)
  progress(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.migrations.progress(principal, id);
  }
}
