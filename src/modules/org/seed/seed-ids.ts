import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id (version 5 layout) derived from a stable code, so the same seed always
 * writes the same primary keys and later features can refer to seeded rows by code.
 */
export function seedId(code: string): string {
  const hex = createHash('sha1').update(`govflow-seed:${code}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
