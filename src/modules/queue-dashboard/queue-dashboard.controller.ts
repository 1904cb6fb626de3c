import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiZodResponse } from '../../common/http/api-responses';
import { queueDashboardTicketSchema } from './queue-dashboard.dto';
import { QueueDashboardAccessService } from './queue-dashboard-access.service';

@ApiTags('队列看板 queue-dashboard')
@ApiBearerAuth()
@Controller('api/v1/admin/queue-dashboard')
export class QueueDashboardController {
  constructor(private readonly access: QueueDashboardAccessService) {}

  @Post('ticket')
  @HttpCode(201)
  @Permit(Permission.SystemDiagnose)
  @ApiOperation({
    summary: '领取队列看板（bull-board）的一次性访问凭证',
    description:
      '浏览器打开页面时无法携带 Authorization 头：控制台用访问令牌换取 60 秒内有效、只能用一次的凭证，' +
      '打开 /admin/queues?ticket=… 后换成 httpOnly、SameSite=Strict、仅限 /admin/queues 路径的会话 Cookie（15 分钟）。',
  })
  @ApiZodResponse(201, queueDashboardTicketSchema)
  ticket(@CurrentPrincipal() principal: Principal) {
    return this.access.issueTicket(principal);
  }
}
