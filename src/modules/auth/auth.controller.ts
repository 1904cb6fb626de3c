import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';
import { DomainError } from '../../common/errors/domain-error';
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
import { AuthService, type TokenPair } from './auth.service';
import { clearRefreshCookie, refreshTokenFromCookie, setRefreshCookie } from './refresh-cookie';
import { ApiErrors, ApiZodResponse, ResponseOf } from '../../common/http/api-responses';

@ApiTags('登录 auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** In cookie mode the refresh token never reaches script: it goes into the httpOnly cookie and out of the body. */
  private deliver(req: Request, res: Response, pair: TokenPair, inCookie: boolean): ResponseOf<typeof tokenPairSchema> {
    if (!inCookie) return pair;
    setRefreshCookie(req, res, pair.refreshToken, this.config.REFRESH_TOKEN_TTL_DAYS);
    const { refreshToken: _kept, ...rest } = pair;
    return rest;
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary:
      '工作人员用户名密码登录；连续失败将锁定账号。refreshTokenIn=cookie 时刷新令牌只写入 httpOnly Cookie（浏览器控制台）',
  })
  @ApiZodResponse(200, tokenPairSchema)
  @ApiErrors(401, 423)
  @ApiZodBody(loginSchema)
  async login(
    @ZodBody(loginSchema) dto: { username: string; password: string; refreshTokenIn: 'body' | 'cookie' },
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResponseOf<typeof tokenPairSchema>> {
    return this.deliver(req, res, await this.auth.login(dto.username, dto.password), dto.refreshTokenIn === 'cookie');
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary:
      '用刷新令牌换取新的令牌对（旧刷新令牌随即失效）；请求体不带刷新令牌时使用 Cookie 中的，新令牌也写回 Cookie',
  })
  @ApiZodResponse(200, tokenPairSchema)
  @ApiErrors(401)
  @ApiZodBody(refreshSchema)
  async refresh(
    @ZodBody(refreshSchema) dto: { refreshToken?: string },
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResponseOf<typeof tokenPairSchema>> {
    const fromCookie = dto.refreshToken ? undefined : refreshTokenFromCookie(req);
    const token = dto.refreshToken ?? fromCookie;
    if (!token) throw new DomainError('UNAUTHENTICATED', '未登录或登录已过期，请重新登录');
    try {
      return this.deliver(req, res, await this.auth.refresh(token), fromCookie !== undefined);
    } catch (err) {
      // A dead cookie is dropped so the browser stops presenting it.
      if (fromCookie !== undefined) clearRefreshCookie(req, res);
      throw err;
    }
  }

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({ summary: '吊销刷新令牌（请求体中的，或 Cookie 中的）并清除 Cookie；两处都没有时只清除 Cookie' })
  @ApiResponse({ status: 204, description: '已吊销' })
  @ApiErrors(401)
  @ApiZodBody(refreshSchema)
  async logout(
    @ZodBody(refreshSchema) dto: { refreshToken?: string },
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const fromCookie = refreshTokenFromCookie(req);
    clearRefreshCookie(req, res);
    const token = dto.refreshToken ?? fromCookie;
    if (token) await this.auth.logout(token);
  }

  @Post('code')
  @HttpCode(202)
  @Public()
  @ApiOperation({ summary: '居民：向手机号发送一次性验证码（本地模式写入日志和站内信）' })
  @ApiZodResponse(202, codeSentSchema, '已发送')
  @ApiErrors(429)
  @ApiZodBody(codeRequestSchema)
  requestCode(@ZodBody(codeRequestSchema) dto: { phone: string }): Promise<ResponseOf<typeof codeSentSchema>> {
    return this.auth.requestCode(dto.phone);
  }

  @Post('code/verify')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: '居民：用验证码登录（一次有效）；refreshTokenIn=cookie 时刷新令牌只写入 httpOnly Cookie（居民手机页面）',
  })
  @ApiZodResponse(200, tokenPairSchema)
  @ApiErrors(401, 429)
  @ApiZodBody(codeVerifySchema)
  async verifyCode(
    @ZodBody(codeVerifySchema) dto: { phone: string; code: string; refreshTokenIn: 'body' | 'cookie' },
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ResponseOf<typeof tokenPairSchema>> {
    return this.deliver(req, res, await this.auth.verifyCode(dto.phone, dto.code), dto.refreshTokenIn === 'cookie');
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
