import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission } from '../../common/auth/permissions';
import { Permit } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiZodBody } from '../../common/http/zod-body.decorator';
import { ZodValidationPipe } from '../../common/http/zod-validation.pipe';
import { ProcessPolicyService } from './policy.service';
import { processKeys } from './process-policy.registry';
import { requestLoopPolicySchema } from './request-loop-policy.schema';
import { ApiZodResponse } from '../../common/http/api-responses';
import { policyVersionSchema } from './dto/policy.dto';

const versionSchema = z.coerce.number().int().min(1);
const noteSchema = z.string().trim().max(200).optional();
// The body is validated by the process's own schema in the service, once the process is known to exist.
const createBodyDoc = z.object({ ...requestLoopPolicySchema.shape, note: noteSchema });
const processParam = ApiParam({ name: 'process', enum: processKeys, description: '流程键' });

@ApiTags('流程策略 policies')
@ApiBearerAuth()
@Controller('api/v1/policies/:process')
export class PolicyController {
  constructor(private readonly policies: ProcessPolicyService) {}

  @Get()
  @Permit(Permission.PolicyRead)
  @processParam
  @ApiOperation({ summary: '流程当前生效的策略（时限、提醒、升级阶梯等）' })
  @ApiZodResponse(200, policyVersionSchema)
  current(@Param('process') process: string) {
    return this.policies.current(process);
  }

  @Get('versions')
  @Permit(Permission.PolicyRead)
  @processParam
  @ApiOperation({ summary: '流程策略的历史版本（新版本在前）' })
  @ApiZodResponse(200, z.array(policyVersionSchema))
  list(@Param('process') process: string) {
    return this.policies.list(process);
  }

  @Get('versions/:version')
  @Permit(Permission.PolicyRead)
  @processParam
  @ApiOperation({ summary: '流程策略的某一版本' })
  @ApiZodResponse(200, policyVersionSchema)
  get(@Param('process') process: string, @Param('version', new ZodValidationPipe(versionSchema)) version: number) {
    return this.policies.get(process, version);
  }

  @Post('versions')
  @Permit(Permission.PolicyWrite)
  @processParam
  @ApiOperation({ summary: '发布新版流程策略（完整策略；仅区级督导或系统管理员；进行中的案件仍按原版本）' })
  @ApiZodBody(createBodyDoc)
  @ApiZodResponse(201, policyVersionSchema, '已发布')
  create(
    @CurrentPrincipal() principal: Principal,
    @Param('process') process: string,
    @Body() body: unknown,
    @Body('note', new ZodValidationPipe(noteSchema)) note: string | undefined,
  ) {
    return this.policies.create(principal, process, body, note);
  }
}
