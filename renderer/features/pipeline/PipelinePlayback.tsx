/**
 * A pipeline run played back on the diagram: the playback bar (usePlayback, fitted to about 20
 * seconds until the learner picks a speed), a sentence that says what is true at that instant
 * (its times, the speed note's and the scrubber's as the lab's checks say a time; only the clock
 * reads fixed-width),
 * and the instant handed to the diagram; then what its dashboards showed at that instant
 * (PipelineViewsPanel), its models in production (PipelineMlPanel) and the run's figures
 * (PipelineRunView).
 */
import { useMemo } from 'react';
import type { PipelineRunReport, PipelineWords } from '../../../labs/labTypes';
import { PlaybackBar } from '../cluster/PlaybackBar';
import { fittedSpeedNote, speedFor } from '../cluster/speedFit';
import { usePlayback } from '../cluster/usePlayback';
import { useRunClock } from '../lab/useRunClock';
import { useAppStore } from '../../state/store';
import { pipelineAt, pipelineEventTimes, type PipelineInstant } from '../../viz/pipeline/pipelineAt';
import { pipelineNowSentence } from '../../viz/pipeline/pipelineNowSentence';
import { PipelineRunView } from './PipelineRunView';
import { PipelineViewsPanel } from '../views/PipelineViewsPanel';
import { PipelineMlPanel } from '../views/PipelineMlPanel';

export interface PipelinePlaybackProps {
  report: PipelineRunReport;
  busy: boolean;
  /** Where the playback starts (simulated ms). */
  startAt?: number;
  /** The diagram (and helpers) drawn at the instant. */
  children(at: PipelineInstant): React.ReactNode;
  /** What the step calls its keys and events, for the dashboards' counts. */
  words?: PipelineWords;
}

export function PipelinePlayback({ report, busy, startAt = 0, children, words }: PipelinePlaybackProps) {
  const { result } = report;
  const durationMs = Math.max(1, result.simulatedMs);
  const chosenSpeed = useAppStore((s) => s.playbackSpeed);
  const chooseSpeed = useAppStore((s) => s.choosePlaybackSpeed);
  const playback = usePlayback(durationMs, 1000, true, chosenSpeed ?? speedFor(durationMs), startAt);
  useRunClock(playback, busy);
  const at = useMemo(() => pipelineAt(result, playback.t), [result, playback.t]);
  const eventTimes = useMemo(() => pipelineEventTimes(result), [result]);
  return (
    <>
      <PlaybackBar
        playback={playback}
        durationMs={durationMs}
        eventTimes={eventTimes}
        onChooseSpeed={chooseSpeed}
        speedNote={chosenSpeed === null ? fittedSpeedNote(playback.speed, durationMs) : null}
      />
      <p className="pipeline-now" data-testid="pipeline-now">
        {pipelineNowSentence(result, at)}
      </p>
      {children(at)}
      <PipelineViewsPanel result={result} t={playback.t} {...(words ? { words } : {})} />
      <PipelineMlPanel result={result} t={playback.t} />
      <PipelineRunView report={report} />
    </>
  );
}
