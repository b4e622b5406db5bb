/**
 * Number, byte and duration formatting shared by the run panels, in the language the page shows
 * (i18n/activeLocale.ts: "1.5 MB" / "1,5 MB", "12,345" / "12.345"); English until it changes.
 */
import { seconds as checkSeconds } from '../../../labs/checkKit';
import { count, fixed, numberFormat } from '../../i18n/numberFormat';

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

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 60_000) return `${Math.floor(ms / 60_000)} min ${fixed((ms % 60_000) / 1000, 1)} s`;
  if (ms >= 1000) return `${fixed(ms / 1000, 2)} s`;
  return `${fixed(ms, ms < 10 ? 1 : 0)} ms`;
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return count(n);
  return numberFormat({ maximumFractionDigits: Math.abs(n) < 1 ? 4 : 2 }).format(n);
}

/**
 * A stretch of simulated time: in ms below a second (an 18 ms stretch printed as a clock reads
 * "0.0 s", which says it does not exist), else as formatSimTime.
 */
export function formatSpan(ms: number): string {
  return ms < 1000 ? formatMs(ms) : formatSimTime(ms);
}

/**
 * From an hour on as the labs' checks and the views print a time ("1 h 1 min 35 s", labs/checkKit
 * `seconds`), not "61 min 35 s" beside them; below, "3 min 05 s" (the seconds padded, so the clock
 * does not jump as it runs).
 */
export function formatSimTime(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${fixed(s, 1)} s`;
  const total = Math.round(s);
  if (total >= 3600) return checkSeconds(total * 1000);
  const m = Math.floor(total / 60);
  return `${m} min ${String(total % 60).padStart(2, '0')} s`;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * Simulated time as the playback clock shows it, with fixed-width fields so that it keeps its width
 * as it runs: "4.2 s" ("4,2 s"), "3 min 05 s", "1 h 01 min 05 s" (formatSimTime's "1 h 1 min 5 s"
 * and "1 h 1 min 35 s" differ by a character, and the controls beside the clock jumped every
 * second). Only the clock uses it; sentences say a time as formatSimTime does.
 */
export function formatClock(ms: number): string {
  const tenths = Math.round(Math.max(0, ms) / 100);
  if (tenths < 600) return `${fixed(tenths / 10, 1)} s`;
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  return h > 0 ? `${h} h ${two(min)} min ${two(total % 60)} s` : `${min} min ${two(total % 60)} s`;
}
