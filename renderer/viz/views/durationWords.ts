/**
 * Durations in the words a reader would say: "420 ms", "1.1 s", "42 s", "7 min 5 s", "7 min",
 * "1 h 5 min" (rounded to what matters at that size), and round steps for a time axis; the exact
 * figures a lab's checks print as they print them (`seconds`, "3.12 s"). Numbers in the page's
 * language ("1,1 s" in German); the units are the same in German and English.
 */
import { ageDigits, seconds as checkSeconds } from '../../../labs/checkKit';
import { fixed } from '../../i18n/numberFormat';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

/** How old something is, in plain words. */
export function durationWords(ms: number): string {
  const v = Math.max(0, ms);
  if (v < S) return `${Math.round(v)} ms`;
  if (v < 10 * S) {
    const tenths = Math.round(v / 100);
    if (tenths < 100) return `${fixed(tenths / 10, 1)} s`;
  }
  if (v < MIN) {
    const s = Math.round(v / S);
    if (s < 60) return `${s} s`;
  }
  if (v < 10 * MIN) {
    const s = Math.round(v / S);
    if (s < 600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  }
  const min = Math.round(v / MIN);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
}

/** A tick's label on a time axis ("0", "30 s", "2 min", "1 h 30 min"). */
export function tickWords(ms: number): string {
  return ms === 0 ? '0' : durationWords(ms).replace(/[.,]0 s$/, ' s');
}

/**
 * A time as the lab's checks print it (labs/checkKit `seconds`: "3.12 s", "2 min 5 s", "1 h 15 min"),
 * with the page's decimal separator ("3,12 s"), so the views' sentences agree with the checks' words.
 */
export function seconds(ms: number): string {
  return ms >= 120_000 ? checkSeconds(ms) : `${fixed(Math.round(ms / 10) / 100, 2)} s`;
}

/** How old a row's data is, as the labs' checks print it (labs/checkKit `ageSeconds`: "30 s", "6.04 s", "30.002 s", "6 min 40 s"). */
export function ageSeconds(ms: number): string {
  const age = ageDigits(ms);
  return age ? `${fixed(age.value, age.digits)} s` : seconds(ms);
}

const STEPS = [
  100,
  200,
  500,
  S,
  2 * S,
  5 * S,
  10 * S,
  15 * S,
  30 * S,
  MIN,
  2 * MIN,
  5 * MIN,
  10 * MIN,
  15 * MIN,
  30 * MIN,
  H,
  2 * H,
  3 * H,
  6 * H,
  12 * H,
  24 * H,
];

/** Round times from 0 to `maxMs` (at most `count` steps of a round size). */
export function timeTicks(maxMs: number, count = 5): number[] {
  if (!(maxMs > 0)) return [0];
  const step = STEPS.find((s) => maxMs / s <= count) ?? Math.ceil(maxMs / count / (24 * H)) * 24 * H;
  const ticks: number[] = [];
  for (let v = 0; v <= maxMs + 1e-9; v += step) ticks.push(v);
  return ticks;
}
