/**
 * The served error pump by pump over the run's last 10 minutes: an end-of-run figure, titled so
 * that it holds at every instant and folded away until the playback reaches that stretch (the
 * learner may open it sooner); pumps above 3 kW highlighted.
 */
import type { MlReport } from '../../../engine/pipeline';
import { seconds } from '../../../labs/checkKit';
import { mlByKey, byKeySentence, lastStretch, PUMP_HIGHLIGHT_KW } from '../../viz/views/mlByKey';

export function MlByPumpTable({ ml, endMs, t }: { ml: MlReport; endMs: number; t: number }) {
  const { fromMs, reached } = lastStretch(ml, endMs, t);
  const rows = mlByKey(ml);
  return (
    <details className="views-final" open={reached} data-testid="ml-by-pump">
      <summary>
        Pump by pump over the run&apos;s last 10 minutes ({seconds(fromMs)} to {seconds(endMs)})
        {!reached && <span className="views-sub"> (opens by itself when the playback gets there)</span>}
      </summary>
      <p className="views-sentence">{byKeySentence(ml)}</p>
      {rows.length > 0 && (
        <table className="views-table ml-pump-table">
          <caption className="sr-only">
            Served predictions per pump over the run&apos;s last 10 minutes; above {PUMP_HIGHLIGHT_KW} kW highlighted
          </caption>
          <thead>
            <tr>
              <th scope="col">Pump</th>
              <th scope="col">Predictions</th>
              <th scope="col">Mean absolute error</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className={r.over ? 'views-differs' : undefined}>
                <th scope="row">pump {r.key}</th>
                <td>{r.scored}</td>
                <td>
                  {r.mae}
                  {r.over && <span className="sr-only"> (above {PUMP_HIGHLIGHT_KW} kW)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
