import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { mayConfigureDistrict, Permission } from '../../common/auth/permissions';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { Permit } from '../../common/auth/permit.decorator';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { templateVersionSchema } from './inbox.dto';
import { DeadLetterService } from './dead-letter.service';
import { TemplateService } from './template.service';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import {
  deadLettersSchema,
  retriedSchema,
  savedTemplateSchema,
  templateCatalogSchema,
  templateVersionsSchema,
} from './inbox.dto';

@ApiTags('通知管理 notifications')
@ApiBearerAuth()
@Controller('api/v1/notifications')
export class NotificationAdminController {
  constructor(
    private readonly templates: TemplateService,
    private readonly deadLetters: DeadLetterService,
  ) {}

  @Get('templates')
  @Permit(Permission.NotificationAdmin)
  @ApiOperation({ summary: '通知模板及其各版本' })
  @ApiZodResponse(200, templateVersionsSchema)
  list() {
    return this.templates.list();
  }

  @Get('templates/catalog')
  @Permit(Permission.NotificationAdmin)
  @ApiOperation({ summary: '全部通知模板：当前生效的措辞及可用变量' })
  @ApiZodResponse(200, templateCatalogSchema)
  catalog() {
    return this.templates.catalog();
  }

  @Post('templates/:key/versions')
  @Permit(Permission.NotificationAdmin)
  @ApiOperation({ summary: '保存模板新版本（只能使用该模板提供的变量，保存时校验）' })
  @ApiZodBody(templateVersionSchema)
  @ApiZodResponse(201, savedTemplateSchema, '已保存新版本')
  @ApiErrors(409)
  save(
    @CurrentPrincipal() me: Principal,
    @Param('key') key: string,
    @ZodBody(templateVersionSchema) dto: { title: string; body: string },
  ) {
    districtOnly(me);
    return this.templates.saveVersion(key, dto.title, dto.body);
  }

  @Get('dead-letters')
  @Permit(Permission.NotificationAdmin)
  @ApiOperation({ summary: '死信：重试耗尽或被拒收的投递及原因' })
  @ApiZodResponse(200, deadLettersSchema)
  dead(@CurrentPrincipal() me: Principal) {
    districtOnly(me);
    return this.deadLetters.list();
  }

  @Post('dead-letters/:deliveryId/retry')
  @HttpCode(202)
  @Permit(Permission.NotificationAdmin)
  @ApiOperation({ summary: '重新投递一条死信' })
  @ApiZodResponse(202, retriedSchema, '已重新排队')
  @ApiErrors(409)
  retry(@CurrentPrincipal() me: Principal, @Param('deliveryId') deliveryId: string) {
    districtOnly(me);
    return this.deadLetters.retry(deliveryId);
  }
}

/** Templates and dead letters span the whole district: a street supervisor may read templates but not change them. */
function districtOnly(me: Principal): void {
  if (!mayConfigureDistrict(me)) throw new DomainError('FORBIDDEN', '仅系统管理员或区级督导可执行此操作');
}
