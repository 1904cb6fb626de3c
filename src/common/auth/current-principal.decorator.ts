import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from './principal';
import type { UnitScope } from './unit-scope';

export interface AuthorizedRequest {
  principal: Principal;
  scope?: UnitScope;
}

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest<AuthorizedRequest>().principal,
);

/** The caller's scope for the permission the route declared with @Permit (set by the access guard). */
export const CurrentScope = createParamDecorator((_: unknown, ctx: ExecutionContext): UnitScope => {
  const scope = ctx.switchToHttp().getRequest<AuthorizedRequest>().scope;
  if (!scope) throw new Error('CurrentScope used on a route without @Permit');
  return scope;
});
