/**
 * "Compare runs": opens the compare view (CompareHost) on this session's runs of the step, with
 * the run on screen (or the latest) as B and the one before it as A. With a single run so far,
 * the view opens on it alone and says how to get a second one.
 */
import { useTranslation } from 'react-i18next';
import { useRunHistory, type KeptRun } from '../../state/runHistory';
import type { ComparedReport } from '../../viz/compare/runDifference';

const NONE: KeptRun[] = [];

export function CompareButton({
  runsKey,
  current = null,
  onOpen,
}: {
  runsKey: string;
  /** The run on screen, if any. */
  current?: ComparedReport | null;
  onOpen?(): void;
}) {
  const { t } = useTranslation('compare');
  const runs = useRunHistory((s) => s.runs[runsKey] ?? NONE);
  const openCompare = useRunHistory((s) => s.openCompare);
  if (runs.length === 0) return null;
  const show = (opener: HTMLElement) => {
    const at = runs.findIndex((r) => r.report === current);
    const b = at >= 0 ? at : runs.length - 1;
    const a = b > 0 ? b - 1 : runs.length > 1 ? b + 1 : b;
    onOpen?.();
    openCompare({ key: runsKey, a: runs[a]!.number, b: runs[b]!.number, opener });
  };
  return (
    <button
      type="button"
      className="btn"
      onClick={(e) => show(e.currentTarget)}
      title={t('buttonTitle')}
      data-testid="compare-runs"
    >
      {runs.length > 1 ? t('buttonCount', { n: runs.length }) : t('button')}
    </button>
  );
}
