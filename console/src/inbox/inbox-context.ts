import { createContext, useContext, useEffect } from 'react';

export interface InboxLive {
  unread: number;
  /** Called on every new message or read change (the inbox page reloads its rows). */
  subscribe(listener: () => void): () => void;
  refreshUnread(): Promise<void>;
}

export const InboxContext = createContext<InboxLive>({
  unread: 0,
  subscribe: () => () => undefined,
  refreshUnread: async () => undefined,
});

export const useInbox = (): InboxLive => useContext(InboxContext);

export function useInboxChanges(listener: () => void): void {
  const { subscribe } = useInbox();
  useEffect(() => subscribe(listener), [subscribe, listener]);
}
