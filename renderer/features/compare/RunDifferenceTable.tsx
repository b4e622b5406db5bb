/** The difference summary of two runs: each figure for run A and run B, and B against A in words. */
import { useTranslation } from 'react-i18next';
import { memo } from 'react';
import { showFigure, type DifferenceRow } from '../../viz/compare/runDifference';

export const RunDifferenceTable = memo(function RunDifferenceTable({
  rows,
  a,
  b,
}: {
  rows: DifferenceRow[];
  a: string;
  b: string;
}) {
  const { t } = useTranslation('compare');
  return (
    <table className="grid compare-summary" aria-label={t('summary')} data-testid="compare-summary">
      <thead>
        <tr>
          <th scope="col">{t('figure')}</th>
          <th scope="col" className="num">
            {a}
          </th>
          <th scope="col" className="num">
            {b}
          </th>
          <th scope="col">{t('against', { a, b })}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-figure={r.id}>
            <th scope="row" title={r.title}>
              {r.label}
            </th>
            <td className="num">{showFigure(r.unit, r.a)}</td>
            <td className="num">{showFigure(r.unit, r.b)}</td>
            <td className={r.better === 'b' ? 'better' : r.better === 'a' ? 'worse' : undefined}>
              {r.change}
              {r.better !== null && <span className="sr-only">{r.better === 'b' ? t('better') : t('worse')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
