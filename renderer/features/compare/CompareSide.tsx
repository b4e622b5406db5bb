/** One side of the compare view: a run's cluster map and its pictures at the shared playback instant. */
import { useTranslation } from 'react-i18next';
import type { KeptRun } from '../../state/runHistory';
import { ClusterMapView, useClusterTimeline } from '../cluster/ClusterMapView';
import { RunPanels } from '../run/RunPanels';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { seconds } from '../../viz/views/durationWords';

export function CompareSide({
  name,
  run,
  t,
  simMsPerSecond,
}: {
  name: string;
  run: KeptRun;
  t: number;
  simMsPerSecond: number;
}) {
  const timeline = useClusterTimeline(run.nodes, run.report.trace);
  const end = run.report.simulatedMs;
  const shown = Math.min(t, end);
  const { t: text } = useTranslation('compare');
  return (
    <section className="compare-side" aria-label={name} data-testid="compare-side">
      <h3>
        {name}
        <span className="muted">
          {text('sideTime', { shown: seconds(shown), end: seconds(end) })}
          {t > end ? text('finished') : ''}
        </span>
      </h3>
      <ErrorBoundary what={text('sideMap', { name })} part="compare-map">
        <ClusterMapView timeline={timeline} t={shown} simMsPerSecond={simMsPerSecond} />
      </ErrorBoundary>
      {run.report.kind !== 'hdfs' && (
        <ErrorBoundary what={text('sidePictures', { name })} part="compare-panels">
          <RunPanels report={run.report} nodes={run.nodes} t={shown} />
        </ErrorBoundary>
      )}
    </section>
  );
}
