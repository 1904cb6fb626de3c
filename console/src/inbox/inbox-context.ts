import { createContext, useContext, useEffect } from 'react';

export interface InboxLive {
  /** null until the first count has arrived */
  unread: number | null;
  /** Called on every new message or read change (the inbox page reloads its rows). */
  subscribe(listener: () => void): () => void;
  refreshUnread(): Promise<void>;
}

export const InboxContext = createContext<InboxLive>({
  unread: null,
  subscribe: () => () => undefined,
  refreshUnread: async () => undefined,
});

export const useInbox = (): InboxLive => useContext(InboxContext);

export function useInboxChanges(listener: () => void): void {
  const { subscribe } = useInbox();
  useEffect(() => subscribe(listener), [subscribe, listener]);
}
