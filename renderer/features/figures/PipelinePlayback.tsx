/**
 * The playback of a pipeline step's run, for the cookbook figures beside it: the pipeline's run
 * view shows totals only, so the figure panel plays the run itself (a minute of events fitted to
 * about 20 s) and shares its instant on the page's playback clock (state/playbackClock.ts).
 * Stepping jumps to the next of the run's events (a part down or up, a file closed, a refresh).
 */
import { useEffect, useMemo } from 'react';
import type { PipelineRunReport } from '../../../labs/labTypes';
import { PlaybackBar } from '../cluster/PlaybackBar';
import { fittedSpeedNote, speedFor } from '../cluster/speedFit';
import { usePlayback } from '../cluster/usePlayback';
import { useRunClock } from '../lab/useRunClock';
import { useAppStore } from '../../state/store';

export function PipelinePlayback({ report }: { report: PipelineRunReport }) {
  const durationMs = Math.max(1, report.simulatedMs);
  const chosenSpeed = useAppStore((s) => s.playbackSpeed);
  const chooseSpeed = useAppStore((s) => s.choosePlaybackSpeed);
  const playback = usePlayback(durationMs, 1000, true, chosenSpeed ?? speedFor(durationMs));
  const speedNote = chosenSpeed === null ? fittedSpeedNote(playback.speed, durationMs) : null;
  const eventTimes = useMemo(
    () =>
      [...new Set(report.result.events.filter((e) => e.type !== 'batch' && e.type !== 'refresh').map((e) => e.t))].sort(
        (a, b) => a - b,
      ),
    [report],
  );
  const { restart } = playback;
  // A new run plays from its start.
  useEffect(() => restart(), [report, restart]);
  useRunClock(playback, false);
  return (
    <div className="figure-playback" data-testid="figure-playback">
      <PlaybackBar
        playback={playback}
        durationMs={durationMs}
        eventTimes={eventTimes}
        onChooseSpeed={chooseSpeed}
        speedNote={speedNote}
      />
    </div>
  );
}
