import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../common/auth/permit.decorator';
import { HealthService } from './health.service';
import { healthReportSchema } from './dto/health-response.dto';
import { ApiZodResponse, ResponseOf } from '../../common/http/api-responses';

@ApiTags('健康检查 health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '各依赖（数据库、Redis、Temporal）的状态与延迟；任一不可用时返回 503' })
  @ApiZodResponse(200, healthReportSchema, '全部可用')
  @ApiZodResponse(503, healthReportSchema, '至少一个依赖不可用（status: degraded）')
  async get(@Res({ passthrough: true }) res: Response): Promise<ResponseOf<typeof healthReportSchema>> {
    const report = await this.health.report();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
