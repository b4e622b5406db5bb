/**
 * A callback that keeps its identity across renders and always calls the latest `fn`. Handed to
 * a memoised child (RunArea), it lets the child skip the parent's re-renders: a run's progress
 * re-renders the page several times a second, and each re-render of the run's pictures redrew the
 * cluster map and the timeline while the engine and the sandbox shared the cores with it.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useLatestCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
