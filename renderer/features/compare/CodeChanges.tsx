/** What changed between the two runs' code (or settings) and faults, in a collapsible list of hunks. */
import { useMemo } from 'react';
import { changedHunks, lineDiff } from '../../viz/compare/lineDiff';
import { plural } from '../../../labs/plural';

export function CodeChanges({ a, b, labelA, labelB }: { a: string; b: string; labelA: string; labelB: string }) {
  const hunks = useMemo(() => changedHunks(lineDiff(a, b)), [a, b]);
  const removed = hunks.filter((h) => h?.kind === 'removed').length;
  const added = hunks.filter((h) => h?.kind === 'added').length;
  if (hunks.length === 0)
    return (
      <p className="muted compare-code-same" data-testid="compare-code">
        Same code in both runs.
      </p>
    );
  return (
    <details className="compare-code" data-testid="compare-code" open={removed + added <= 12}>
      <summary>
        What changed in the code: {plural(removed, 'line')} only in {labelA}, {plural(added, 'line')} only in {labelB}
      </summary>
      <pre tabIndex={0} aria-label={`Lines that differ between ${labelA} and ${labelB}`}>
        {hunks.map((h, i) =>
          h === null ? (
            <span key={i} className="gap">
              {'   …\n'}
            </span>
          ) : (
            <span key={i} className={h.kind}>
              {`${h.kind === 'removed' ? '−' : h.kind === 'added' ? '+' : ' '} ${String(h.line).padStart(4)}  ${h.text}\n`}
            </span>
          ),
        )}
      </pre>
    </details>
  );
}
