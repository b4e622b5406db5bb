/**
 * "Compare runs": opens the compare view (CompareDialog) on this session's runs of the step,
 * with the run on screen as B and the one before it as A. With a single run so far, the view
 * opens on it alone and says how to get a second one.
 */
import { useState } from 'react';
import { useRunHistory, type KeptRun } from '../../state/runHistory';
import type { ComparedReport } from '../../viz/compare/runDifference';
import { CompareDialog } from './CompareDialog';

const NONE: KeptRun[] = [];

export function CompareButton({
  runsKey,
  current,
  onOpen,
}: {
  runsKey: string;
  current: ComparedReport;
  onOpen?(): void;
}) {
  const runs = useRunHistory((s) => s.runs[runsKey] ?? NONE);
  const [open, setOpen] = useState<[number, number] | null>(null);
  if (runs.length === 0) return null;
  const show = () => {
    const at = runs.findIndex((r) => r.report === current);
    const b = at >= 0 ? at : runs.length - 1;
    const a = b > 0 ? b - 1 : runs.length > 1 ? b + 1 : b;
    onOpen?.();
    setOpen([runs[a]!.number, runs[b]!.number]);
  };
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={show}
        title="Two runs of this step side by side on one clock, with what differs"
        data-testid="compare-runs"
      >
        Compare runs{runs.length > 1 ? ` (${runs.length})` : ''}
      </button>
      {open && <CompareDialog runs={runs} initial={open} onClose={() => setOpen(null)} />}
    </>
  );
}
