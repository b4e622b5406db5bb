/**
 * The timeline's geometry, kept pure so it can be unit-tested: where each lane and row sits,
 * time <-> x, axis ticks, which bar is under the pointer, which bars run at t, and keyboard
 * navigation between attempts.
 */
import type { RunView } from './runViewTypes';

export interface TimelineLayout {
  width: number;
  height: number;
  /** Label gutter on the left and axis band on top, in CSS pixels. */
  left: number;
  top: number;
  rowH: number;
  laneGap: number;
  /** laneY[i]: top of lane i; laneY[lanes] = bottom of the last lane. */
  laneY: Float64Array;
  t0: number;
  t1: number;
}

export const GUTTER = 96;
export const AXIS = 22;

export function makeTimelineLayout(
  view: Pick<RunView, 'lanes' | 'durationMs'>,
  width: number,
  maxHeight: number,
): TimelineLayout {
  const rows = view.lanes.reduce((s, l) => s + l.slots, 0);
  const lanes = view.lanes.length;
  const avail = Math.max(40, maxHeight - AXIS - 4);
  const fit = Math.floor((avail - lanes * 2) / Math.max(1, rows));
  const rowH = Math.max(1, Math.min(14, fit));
  const laneGap = rowH >= 4 ? 2 : 1;
  const laneY = new Float64Array(lanes + 1);
  let y = AXIS;
  view.lanes.forEach((l, i) => {
    laneY[i] = y;
    y += l.slots * rowH + laneGap;
  });
  laneY[lanes] = y;
  return {
    width: Math.max(GUTTER + 40, width),
    height: y + 4,
    left: GUTTER,
    top: AXIS,
    rowH,
    laneGap,
    laneY,
    t0: 0,
    t1: Math.max(1, view.durationMs),
  };
}

export function xOf(l: TimelineLayout, t: number): number {
  return l.left + ((t - l.t0) / (l.t1 - l.t0)) * (l.width - l.left - 8);
}

export function timeAt(l: TimelineLayout, x: number): number {
  return l.t0 + ((x - l.left) / (l.width - l.left - 8)) * (l.t1 - l.t0);
}

/** Lane under y, or -1. */
export function laneAt(l: TimelineLayout, y: number): number {
  let lo = 0;
  let hi = l.laneY.length - 2;
  if (hi < 0 || y < l.laneY[0]! || y >= l.laneY[hi + 1]!) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (l.laneY[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Round tick values (1, 2, 5 × 10^k ms) that fit about one label per 90 px. */
export function timeTicks(l: TimelineLayout): number[] {
  const span = l.t1 - l.t0;
  const target = Math.max(2, Math.floor((l.width - l.left) / 90));
  const raw = span / target;
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-9)));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const out: number[] = [];
  for (let t = Math.ceil(l.t0 / step) * step; t <= l.t1 + 1e-9; t += step) out.push(t);
  return out;
}

