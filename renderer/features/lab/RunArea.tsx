/**
 * What a run shows: the playback bar with fault injection, the cluster map, and the job's
 * timeline, DAG, data flow, counters and output (or, for HDFS steps, the block map), all on one
 * playback clock.
 */
import { useTranslation } from 'react-i18next';
import { memo, useMemo, useState } from 'react';
import type { FaultSpec } from '../../../engine/cluster';
import type { JobRunReport } from '../../../engine/api';
import type { HdfsRunReport } from '../../../labs/labTypes';
import type { NodeInfo } from '../../viz/clusterTimeline';
import { PlaybackBar } from '../cluster/PlaybackBar';
import { fittedSpeedNote, speedFor } from '../cluster/speedFit';
import { usePlayback } from '../cluster/usePlayback';
import { useAppStore } from '../../state/store';
import { RunPanels } from '../run/RunPanels';
import { ClusterMapView, useClusterTimeline } from '../cluster/ClusterMapView';
import { HdfsPanel } from './HdfsPanel';
import { faultNote } from './faultNote';
import { faultTimingOf } from '../../../labs/faultTiming';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { CompareButton } from '../compare/CompareButton';
import { useRunClock } from './useRunClock';
import { defaultFaultNode } from './defaultFaultNode';

export interface RunAreaProps {
  report: JobRunReport | HdfsRunReport;
  nodes: NodeInfo[];
  /** Faults injected from the UI so far (they are part of this run). */
  faults: FaultSpec[];
  /** Re-runs the step with these faults; the playback keeps its place. */
  onInjectFault(faults: FaultSpec[], atMs: number): void;
  busy: boolean;
  startAt?: number;
  /** Where this session's runs of the step are kept (state/runHistory.ts): shows "Compare runs". */
  runsKey?: string;
}

/**
 * Memoised: the page around it re-renders on every progress update of the next run, and this
 * area's pictures (the cluster map, the timeline) need drawing only when its own props change.
 */
export const RunArea = memo(function RunArea({
  report,
  nodes,
  faults,
  onInjectFault,
  busy,
  startAt = 0,
  runsKey,
}: RunAreaProps) {
  const durationMs = Math.max(1, report.simulatedMs);
  // Each run is fitted to about 20 s until the learner picks a speed; theirs then holds for the session.
  const chosenSpeed = useAppStore((s) => s.playbackSpeed);
  const chooseSpeed = useAppStore((s) => s.choosePlaybackSpeed);
  const playback = usePlayback(durationMs, 1000, true, chosenSpeed ?? speedFor(durationMs), startAt);
  const speedNote = chosenSpeed === null ? fittedSpeedNote(playback.speed, durationMs) : null;
  const trace = report.trace;
  const timeline = useClusterTimeline(nodes, trace);
  const eventTimes = useMemo(() => [...new Set(trace.map((e) => e.t))].sort((a, b) => a - b), [trace]);
  const [node, setNode] = useState(() => defaultFaultNode(nodes, trace));
  useRunClock(playback, busy);
  const { t } = useTranslation('lab');

  const inject = (kind: 'killNode' | 'slowNode') => {
    const atMs = Math.round(playback.t);
    const fault: FaultSpec = kind === 'killNode' ? { atMs, kind, node } : { atMs, kind, node, factor: 4 };
    onInjectFault([...faults, fault], atMs);
  };

  return (
    <div className="run-area">
      <PlaybackBar
        playback={playback}
        durationMs={durationMs}
        eventTimes={eventTimes}
        onChooseSpeed={chooseSpeed}
        speedNote={speedNote}
      >
        <span className="fault-controls" role="group" aria-label={t('faults.group')}>
          <select value={node} onChange={(e) => setNode(e.target.value)} aria-label={t('faults.node')}>
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.id} ({n.rack})
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn danger"
            disabled={busy}
            onClick={() => inject('killNode')}
            title={t('faults.killTitle')}
          >
            {t('faults.kill')}
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => inject('slowNode')}
            title={t('faults.slowTitle')}
          >
            {t('faults.slow')}
          </button>
        </span>
        {runsKey && <CompareButton runsKey={runsKey} current={report} onOpen={playback.pause} />}
      </PlaybackBar>
      {faults.length > 0 && (
        <p className="muted faults-note" data-testid="injected-faults">
          {faultNote(
            faults,
            faultTimingOf(report.kind),
            report.trace.some((e) => e.type === 'executorAdded' && e.manager === 'standalone'),
          )}
        </p>
      )}
      <div className={`run-views ${report.kind === 'hdfs' ? 'hdfs' : 'job'}`}>
        <ErrorBoundary what={t('parts.clusterMap')} part="cluster-map">
          <ClusterMapView timeline={timeline} t={playback.t} simMsPerSecond={1000 * playback.speed} />
        </ErrorBoundary>
        {report.kind === 'hdfs' ? (
          <ErrorBoundary what={t('parts.blockMap')} part="hdfs-panel">
            <HdfsPanel nodes={nodes} trace={trace} t={playback.t} blockSize={report.final.hdfs.blockSize} />
          </ErrorBoundary>
        ) : (
          <ErrorBoundary what={t('parts.runPanels')} part="run-panels">
            <RunPanels report={report} nodes={nodes} t={playback.t} />
          </ErrorBoundary>
        )}
      </div>
    </div>
  );
});
