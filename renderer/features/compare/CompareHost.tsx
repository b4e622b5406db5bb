/**
 * Where the compare view lives: once, beside the pages (App.tsx), so that a run ending or the
 * run area re-mounting while it is open does not close it, and outside the run panel's live
 * region (its clock would be read out on every frame). Leaving the page closes it; closing it
 * puts the focus back on what opened it, or on a "Compare runs" button still on the page.
 */
import { useEffect, useRef } from 'react';
import { useRunHistory, type KeptRun } from '../../state/runHistory';
import { useAppStore } from '../../state/store';
import { viewToHash } from '../../state/router';
import { CompareDialog } from './CompareDialog';

const NONE: KeptRun[] = [];

export function CompareHost() {
  const request = useRunHistory((s) => s.compare);
  const runs = useRunHistory((s) => (s.compare ? (s.runs[s.compare.key] ?? NONE) : NONE));
  const close = useRunHistory((s) => s.closeCompare);
  const page = useAppStore((s) => viewToHash(s.view));
  const openedOn = useRef<string | null>(null);

  useEffect(() => {
    if (!request) openedOn.current = null;
    else if (openedOn.current === null) openedOn.current = page;
    else if (openedOn.current !== page) close();
  }, [request, page, close]);

  if (!request || runs.length === 0) return null;
  const onClose = () => {
    close();
    const back =
      request.opener?.isConnected === true
        ? request.opener
        : document.querySelector<HTMLElement>('[data-testid="compare-runs"]');
    back?.focus();
  };
  return <CompareDialog key={request.key} runs={runs} initial={[request.a, request.b]} onClose={onClose} />;
}
