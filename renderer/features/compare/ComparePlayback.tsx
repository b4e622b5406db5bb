/** The compare view's one clock and the two runs it plays (CompareSide), A left and B right. */
import { useTranslation } from 'react-i18next';
import type { KeptRun } from '../../state/runHistory';
import { PlaybackBar } from '../cluster/PlaybackBar';
import { seconds } from '../../viz/views/durationWords';
import { usePlayback } from '../cluster/usePlayback';
import { speedFor } from '../cluster/speedFit';
import { CompareSide } from './CompareSide';

export function ComparePlayback({ a, b, nameA, nameB }: { a: KeptRun; b: KeptRun; nameA: string; nameB: string }) {
  const durationMs = Math.max(1, a.report.simulatedMs, b.report.simulatedMs);
  const playback = usePlayback(durationMs, 1000, false, speedFor(durationMs));
  const { t } = useTranslation('compare');
  return (
    <>
      <div className="compare-clock">
        <PlaybackBar playback={playback} durationMs={durationMs} />
        <p className="muted">{t('clock', { time: seconds(playback.t) })}</p>
      </div>
      <div className="compare-sides">
        <CompareSide name={nameA} run={a} t={playback.t} simMsPerSecond={1000 * playback.speed} />
        <CompareSide name={nameB} run={b} t={playback.t} simMsPerSecond={1000 * playback.speed} />
      </div>
    </>
  );
}
