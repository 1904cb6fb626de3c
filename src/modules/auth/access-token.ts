import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';

export interface AccessClaims {
  sub: string;
  kind: 'STAFF' | 'RESIDENT';
  iat: number;
  exp: number;
  jti: string;
}

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');
const HEADER = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

/** Short-lived HS256 JWTs. Positions are not in the token: they are read per request, so a revoked position bites at once. */
export function signAccessToken(
  secret: string,
  personId: string,
  kind: AccessClaims['kind'],
  ttlSeconds: number,
  nowMs: number,
): string {
  const iat = Math.floor(nowMs / 1000);
  const payload = b64(JSON.stringify({ sub: personId, kind, iat, exp: iat + ttlSeconds, jti: randomUUID() }));
  return `${HEADER}.${payload}.${sign(secret, `${HEADER}.${payload}`)}`;
}

export function verifyAccessToken(secret: string, token: string, nowMs: number): AccessClaims {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature || header !== HEADER) throw invalid();
  const expected = Buffer.from(sign(secret, `${header}.${payload}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  let claims: AccessClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as AccessClaims;
  } catch {
    throw invalid();
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs) {
    throw new DomainError('TOKEN_EXPIRED', '访问令牌已过期，请使用刷新令牌续期');
  }
  return claims;
}

const sign = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('base64url');
const invalid = () => new DomainError('TOKEN_INVALID', '访问令牌无效');
