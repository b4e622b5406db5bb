/**
 * A callback that keeps its identity across renders and always calls the latest `fn`: for the
 * editor's Ctrl/Cmd+Enter, which keeps the function it was given, and for memoised children
 * (RunArea), which then skip the parent's re-renders (a run's progress re-renders the page ten
 * times a second; each re-render of the previous run's pictures redrew its cluster map and
 * timeline on the cores the engine and the sandbox compute on).
 */
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useLatestCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
