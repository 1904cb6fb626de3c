import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { ModuleRef } from '@nestjs/core';
import type { Request } from 'express';
import { ApiErrors } from '../http/api-responses';
import type { Permission } from './permissions';

/** Finds the org unit a request acts on, so the guard can check it lies in the caller's scope. */
export type UnitResolver = (req: Request, refs: ModuleRef) => Promise<string | undefined> | string | undefined;

export interface AccessRule {
  kind: 'public' | 'authenticated' | 'permit';
  permission?: Permission;
  units?: UnitResolver[];
}

export const ACCESS_RULE = Symbol('ACCESS_RULE');

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
/** Any signed-in person (staff or resident). */
export const Authenticated = () =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule), ApiBearerAuth());
/**
 * Callers holding a role with `permission` (else 403); with unit resolvers, only when every unit they name lies in
 * the caller's scope (else 404, so its existence is not revealed).
 */
export const Permit = (permission: Permission, ...units: UnitResolver[]) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { kind: 'permit', permission, units } satisfies AccessRule),
    ApiBearerAuth(),
    units.length ? ApiErrors(403, 404) : ApiErrors(403),
  );

export const unitFromParam =
  (name: string): UnitResolver =>
  (req) =>
    req.params[name] as string | undefined;
export const unitFromBody =
  (name: string): UnitResolver =>
  (req) =>
    (req.body as Record<string, unknown> | undefined)?.[name] as string | undefined;
export const unitFromQuery =
  (name: string): UnitResolver =>
  (req) =>
    req.query[name] as string | undefined;
