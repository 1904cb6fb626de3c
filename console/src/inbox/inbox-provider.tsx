import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { InboxContext, type InboxLive } from './inbox-context';
import { followInboxStream } from './sse-stream';

/** The unread count, kept live by the inbox stream: new messages and reads elsewhere show without a reload. */
export function InboxProvider({ children }: { children: ReactNode }) {
  const [unread, setUnread] = useState(0);
  const listeners = useRef(new Set<() => void>());

  const refreshUnread = useCallback(async () => {
    const { data } = await api.GET('/api/v1/inbox/unread-count');
    if (data) setUnread(data.unread);
  }, []);

  useEffect(
    () =>
      followInboxStream(
        (e) => {
          if (e.event === 'message' || e.event === 'read') {
            void refreshUnread();
            listeners.current.forEach((l) => l());
          }
        },
        () => void refreshUnread(),
      ),
    [refreshUnread],
  );

  const subscribe = useCallback((listener: () => void) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);

  const value = useMemo<InboxLive>(() => ({ unread, subscribe, refreshUnread }), [unread, subscribe, refreshUnread]);
  return <InboxContext.Provider value={value}>{children}</InboxContext.Provider>;
}
