/**
 * Number, byte and duration formatting shared by the run panels, in the language the page shows
 * (i18n/activeLocale.ts: "1.5 MB" / "1,5 MB", "12,345" / "12.345"); English until it changes.
 */
import { count, fixed, numberFormat } from '../../i18n/numberFormat';
import { seconds } from '../views/durationWords';

export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  if (abs < 1024) return `${count(Math.round(n))} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${fixed(v, v >= 100 ? 0 : 1)} ${units[u]}`;
}

/**
 * A simulated time or stretch of it, as every run panel says one: in ms below a second ("18 ms",
 * "4.2 ms"; an 18 ms stretch said as the checks say a time would read "0.02 s", and a 4 ms one
 * "0.00 s", which says it does not exist), else as the labs' checks and sentences say a time
 * (durationWords `seconds`: "1.50 s", "70.15 s", "2 min 5 s", "1 h 15 min"). Until 2026-12-07 a
 * minute and more read "1 min 10.2 s" in the Spark UI and the timeline while the lab beside them
 * said "finishes in 70.15 s".
 */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  // 999.6 ms rounds to a second: "1.00 s", not "1000 ms".
  if (ms >= 999.5) return seconds(ms);
  if (ms > 0 && ms < 0.05) return '<0.1 ms';
  return `${fixed(ms, ms < 10 && ms !== 0 ? 1 : 0)} ms`;
}

/**
 * A simulated instant, from the start of the run (when an attempt started, where a zoomed
 * timeline begins): under two minutes as the checks say a time ("0.81 s", "70.15 s"), then in
 * their words with the tenth of a second kept ("10 min 5.4 s", "1 h 0 min 5.4 s"). The checks'
 * whole seconds made an attempt read "10 min 6 s → 10 min 22 s (16.94 s)", and a zoom on a 91 ms
 * attempt "4 min 5 s – 4 min 5 s".
 */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 119_995) return seconds(Math.max(0, ms));
  return minutesWords(ms, 1);
}

/**
 * Two minutes and more in the checks' words with `decimals` (1 or more) decimals on the seconds:
 * "10 min 5.4 s", "1 h 0 min 5.4 s" (whole seconds are the checks' own `seconds`). Rounded once,
 * so 59.96 s is the next minute.
 */
export function minutesWords(ms: number, decimals: number): string {
  const unit = 10 ** decimals;
  const perMin = 60 * unit;
  const total = Math.round((ms / 1000) * unit);
  const h = Math.floor(total / (60 * perMin));
  const min = Math.floor((total % (60 * perMin)) / perMin);
  return `${h > 0 ? `${h} h ` : ''}${min} min ${fixed((total % perMin) / unit, decimals)} s`;
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return count(n);
  return numberFormat({ maximumFractionDigits: Math.abs(n) < 1 ? 4 : 2 }).format(n);
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * Simulated time as the playback clock shows it, with fixed-width fields so that it keeps its width
 * as it runs: "4.2 s" ("4,2 s"), "3 min 05 s", "1 h 01 min 05 s" (the checks' "1 h 1 min 5 s" and
 * "1 h 1 min 35 s" differ by a character, and the controls beside the clock jumped every second).
 * Only the clock uses it; every sentence and label says a time as the labs' checks do
 * (durationWords `seconds`), so that a page agrees with the lab that describes it.
 */
export function formatClock(ms: number): string {
  const tenths = Math.round(Math.max(0, ms) / 100);
  if (tenths < 600) return `${fixed(tenths / 10, 1)} s`;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  return h > 0 ? `${h} h ${two(min)} min ${two(total % 60)} s` : `${min} min ${two(total % 60)} s`;
}
