import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Authenticated } from '../../common/auth/permit.decorator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import type { Principal } from '../../common/auth/principal';
import { DomainError } from '../../common/errors/domain-error';
import { ApiErrors, ApiZodResponse } from '../../common/http/api-responses';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';

export const temporalUiSchema = z.object({
  baseUrl: z.string().describe('Temporal Web UI 地址（TEMPORAL_UI_URL）'),
  namespace: z.string(),
  workflowUrlTemplate: z.string().describe('某个流程的页面：把 {workflowId} 换成诉求或黄牌详情中的 workflowId'),
});

const operatorRoles = new Set(['ADMIN', 'SUPERVISOR']);

/** Where operators look at a case's or a card's workflow; offered to administrators and supervisors only. */
@ApiTags('Temporal Web UI')
@ApiBearerAuth()
@Controller('api/v1/temporal-ui')
export class TemporalUiController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Temporal Web UI 的地址与命名空间（仅系统管理员、督导）' })
  @ApiZodResponse(200, temporalUiSchema)
  @ApiErrors(403)
  get(@CurrentPrincipal() principal: Principal): z.infer<typeof temporalUiSchema> {
    if (!principal.positions.some((p) => operatorRoles.has(p.role)))
      throw new DomainError('FORBIDDEN', '只有系统管理员和督导可以查看 Temporal 流程页面');
    const baseUrl = this.config.TEMPORAL_UI_URL.replace(/\/+$/, '');
    const namespace = this.config.TEMPORAL_NAMESPACE;
    return {
      baseUrl,
      namespace,
      workflowUrlTemplate: `${baseUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/{workflowId}`,
    };
  }
}
