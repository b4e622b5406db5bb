/** What changed between the two runs' code (or settings), in a collapsible list of hunks. */
import { useTranslation } from 'react-i18next';
import { memo, useMemo } from 'react';
import { changedHunks, lineDiff } from '../../viz/compare/lineDiff';
import { formatNumber } from '../../viz/run/format';

/** Lines of hunks shown at most (a file rewritten from top to bottom would be thousands). */
const SHOWN = 400;

export const CodeChanges = memo(function CodeChanges({
  a,
  b,
  labelA,
  labelB,
}: {
  a: string;
  b: string;
  labelA: string;
  labelB: string;
}) {
  const { t } = useTranslation('compare');
  const { hunks, removed, added, aligned } = useMemo(() => {
    const diff = lineDiff(a, b);
    return {
      hunks: changedHunks(diff.lines),
      removed: diff.lines.filter((l) => l.kind === 'removed').length,
      added: diff.lines.filter((l) => l.kind === 'added').length,
      aligned: diff.aligned,
    };
  }, [a, b]);
  if (hunks.length === 0)
    return (
      <p className="muted compare-code-same" data-testid="compare-code">
        {t('same')}
      </p>
    );
  const shown = hunks.slice(0, SHOWN);
  return (
    <details className="compare-code" data-testid="compare-code" open={removed + added <= 12}>
      <summary>
        {t('changed', {
          removed: t('lines', { count: removed }),
          added: t('lines', { count: added }),
          a: labelA,
          b: labelB,
        })}
        {aligned ? '' : t('notAligned')}
      </summary>
      <pre tabIndex={0} aria-label={t('differ', { a: labelA, b: labelB })}>
        {shown.map((h, i) =>
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
        {hunks.length > SHOWN && (
          <span className="gap">{`${t('more', { n: formatNumber(hunks.length - SHOWN) })}\n`}</span>
        )}
      </pre>
    </details>
  );
});
