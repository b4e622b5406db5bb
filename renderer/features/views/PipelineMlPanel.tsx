/**
 * Machine learning in production, at the playback's instant (engine/pipeline mlTracker.ts): the
 * served predictions' error per minute over the run with deployments, drifts and unscored minutes
 * marked; what serves at that instant, the last full minute's error and the last drift; the
 * registry of the models trained by then; and, at the end, the error pump by pump over the run's
 * last 10 minutes. Nothing when no part of the pipeline trains or serves a model.
 */
import type { PipelineResult } from '../../../engine/pipeline';
import { at, kw, mlAt, mlNowLines, SERVED_MINUTE_MS } from '../../viz/views/mlAt';
import { MlByPumpTable } from './MlByPumpTable';
import { MlErrorChart } from './MlErrorChart';
import { MlRegistryTable } from './MlRegistryTable';
import './views.css';
import './ml.css';

export interface PipelineMlPanelProps {
  result: PipelineResult;
  /** The playback's time, ms of the run. */
  t: number;
}

export function PipelineMlPanel({ result, t }: PipelineMlPanelProps) {
  const { ml } = result;
  if (!ml) return null;
  const now = mlAt(ml, t);
  const last = now.lastMinute;
  const nowText =
    last === null
      ? 'no minute has ended yet.'
      : last.mae === null
        ? `no reading scored in the last full minute.`
        : `${kw(last.mae)} in the last full minute.`;
  return (
    <section className="views-panel ml-panel" aria-labelledby="ml-panel-title" data-testid="pipeline-ml">
      <h3 id="ml-panel-title">The models in production</h3>
      <section className="views-board" aria-labelledby="ml-now-title" data-testid="ml-now">
        <h4 id="ml-now-title">At {at(t)}</h4>
        <ul className="views-now">
          {mlNowLines(now).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <MlErrorChart
          ml={ml}
          spanMs={result.simulatedMs}
          t={t}
          now={nowText}
          nowPoint={last?.mae != null ? { t: last.t + SERVED_MINUTE_MS, mae: last.mae } : null}
        />
      </section>
      <MlRegistryTable ml={ml} t={t} />
      <section className="views-board" aria-label="The error pump by pump">
        <MlByPumpTable ml={ml} endMs={result.simulatedMs} t={t} />
      </section>
    </section>
  );
}
