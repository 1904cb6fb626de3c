import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated, Public } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import {
  codeRequestSchema,
  codeSentSchema,
  codeVerifySchema,
  loginSchema,
  principalSchema,
  refreshSchema,
  tokenPairSchema,
} from './auth.dto';
import { AuthService } from './auth.service';
import { ApiErrors, ApiZodResponse, ResponseOf } from '../../common/http/api-responses';

@ApiTags('登录 auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: '工作人员用户名密码登录；连续失败将锁定账号' })
  @ApiZodResponse(200, tokenPairSchema)
  @ApiErrors(401, 423)
  @ApiZodBody(loginSchema)
  login(
    @ZodBody(loginSchema) dto: { username: string; password: string },
  ): Promise<ResponseOf<typeof tokenPairSchema>> {
    return this.auth.login(dto.username, dto.password);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: '用刷新令牌换取新的令牌对（旧刷新令牌随即失效）' })
  @ApiZodResponse(200, tokenPairSchema)
  @ApiErrors(401)
  @ApiZodBody(refreshSchema)
  refresh(@ZodBody(refreshSchema) dto: { refreshToken: string }): Promise<ResponseOf<typeof tokenPairSchema>> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: '吊销刷新令牌' })
  @ApiResponse({ status: 204, description: '已吊销' })
  @ApiErrors(401)
  @ApiZodBody(refreshSchema)
  async logout(@ZodBody(refreshSchema) dto: { refreshToken: string }): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  @Post('code')
  @HttpCode(202)
  @Public()
  @ApiOperation({ summary: '居民：向手机号发送一次性验证码（本地模式写入日志和站内信）' })
  @ApiZodResponse(202, codeSentSchema, '已发送')
  @ApiZodBody(codeRequestSchema)
  requestCode(@ZodBody(codeRequestSchema) dto: { phone: string }): Promise<ResponseOf<typeof codeSentSchema>> {
    return this.auth.requestCode(dto.phone);
  }

  @Post('code/verify')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: '居民：用验证码登录（一次有效）' })
  @ApiZodResponse(200, tokenPairSchema)
  @ApiErrors(401, 429)
  @ApiZodBody(codeVerifySchema)
  verifyCode(
    @ZodBody(codeVerifySchema) dto: { phone: string; code: string },
  ): Promise<ResponseOf<typeof tokenPairSchema>> {
    return this.auth.verifyCode(dto.phone, dto.code);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前登录人及其在岗岗位' })
  @ApiZodResponse(200, principalSchema)
  me(@CurrentPrincipal() principal: Principal): ResponseOf<typeof principalSchema> {
    return principal;
  }
}
