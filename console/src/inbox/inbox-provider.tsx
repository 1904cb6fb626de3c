import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { useLatestOnly } from '../lib/use-latest-only';
import { InboxContext, type InboxLive } from './inbox-context';
import { followInboxStream } from './sse-stream';

/** The unread count, kept live by the inbox stream: new messages and reads elsewhere show without a reload. */
export function InboxProvider({ children }: { children: ReactNode }) {
  // null until the first count arrives: the bell never shows a made-up 0
  const [unread, setUnread] = useState<number | null>(null);
  const listeners = useRef(new Set<() => void>());
  const begin = useLatestOnly();

  const refreshUnread = useCallback(async () => {
    const latest = begin();
    const { data } = await api.GET('/api/v1/inbox/unread-count');
    if (data && latest()) setUnread(data.unread);
  }, [begin]);

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
