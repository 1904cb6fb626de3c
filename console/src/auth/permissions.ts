import { mayConfigureDistrict, rolePermissions, type Permission } from '../../../src/common/auth/permissions';
import type { Me } from '../api/client';

/**
 * What the menus and routes offer, from the same role × permission table the API decides with. The API still
 * refuses whatever the console would wrongly offer; this only keeps people from seeing what they may not open.
 */
export function permissionsOf(me: Me | null): ReadonlySet<Permission> {
  const granted = new Set<Permission>();
  for (const p of me?.positions ?? []) {
    for (const permission of rolePermissions[p.role as keyof typeof rolePermissions] ?? []) granted.add(permission);
  }
  return granted;
}

/** District-wide settings (process policies, the base calendar): an administrator or a district-level supervisor. */
export const mayConfigureDistrictSettings = (me: Me | null): boolean =>
  !!me && mayConfigureDistrict({ positions: me.positions } as unknown as Parameters<typeof mayConfigureDistrict>[0]);

export { Permission } from '../../../src/common/auth/permissions';
