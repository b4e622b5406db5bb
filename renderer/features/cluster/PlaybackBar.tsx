/**
 * Playback controls shared by every run view: play/pause, step to the next event, restart,
 * speed 0.25×–64×, a scrubber over simulated time and the clock. Space toggles play when the
 * bar has focus.
 */
import { useTranslation } from 'react-i18next';
import { numberFormat } from '../../i18n/numberFormat';
import type { Playback } from './usePlayback';
import { formatClock } from '../../viz/run/format';
import { seconds } from '../../viz/views/durationWords';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];

/**
 * The clock's width in characters (its font is monospaced): that of its reading at the run's end,
 * its longest, since formatClock's fields keep their width and only grow with the time; one more,
 * as the font's glyphs may be a fraction of a pixel wider than its "0" (ch).
 */
export function clockWidth(durationMs: number): number {
  return 2 * formatClock(durationMs).length + ' / '.length + 1;
}

export interface PlaybackBarProps {
  playback: Playback;
  durationMs: number;
  /** Times of the run's events, sorted, for "step". */
  eventTimes?: readonly number[];
  /** Called when the learner picks a speed (not when the app sets one). */
  onChooseSpeed?(speed: number): void;
  /** Shown next to the speed control, e.g. why the app picked this speed. */
  speedNote?: string | null;
  children?: React.ReactNode;
}

export function PlaybackBar({
  playback,
  durationMs,
  eventTimes,
  onChooseSpeed,
  speedNote,
  children,
}: PlaybackBarProps) {
  const { t } = useTranslation('cluster');
  const stepForward = () => {
    playback.pause();
    const next = eventTimes?.find((at) => at > playback.t + 1e-6);
    playback.seek(next ?? Math.min(durationMs, playback.t + durationMs / 50));
  };
  return (
    <div className="toolbar playback" role="group" aria-label={t('playback.group')}>
      {playback.playing ? (
        <button type="button" className="btn" onClick={playback.pause}>
          {t('playback.pause')}
        </button>
      ) : (
        <button type="button" className="btn primary" onClick={playback.play}>
          {t('playback.play')}
        </button>
      )}
      <button type="button" className="btn" onClick={stepForward} title={t('playback.stepTitle')}>
        {t('playback.step')}
      </button>
      <button type="button" className="btn" onClick={playback.restart}>
        {t('playback.restart')}
      </button>
      <label className="muted">
        {t('playback.speed')}{' '}
        <select
          value={playback.speed}
          onChange={(e) => {
            playback.setSpeed(Number(e.target.value));
            onChooseSpeed?.(Number(e.target.value));
          }}
          aria-label={t('playback.speedLabel')}
          aria-describedby={speedNote ? 'speed-note' : undefined}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {numberFormat().format(s)}×
            </option>
          ))}
        </select>
      </label>
      {/* The caller's controls (fault injection, a new run) sit with the buttons, before the clock's row. */}
      {children}
      {speedNote && (
        <span className="muted speed-note" id="speed-note" data-testid="speed-note">
          {speedNote}
        </span>
      )}
      <input
        type="range"
        className="scrubber"
        min={0}
        max={durationMs}
        // "any": the browser never snaps the value to a step grid, so the right end is the run's
        // end exactly (a snapped value fell just short of it, where the last tasks still looked
        // running). Arrow keys then move by 1% of the run, Page Up/Down by 10%.
        step="any"
        value={playback.t}
        onChange={(e) => {
          playback.pause();
          playback.seek(Number(e.target.value));
        }}
        aria-label={t('playback.time')}
        // Spoken as the labs' checks say a time ("4.50 s"); only the clock beside it reads fixed-width.
        aria-valuetext={seconds(playback.t)}
      />
      {/* As wide as its widest reading (the run's end) from the start: the scrubber beside it keeps its size. */}
      <span className="clock" data-testid="sim-clock" style={{ minWidth: `${clockWidth(durationMs)}ch` }}>
        {formatClock(playback.t)} / {formatClock(durationMs)}
      </span>
    </div>
  );
}
