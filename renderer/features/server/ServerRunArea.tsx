/**
 * What a server step's run shows (Cookbook 13.3): the playback bar, a sentence saying where the
 * playback is (month, data, phase, time against the deadline), the months of a growth run, the
 * current night's bars per resource, and what the platform costs. The cookbook figures beside the
 * step follow the same clock (renderer/state/playbackClock.ts).
 */
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';
import { numberFormat } from '../../i18n/numberFormat';
import { useMemo } from 'react';
import type { ServerRunReport } from '../../../labs/labTypes';
import { PlaybackBar } from '../cluster/PlaybackBar';
import { speedFor, watchTime } from '../cluster/speedFit';
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

/** Where the playback is, in the page's language (i18n.t: tests call it outside components). */
export function nowSentence(report: ServerRunReport, at: ServerInstant): string {
  const deadlineS = report.deadlineMs / 1000;
  const n = at.night;
  const month = n.month !== null ? i18n.t('server:now.month', { month: n.month }) : '';
  const data = gbText(n.dataGB);
  if (!at.phase) {
    const took = minutesText(n.run.totalS);
    return i18n.t(n.meets ? 'server:now.within' : 'server:now.past', {
      month,
      data,
      took,
      deadline: minutesText(deadlineS),
    });
  }
  return i18n.t(at.elapsedS > deadlineS ? 'server:now.intoLate' : 'server:now.into', {
    month,
    data,
    time: minutesText(at.elapsedS),
    phase: i18n.t(`server:now.${at.phase.kind}`),
  });
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
  const { t } = useTranslation('server');
  // The run's length in minutes, as the lab's checks and every other time on this page say one.
  const note = t('speedNote', {
    duration: minutesText(durationMs / 1000),
    watch: watchTime(watchS),
    speed: numberFormat().format(playback.speed),
  });
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
