import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '../../common/auth/permissions';
import { Permit } from '../../common/auth/permit.decorator';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import {
  CreateWiringCheckDto,
  createWiringCheckSchema,
  wiringCheckSchema,
  wiringCheckStartedSchema,
} from './dto/create-wiring-check.dto';
import { WiringCheckService } from './wiring-check.service';
import { ApiZodResponse, ResponseOf } from '../../common/http/api-responses';

@ApiTags('联通检查 wiring-checks')
@ApiBearerAuth()
@Controller('api/v1/wiring-checks')
export class WiringCheckController {
  constructor(private readonly service: WiringCheckService) {}

  @Post()
  @HttpCode(202)
  @Permit(Permission.SystemDiagnose)
  @ApiOperation({ summary: '发起一次端到端联通检查（HTTP → Temporal → PostgreSQL → BullMQ）' })
  @ApiZodResponse(202, wiringCheckStartedSchema, '已启动')
  @ApiZodBody(createWiringCheckSchema)
  start(
    @ZodBody(createWiringCheckSchema) dto: CreateWiringCheckDto,
  ): Promise<ResponseOf<typeof wiringCheckStartedSchema>> {
    return this.service.start(dto);
  }

  @Get(':workflowId')
  @Permit(Permission.SystemDiagnose)
  @ApiOperation({ summary: '查询联通检查结果' })
  @ApiZodResponse(200, wiringCheckSchema)
  get(@Param('workflowId') workflowId: string): Promise<ResponseOf<typeof wiringCheckSchema>> {
    return this.service.get(workflowId);
  }
}
