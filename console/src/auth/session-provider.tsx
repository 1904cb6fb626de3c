import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, errorMessage, type Me } from '../api/client';
import { acceptTokens, forgetSession, onSessionChange, refreshSession } from '../api/session-token';
import { permissionsOf } from './permissions';
import { SessionContext, type Session } from './session-context';

/** Signs in silently on load from the refresh cookie, and knows who is signed in and what they may do. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Session['status']>('loading');
  const [me, setMe] = useState<Me | null>(null);

  const loadMe = useCallback(async () => {
    const { data } = await api.GET('/api/v1/auth/me');
    setMe(data ?? null);
    setStatus(data ? 'signed-in' : 'anonymous');
  }, []);

  useEffect(() => {
    void refreshSession().then((ok) => (ok ? loadMe() : setStatus('anonymous')));
    return onSessionChange((signedIn) => {
      if (!signedIn) {
        setMe(null);
        setStatus('anonymous');
      }
    });
  }, [loadMe]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const { data, error } = await api.POST('/api/v1/auth/login', {
        body: { username, password, refreshTokenIn: 'cookie' },
      });
      if (!data) return errorMessage(error, '登录失败，请稍后重试');
      acceptTokens(data);
      await loadMe();
      return null;
    },
    [loadMe],
  );

  const signInWithCode = useCallback(
    async (phone: string, code: string) => {
      const { data, error } = await api.POST('/api/v1/auth/code/verify', {
        body: { phone, code, refreshTokenIn: 'cookie' },
      });
      if (!data) return errorMessage(error, '登录失败，请稍后重试');
      acceptTokens(data);
      await loadMe();
      return null;
    },
    [loadMe],
  );

  const signOut = useCallback(async () => {
    await api.POST('/api/v1/auth/logout', { body: {} }).catch(() => undefined);
    forgetSession();
  }, []);

  const value = useMemo<Session>(
    () => ({ status, me, permissions: permissionsOf(me), signIn, signInWithCode, signOut }),
    [status, me, signIn, signInWithCode, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
