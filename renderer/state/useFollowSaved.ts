/**
 * An editor that keeps its text in local state follows the saved value when it changes from
 * outside (another tab's newer save merged in, see mergeProgress.ts). This tab's own typing
 * changes the saved value to the editor's text, so it is a no-op then. `onReplaced` hears the
 * text that was replaced (to offer it back: a tab's code is never lost without a word).
 */
import { useEffect, useRef } from 'react';

export function useFollowSaved(
  saved: string | undefined,
  current: string,
  setCurrent: (value: string) => void,
  onReplaced?: (replaced: string) => void,
): void {
  const last = useRef(saved);
  const latest = useRef({ current, setCurrent, onReplaced });
  useEffect(() => {
    latest.current = { current, setCurrent, onReplaced };
  });
  useEffect(() => {
    if (saved === last.current) return;
    last.current = saved;
    if (saved === undefined || saved === latest.current.current) return;
    latest.current.onReplaced?.(latest.current.current);
    latest.current.setCurrent(saved);
  }, [saved]);
}
