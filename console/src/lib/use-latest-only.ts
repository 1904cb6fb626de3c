import { useCallback, useRef } from 'react';

/**
 * Keeps answers that arrive out of order from undoing newer state: a poll sent just before a step can come back after
 * the step's own answer and would show the page as it was. `begin()` marks a new request (or a local update) and
 * returns a check whether it is still the latest when its answer arrives.
 */
export function useLatestOnly(): () => () => boolean {
  const latest = useRef(0);
  return useCallback(() => {
    const mine = ++latest.current;
    return () => mine === latest.current;
  }, []);
}
