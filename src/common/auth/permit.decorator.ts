import { SetMetadata } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';
import type { Request } from 'express';
import type { Permission } from './permissions';

/** Finds the org unit a request acts on, so the guard can check it lies in the caller's scope. */
export type UnitResolver = (req: Request, refs: ModuleRef) => Promise<string | undefined> | string | undefined;

export interface AccessRule { kind: 'public' | 'authenticated' | 'permit'; permission?: Permission; units?: UnitResolver[] }

export const ACCESS_RULE = Symbol('ACCESS_RULE');

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
/** Any signed-in person (staff or resident). */
export const Authenticated = () => SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule);
/** Callers holding a role with `permission`; with unit resolvers, only when every unit they name lies in the caller's scope. */
export const Permit = (permission: Permission, ...units: UnitResolver[]) =>
  SetMetadata(ACCESS_RULE, { kind: 'permit', permission, units } satisfies AccessRule);

export const unitFromParam = (name: string): UnitResolver => (req) => req.params[name] as string | undefined;
export const unitFromBody = (name: string): UnitResolver => (req) => (req.body as Record<string, unknown> | undefined)?.[name] as string | undefined;
export const unitFromQuery = (name: string): UnitResolver => (req) => req.query[name] as string | undefined;
