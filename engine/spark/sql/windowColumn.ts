/**
 * functions.window(timeColumn, windowDuration, slideDuration): Spark's time windows. A row at event
 * time t falls in every window [start, start + size) with start a multiple of the slide (from
 * 1970-01-01 00:00:00 UTC) and start <= t < start + size: one window when tumbling, size / slide when
 * sliding. Spark's checks: a positive size, a positive slide no longer than the size.
 */
import { Column, toExpr } from './column';
import { intervalMs } from './intervals';

/** Windows one row may fall in, at most (window duration / slide duration). */
export const MAX_WINDOWS_PER_ROW = 100;

export function windowColumn(c: unknown, windowDuration: unknown, slideDuration?: unknown): Column {
  const sizeMs = intervalMs(windowDuration, 'window(): the window duration');
  const slideMs = slideDuration === undefined ? sizeMs : intervalMs(slideDuration, 'window(): the slide duration');
  if (sizeMs <= 0) throw new Error(`window(): the window duration (${String(windowDuration)}) must be greater than 0`);
  if (slideMs <= 0) throw new Error(`window(): the slide duration (${String(slideDuration)}) must be greater than 0`);
  if (slideMs > sizeMs)
    throw new Error(
      `window(): the slide duration (${String(slideDuration)}) must be less than or equal to the window duration (${String(windowDuration)})`,
    );
  if (sizeMs / slideMs > MAX_WINDOWS_PER_ROW)
    throw new Error(
      `window(): a ${String(windowDuration)} window sliding every ${String(slideDuration)} puts each row in ${Math.ceil(sizeMs / slideMs)} windows; ClusterLab allows at most ${MAX_WINDOWS_PER_ROW} (a longer slide, or a shorter window)`,
    );
  const text = `window(${String(windowDuration)}${slideDuration === undefined ? '' : `, ${String(slideDuration)}`})`;
  return new Column({ k: 'window', e: toExpr(c), sizeMs, slideMs, text });
}

/** The starts of the windows event time `t` (ms) falls in, earliest first. */
export function windowStarts(t: number, sizeMs: number, slideMs: number): number[] {
  const last = Math.floor(t / slideMs) * slideMs;
  const out: number[] = [];
  for (let start = last - Math.ceil(sizeMs / slideMs - 1) * slideMs; start <= last; start += slideMs)
    if (start <= t && t < start + sizeMs) out.push(start);
  return out;
}
