/**
 * The access token lives only in this module's memory: a reload forgets it and the httpOnly refresh cookie brings a
 * new one (silent refresh). Nothing is written to localStorage or sessionStorage.
 */
let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<(signedIn: boolean) => void>();

export const currentAccessToken = (): string | null => accessToken;

export function onSessionChange(listener: (signedIn: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

interface TokenAnswer {
  accessToken: string;
  expiresIn: number;
}

export function acceptTokens(answer: TokenAnswer): void {
  accessToken = answer.accessToken;
  clearTimeout(timer);
  // Renew a minute before expiry so a long-open page never starts a request with a dead token.
  timer = setTimeout(() => void refreshSession(), Math.max(10, answer.expiresIn - 60) * 1000);
}

export function forgetSession(): void {
  accessToken = null;
  clearTimeout(timer);
  listeners.forEach((l) => l(false));
}

async function exchangeCookie(): Promise<boolean> {
  const res = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    credentials: 'same-origin',
  });
  if (!res.ok) return false;
  acceptTokens((await res.json()) as TokenAnswer);
  return true;
}

/**
 * Trades the refresh cookie for a new access token. Refresh tokens rotate and a reused one ends every session, so
 * refreshes never overlap: one at a time in this tab, and one at a time across tabs (Web Locks) so a second tab
 * always presents the cookie the first one just received.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const ok = navigator.locks
        ? await navigator.locks.request('govflow-refresh', exchangeCookie)
        : await exchangeCookie();
      if (!ok) forgetSession();
      return ok;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** fetch with the access token; a 401 refreshes once and retries, so an expired token is invisible to the pages. */
export async function authedFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const send = (req: Request) => {
    if (accessToken) req.headers.set('authorization', `Bearer ${accessToken}`);
    return fetch(req);
  };
  const res = await send(input);
  if (res.status !== 401 || !(await refreshSession())) return res;
  return send(retry);
}
