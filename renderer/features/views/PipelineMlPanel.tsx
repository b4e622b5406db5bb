/**
 * Machine learning in production, at the playback's instant (engine/pipeline mlTracker.ts): the
 * served predictions' error per minute over the run with deployments, drifts and unscored minutes
 * marked; what serves at that instant, the last full minute's error and the last drift; the
 * registry of the models trained by then; and, at the end, the error pump by pump over the run's
 * last 10 minutes. Nothing when no part of the pipeline trains or serves a model.
 */
import { useTranslation } from 'react-i18next';
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

export function PipelineMlPanel({ result, t: time }: PipelineMlPanelProps) {
  const { t, i18n } = useTranslation('views');
  const { ml } = result;
  if (!ml) return null;
  const now = mlAt(ml, time);
  const last = now.lastMinute;
  const nowText =
    last === null
      ? t('ml.nowNoMinute')
      : last.mae === null
        ? t('ml.nowNoneScored')
        : t('ml.nowError', { error: kw(last.mae) });
  return (
    <section className="views-panel ml-panel" aria-labelledby="ml-panel-title" data-testid="pipeline-ml">
      <h3 id="ml-panel-title">{t('ml.title')}</h3>
      <section className="views-board" aria-labelledby="ml-now-title" data-testid="ml-now">
        <h4 id="ml-now-title">{t('ml.at', { time: at(time) })}</h4>
        <ul className="views-now">
          {mlNowLines(now).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <MlErrorChart
          key={i18n.language}
          ml={ml}
          spanMs={result.simulatedMs}
          t={time}
          now={nowText}
          nowPoint={last?.mae != null ? { t: last.t + SERVED_MINUTE_MS, mae: last.mae } : null}
        />
      </section>
      <MlRegistryTable ml={ml} t={time} />
      <section className="views-board" aria-label={t('ml.byPumpLabel')}>
        <MlByPumpTable ml={ml} endMs={result.simulatedMs} t={time} />
      </section>
    </section>
  );
}
