/**
 * An editor that keeps its text in local state follows the saved value when it changes from
 * outside (another tab's newer save merged in, see mergeProgress.ts). This tab's own typing
 * changes the saved value to the editor's text, so it is a no-op then.
 */
import { useEffect, useRef } from 'react';

export function useFollowSaved(saved: string | undefined, current: string, setCurrent: (value: string) => void): void {
  const last = useRef(saved);
  const latest = useRef({ current, setCurrent });
  useEffect(() => {
    latest.current = { current, setCurrent };
  });
  useEffect(() => {
    if (saved === last.current) return;
    last.current = saved;
    if (saved !== undefined && saved !== latest.current.current) latest.current.setCurrent(saved);
  }, [saved]);
}
