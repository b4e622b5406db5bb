/**
 * What a server step's run shows (Cookbook 13.3): the playback bar, a sentence saying where the
 * playback is (month, data, phase, time against the deadline), the months of a growth run, the
 * current night's bars per resource, and what the platform costs. The cookbook figures beside the
 * step follow the same clock (renderer/state/playbackClock.ts).
 */
import { useMemo } from 'react';
import type { ServerRunReport } from '../../../labs/labTypes';
import { PlaybackBar, formatSimTime } from '../cluster/PlaybackBar';
import { speedFor } from '../cluster/speedFit';
import { usePlayback } from '../cluster/usePlayback';
import { useAppStore } from '../../state/store';
import { gbText, minutesText, serverAt, serverEventTimes, type ServerInstant } from '../../viz/server/serverAt';
import { NightBars } from './NightBars';
import { MonthChart } from './MonthChart';
import { CostTable } from './CostTable';
import { useRunClock } from '../lab/useRunClock';
import './server.css';

/** Nights last minutes to hours: at 1× the playback shows a simulated minute each second. */
const MS_PER_SECOND = 60_000;

const PHASE_NOW = {
  startup: 'the Hadoop job starts',
  refresh: 'the refresh; every server detached but the one loading the new rows',
  etl: 'the ETL runs',
} as const;

export function nowSentence(report: ServerRunReport, at: ServerInstant): string {
  const deadlineS = report.deadlineMs / 1000;
  const n = at.night;
  const month = n.month !== null ? `Month ${n.month}, ` : '';
  const data = `${gbText(n.dataGB)}`;
  if (!at.phase) {
    const verdict = n.meets ? 'within' : 'past';
    return `${month}${data}: the night took ${minutesText(n.run.totalS)}, ${verdict} the ${minutesText(deadlineS)} deadline.`;
  }
  const late = at.elapsedS > deadlineS ? ', past the deadline' : '';
  return `${month}${data}, ${minutesText(at.elapsedS)} into the night${late}: ${PHASE_NOW[at.phase.kind]}.`;
}

export function ServerRunArea({ report, busy }: { report: ServerRunReport; busy: boolean }) {
  const durationMs = Math.max(1, report.simulatedMs);
  const chosenSpeed = useAppStore((s) => s.playbackSpeed);
  const chooseSpeed = useAppStore((s) => s.choosePlaybackSpeed);
  // speedFor fits a run played at a simulated second a second; here a second shows a minute.
  const playback = usePlayback(durationMs, MS_PER_SECOND, true, chosenSpeed ?? speedFor(durationMs / 60));
  const at = useMemo(() => serverAt(report, playback.t), [report, playback.t]);
  const eventTimes = useMemo(() => serverEventTimes(report), [report]);
  useRunClock(playback, busy);
  const watchS = durationMs / MS_PER_SECOND / playback.speed;
  const note = `1× plays a simulated minute a second: the ${formatSimTime(durationMs)} run takes about ${watchS >= 60 ? formatSimTime(watchS * 1000) : `${Math.max(1, Math.round(watchS))} s`} at ${playback.speed}×`;
  return (
    <div className="run-area server-run" data-testid="server-run">
      <PlaybackBar
        playback={playback}
        durationMs={durationMs}
        eventTimes={eventTimes}
        onChooseSpeed={chooseSpeed}
        speedNote={note}
      />
      <p className="server-now" data-testid="server-now">
        {nowSentence(report, at)}
      </p>
      <div className="server-views">
        {report.nights.length > 1 && (
          <MonthChart
            report={report}
            instant={at}
            onSeek={(t) => {
              playback.pause();
              playback.seek(t);
            }}
          />
        )}
        <NightBars instant={at} deadlineS={report.deadlineMs / 1000} />
        <CostTable run={at.night.run} />
      </div>
    </div>
  );
}
