/**
 * Fitting a run's playback to about 20 seconds, and saying so: the app picks a speed until the
 * learner picks one, and then the sentence names the speed, the run's length and the watching time.
 */
import { i18n } from '../../i18n/i18n';
import { fixed, numberFormat } from '../../i18n/numberFormat';
import { durationWords, seconds } from '../../viz/views/durationWords';
import { SPEEDS } from './PlaybackBar';

/** About how long a fitted run plays for, in real time. */
export const FIT_SECONDS = 20;

/** The slowest speed that plays the whole run in about 20 seconds (the fastest when none does). */
export function speedFor(durationMs: number): number {
  return SPEEDS.find((s) => durationMs / s <= FIT_SECONDS * 1000) ?? SPEEDS[SPEEDS.length - 1]!;
}

/**
 * About how long watching takes, in real seconds: rounded as "about" asks ("18 s", "1 min 35 s"),
 * not to the hundredth as a simulated time is ("95.00 s" is no "about").
 */
export function watchTime(s: number): string {
  if (s >= 60) return durationWords(s * 1000);
  return s >= 2 ? `${Math.round(s)} s` : `${fixed(s, 1)} s`;
}

/**
 * "Plays at 16× so the 4 min 40 s run takes about 18 s", in the page's language; the run's length
 * as the labs' checks say a time (durationWords `seconds`).
 */
export function fittedSpeedNote(speed: number, durationMs: number): string {
  return i18n.t('cluster:playback.fitted', {
    speed: numberFormat().format(speed),
    duration: seconds(durationMs),
    watch: watchTime(durationMs / speed / 1000),
  });
}
