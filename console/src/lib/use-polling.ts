import { useEffect, useRef } from 'react';

/**
 * Calls `load` now and every `ms` while the tab is visible (and once more when it becomes visible again), so other
 * people's steps, clocks and escalations show up while a page is open. A slow answer never overlaps the next call.
 */
export function usePolling(load: () => Promise<unknown>, ms = 5000): void {
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    let busy = false;
    const tick = () => {
      if (busy || document.visibilityState !== 'visible') return;
      busy = true;
      void latest.current().finally(() => {
        busy = false;
      });
    };
    tick();
    const timer = setInterval(tick, ms);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [load, ms]);
}
