/**
 * The served error pump by pump over the run's last 10 minutes: an end-of-run figure, titled so
 * that it holds at every instant and folded away until the playback reaches that stretch (the
 * learner may open it sooner); pumps above 3 kW highlighted.
 */
import { useTranslation } from 'react-i18next';
import type { MlReport } from '../../../engine/pipeline';
import { seconds } from '../../viz/views/durationWords';
import { mlByKey, byKeySentence, lastStretch, PUMP_HIGHLIGHT_KW } from '../../viz/views/mlByKey';

export function MlByPumpTable({ ml, endMs, t: at }: { ml: MlReport; endMs: number; t: number }) {
  const { t } = useTranslation('views');
  const { fromMs, reached } = lastStretch(ml, endMs, at);
  const rows = mlByKey(ml);
  const limit = PUMP_HIGHLIGHT_KW;
  return (
    <details className="views-final" open={reached} data-testid="ml-by-pump">
      <summary>
        {t('pumps.summary', { from: seconds(fromMs), to: seconds(endMs) })}
        {!reached && <span className="views-sub"> ({t('opensLater')})</span>}
      </summary>
      <p className="views-sentence">{byKeySentence(ml)}</p>
      {rows.length > 0 && (
        <table className="views-table ml-pump-table">
          <caption className="sr-only">{t('pumps.caption', { limit })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pumps.pump')}</th>
              <th scope="col">{t('pumps.predictions')}</th>
              <th scope="col">{t('pumps.error')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={r.over ? 'views-differs' : undefined}>
                <th scope="row">{t('pumps.row', { id: r.key })}</th>
                <td>{r.scored}</td>
                <td>
                  {r.mae}
                  {r.over && <span className="sr-only"> ({t('pumps.above', { limit })})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
