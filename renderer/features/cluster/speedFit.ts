/**
 * Fitting a run's playback to about 20 seconds, and saying so: the app picks a speed until the
 * learner picks one, and then the sentence names the speed, the run's length and the watching time.
 */
import { i18n } from '../../i18n/i18n';
import { fixed, numberFormat } from '../../i18n/numberFormat';
import { formatSimTime, SPEEDS } from './PlaybackBar';

/** About how long a fitted run plays for, in real time. */
export const FIT_SECONDS = 20;

/** The slowest speed that plays the whole run in about 20 seconds (the fastest when none does). */
export function speedFor(durationMs: number): number {
  return SPEEDS.find((s) => durationMs / s <= FIT_SECONDS * 1000) ?? SPEEDS[SPEEDS.length - 1]!;
}

function watchTime(seconds: number, sayTime: (ms: number) => string): string {
  if (seconds >= 60) return sayTime(seconds * 1000);
  return seconds >= 2 ? `${Math.round(seconds)} s` : `${fixed(seconds, 1)} s`;
}

/**
 * "Plays at 16× so the 4 min 40 s run takes about 18 s", in the page's language; the run's length
 * as `sayTime` says a time (formatSimTime; a pipeline lab's page, as its checks do).
 */
export function fittedSpeedNote(speed: number, durationMs: number, sayTime = formatSimTime): string {
  return i18n.t('cluster:playback.fitted', {
    speed: numberFormat().format(speed),
    duration: sayTime(durationMs),
    watch: watchTime(durationMs / speed / 1000, sayTime),
  });
}
