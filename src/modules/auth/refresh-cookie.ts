import type { Request, Response } from 'express';

/**
 * The browser console keeps its refresh token in this cookie, never in script-readable storage: httpOnly (script
 * cannot read it), SameSite=Strict (no cross-site request carries it), Secure when the request came over TLS, and
 * sent only to /api/v1/auth, where refresh and logout are its only readers.
 */
export const REFRESH_COOKIE = 'govflow_rt';
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

export function refreshTokenFromCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return value ? decodeURIComponent(value) : undefined;
    }
  }
  return undefined;
}

export function setRefreshCookie(req: Request, res: Response, token: string, maxAgeDays: number): void {
  res.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: REFRESH_COOKIE_PATH,
    maxAge: maxAgeDays * 86_400_000,
  });
}

export function clearRefreshCookie(req: Request, res: Response): void {
  res.clearCookie(REFRESH_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: REFRESH_COOKIE_PATH,
  });
}
