import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../../common/errors/domain-error';
import { ACCESS_RULE, AccessRule } from '../../common/auth/permit.decorator';
import type { Principal } from '../../common/auth/principal';
import type { AuthorizedRequest } from '../../common/auth/current-principal.decorator';
import { currentRequest } from '../../common/http/request-context';
import { AuthService } from '../auth/auth.service';
import { PolicyService } from './policy.service';

/**
 * Global guard: every route must declare @Public, @Authenticated or @Permit; a route that declares none is refused,
 * so a forgotten declaration fails closed (and the route × role test names it).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly policy: PolicyService,
    private readonly refs: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new DomainError('FORBIDDEN', '该接口未声明访问规则');
    if (rule.kind === 'public') return true;
    const req = context.switchToHttp().getRequest<Request & Partial<AuthorizedRequest>>();
    const principal = await this.authenticate(req);
    req.principal = principal;
    const ctx = currentRequest();
    if (ctx) ctx.principal = principal;
    if (rule.kind === 'authenticated' || !rule.permission) return true;
    req.scope = this.policy.scopeFor(principal, rule.permission);
    for (const resolve of rule.units ?? []) {
      const unitId = await resolve(req, this.refs);
      if (unitId) await this.policy.assertUnit(principal, rule.permission, unitId);
    }
    return true;
  }

  private authenticate(req: Request): Promise<Principal> {
    const header = req.header('authorization');
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw new DomainError('UNAUTHENTICATED', '请先登录（缺少 Authorization: Bearer 令牌）');
    return this.auth.authenticate(match[1]);
  }
}
