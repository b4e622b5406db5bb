/** One side of the compare view: a run's cluster map and its pictures at the shared playback instant. */
import type { KeptRun } from '../../state/runHistory';
import { ClusterMapView, useClusterTimeline } from '../cluster/ClusterMapView';
import { RunPanels } from '../run/RunPanels';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { formatSimTime } from '../cluster/PlaybackBar';

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
  return (
    <section className="compare-side" aria-label={name} data-testid="compare-side">
      <h3>
        {name}
        <span className="muted">
          {' '}
          · {formatSimTime(shown)} of {formatSimTime(end)}
          {t > end ? ' · finished' : ''}
        </span>
      </h3>
      <ErrorBoundary what={`${name}'s cluster map`} part="compare-map">
        <ClusterMapView timeline={timeline} t={shown} simMsPerSecond={simMsPerSecond} />
      </ErrorBoundary>
      {run.report.kind !== 'hdfs' && (
        <ErrorBoundary what={`${name}'s pictures`} part="compare-panels">
          <RunPanels report={run.report} nodes={run.nodes} t={shown} />
        </ErrorBoundary>
      )}
    </section>
  );
}