/** First position in the sorted `byStart` whose start is > t. */
export function upperBoundStart(view: Pick<RunView, 'index'>, t: number): number {
  const { byStart, starts } = view.index;
  let lo = 0;
  let hi = byStart.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[byStart[mid]!]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Writes the bars running at t (start <= t < end) into `out`; returns how many. No allocation. */
export function runningAt(view: Pick<RunView, 'index'>, t: number, out: Int32Array): number {
  const { byStart, starts, ends, maxDuration } = view.index;
  let n = 0;
  for (let k = upperBoundStart(view, t) - 1; k >= 0; k--) {
    const i = byStart[k]!;
    if (starts[i]! < t - maxDuration) break;
    if (ends[i]! > t && n < out.length) out[n++] = i;
  }
  return n;
}

/** The bar under (x, y) among those started by t, or -1. Prefers the latest-starting one. */
export function hitTest(
  view: Pick<RunView, 'index' | 'bars'>,
  l: TimelineLayout,
  x: number,
  y: number,
  t: number,
): number {
  const lane = laneAt(l, y);
  if (lane < 0 || x < l.left) return -1;
  const slot = Math.floor((y - l.laneY[lane]!) / l.rowH);
  const time = timeAt(l, x);
  const tol = (2 * (l.t1 - l.t0)) / Math.max(1, l.width - l.left);
  const list = view.index.perLane[lane];
  if (!list) return -1;
  for (let k = list.length - 1; k >= 0; k--) {
    const i = list[k]!;
    const b = view.bars[i]!;
    if (b.start > t || b.start > time + tol) continue;
    if (b.slot === slot && Math.min(b.end, t) >= time - tol) return i;
    if (b.start < time - view.index.maxDuration - tol) break;
  }
  return -1;
}

export type NavKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/** Keyboard navigation between attempts started by t: along a lane, or to the nearest in the next lane. */
export function navigate(
  view: Pick<RunView, 'index' | 'bars' | 'lanes'>,
  current: number,
  key: NavKey,
  t: number,
): number {
  const started = (i: number) => view.bars[i]!.start <= t;
  const { byStart } = view.index;
  if (key === 'Home' || current < 0) {
    for (const i of byStart) if (started(i)) return i;
    return -1;
  }
  if (key === 'End') {
    for (let k = byStart.length - 1; k >= 0; k--) if (started(byStart[k]!)) return byStart[k]!;
    return -1;
  }
  const bar = view.bars[current]!;
  if (key === 'ArrowLeft' || key === 'ArrowRight') {
    const list = view.index.perLane[bar.lane]!;
    const pos = list.indexOf(current);
    const next = list[pos + (key === 'ArrowRight' ? 1 : -1)];
    return next !== undefined && started(next) ? next : current;
  }
  const step = key === 'ArrowDown' ? 1 : -1;
  for (let lane = bar.lane + step; lane >= 0 && lane < view.lanes.length; lane += step) {
    let best = -1;
    for (const i of view.index.perLane[lane]!) {
      if (!started(i)) break;
      if (best < 0 || Math.abs(view.bars[i]!.start - bar.start) < Math.abs(view.bars[best]!.start - bar.start))
        best = i;
    }
    if (best >= 0) return best;
  }
  return current;
}

/** How many bars run at t (start <= t < end), without writing them anywhere. */
export function countRunning(view: Pick<RunView, 'index'>, t: number): number {
  const { byStart, starts, ends, maxDuration } = view.index;
  let n = 0;
  for (let k = upperBoundStart(view, t) - 1; k >= 0; k--) {
    const i = byStart[k]!;
    if (starts[i]! < t - maxDuration) break;
    if (ends[i]! > t) n++;
  }
  return n;
}

/** The narrowest span the timeline zooms to, in simulated ms: one short attempt fills the view. */
export const MIN_SPAN_MS = 2;

export interface TimeRange {
  t0: number;
  t1: number;
}

/** `range` kept inside [0, duration] and at least MIN_SPAN_MS wide (its span kept when it can be). */
export function clampRange(range: TimeRange, durationMs: number): TimeRange {
  const full = Math.max(MIN_SPAN_MS, durationMs);
  const span = Math.min(full, Math.max(MIN_SPAN_MS, range.t1 - range.t0));
  const t0 = Math.min(Math.max(0, range.t0), full - span);
  return { t0, t1: t0 + span };
}

/** Zooms by `factor` (< 1 zooms in) keeping time `anchor` at the same place on screen. */
export function zoomRange(range: TimeRange, factor: number, anchor: number, durationMs: number): TimeRange {
  const span = range.t1 - range.t0;
  const next = Math.max(MIN_SPAN_MS, span * factor);
  const k = span > 0 ? (anchor - range.t0) / span : 0.5;
  return clampRange({ t0: anchor - k * next, t1: anchor - k * next + next }, durationMs);
}

/** Moves the range by `ms` (negative: earlier), stopping at the run's ends. */
export function panRange(range: TimeRange, ms: number, durationMs: number): TimeRange {
  return clampRange({ t0: range.t0 + ms, t1: range.t1 + ms }, durationMs);
}

/** A range that shows [start, end) with a margin of a twentieth on each side. */
export function fitRange(start: number, end: number, durationMs: number): TimeRange {
  const pad = (end - start) / 20;
  return clampRange({ t0: start - pad, t1: end + pad }, durationMs);
}

/** The same layout looking at another stretch of time. */
export function withRange(l: TimelineLayout, range: TimeRange): TimelineLayout {
  return { ...l, t0: range.t0, t1: range.t1 };
}

/** The nodes dead at t: died at or before t and not restarted since (the view's node markers). */
export function deadNodesAt(view: Pick<RunView, 'markers'>, t: number): Set<string> {
  const last = new Map<string, { t: number; died: boolean }>();
  for (const m of view.markers) {
    if (m.node === null || m.t > t || (m.kind !== 'nodeDied' && m.kind !== 'nodeRestarted')) continue;
    const seen = last.get(m.node);
    if (!seen || m.t >= seen.t) last.set(m.node, { t: m.t, died: m.kind === 'nodeDied' });
  }
  const dead = new Set<string>();
  for (const [node, s] of last) if (s.died) dead.add(node);
  return dead;
}

/**
 * Of the bars `ids[0..n)` (running at t), how many sit on a node dead at t: the ApplicationMaster
 * (or Spark's driver) still counts them as running until it learns of the loss.
 */
export function runningOnDeadNodes(
  view: Pick<RunView, 'markers' | 'bars'>,
  t: number,
  ids: Int32Array,
  n: number,
): number {
  const dead = deadNodesAt(view, t);
  if (dead.size === 0) return 0;
  let count = 0;
  for (let k = 0; k < n; k++) if (dead.has(view.bars[ids[k]!]!.node)) count++;
  return count;
}
