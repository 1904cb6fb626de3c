import { signAccessToken, verifyAccessToken } from './access-token';

const secret = 's'.repeat(32);
const now = Date.UTC(2026, 0, 5, 1, 0, 0);

describe('access tokens', () => {
  it('round-trips the person and kind while valid', () => {
    const token = signAccessToken(secret, 'p1', 'STAFF', 900, now);
    expect(verifyAccessToken(secret, token, now + 899_000)).toMatchObject({ sub: 'p1', kind: 'STAFF' });
  });

  it('expires after its lifetime', () => {
    const token = signAccessToken(secret, 'p1', 'STAFF', 900, now);
    expect(() => verifyAccessToken(secret, token, now + 900_000)).toThrow(
      expect.objectContaining({ code: 'TOKEN_EXPIRED' }),
    );
  });

  it('rejects a token signed with another secret or with an edited payload', () => {
    const token = signAccessToken(secret, 'p1', 'RESIDENT', 900, now);
    expect(() => verifyAccessToken('t'.repeat(32), token, now)).toThrow(
      expect.objectContaining({ code: 'TOKEN_INVALID' }),
    );
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'admin', kind: 'STAFF', iat: 0, exp: 9e9, jti: 'x' })).toString(
      'base64url',
    );
    expect(() => verifyAccessToken(secret, `${h}.${forged}.${s}`, now)).toThrow(
      expect.objectContaining({ code: 'TOKEN_INVALID' }),
    );
    expect(() => verifyAccessToken(secret, 'garbage', now)).toThrow(expect.objectContaining({ code: 'TOKEN_INVALID' }));
  });
});
