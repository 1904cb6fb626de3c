import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Authenticated, Public } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import { ApiZodBody, ZodBody } from '../../common/http/zod-body.decorator';
import { codeRequestSchema, codeVerifySchema, loginSchema, refreshSchema } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('登录 auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: '工作人员用户名密码登录；连续失败将锁定账号' })
  @ApiZodBody(loginSchema)
  login(@ZodBody(loginSchema) dto: { username: string; password: string }) {
    return this.auth.login(dto.username, dto.password);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: '用刷新令牌换取新的令牌对（旧刷新令牌随即失效）' })
  @ApiZodBody(refreshSchema)
  refresh(@ZodBody(refreshSchema) dto: { refreshToken: string }) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: '吊销刷新令牌' })
  @ApiZodBody(refreshSchema)
  async logout(@ZodBody(refreshSchema) dto: { refreshToken: string }): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }

  @Post('code')
  @HttpCode(202)
  @Public()
  @ApiOperation({ summary: '居民：向手机号发送一次性验证码（本地模式写入日志和站内信）' })
  @ApiZodBody(codeRequestSchema)
  requestCode(@ZodBody(codeRequestSchema) dto: { phone: string }) {
    return this.auth.requestCode(dto.phone);
  }

  @Post('code/verify')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: '居民：用验证码登录（一次有效）' })
  @ApiZodBody(codeVerifySchema)
  verifyCode(@ZodBody(codeVerifySchema) dto: { phone: string; code: string }) {
    return this.auth.verifyCode(dto.phone, dto.code);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前登录人及其在岗岗位' })
  me(@CurrentPrincipal() principal: Principal) {
    return principal;
  }
}
