import { createContext, useContext } from 'react';
import type { Permission } from '../../../src/common/auth/permissions';
import type { Me } from '../api/client';

export interface Session {
  status: 'loading' | 'anonymous' | 'signed-in';
  me: Me | null;
  permissions: ReadonlySet<Permission>;
  signIn(username: string, password: string): Promise<string | null>;
  /** A resident's sign-in with the one-time code sent to their phone; the API's message when refused. */
  signInWithCode(phone: string, code: string): Promise<string | null>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
