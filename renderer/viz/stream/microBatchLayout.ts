/**
 * Where the micro-batch pictures put things (pure geometry; StreamMicroBatches draws it): the
 * strip of batches on the run's simulated time (each a bar as tall as its rows, its late rows on
 * top), and the event-time chart, one lane per key, each window a cell, each row a dot at its
 * event time, the watermark and the latest event time as lines. Its words are read in the page's
 * language when laid out: lay out again when it changes.
 */
import { i18n } from '../../i18n/i18n';
import { tickWords } from '../views/durationWords';
import {
  formatEventTime,
  type MicroBatch,
  type MicroBatchesAt,
  type MicroBatchView,
  type RowDot,
  type WindowAt,
} from './microBatchView';

export const MB_WIDTH = 640;
/** The lanes' labels on the left (the strip's axis starts there too, so the two line up). */
const LEFT = 60;
const RIGHT = 12;
const LANE_H = 22;
/** A rough width of one character of the pictures' 10 px text, to keep labels inside. */
const CHAR_W = 6;

export interface Tick {
  x: number;
  text: string;
  /** Centred under its tick, or kept inside the picture at its ends. */
  anchor: 'start' | 'middle' | 'end';
}

/** A label beside a vertical line: to its right, or to its left when it would run off the edge. */
export interface SideLabel {
  x: number;
  anchor: 'start' | 'end';
  text: string;
}

const STEPS_S = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400];

/** Ticks every round number of seconds over [lo, hi] (ms), at most about one per `minGap` px. */
function ticks(
  lo: number,
  hi: number,
  x: (v: number) => number,
  width: number,
  minGap: number,
  text: (v: number) => string,
): Tick[] {
  const span = Math.max(1, hi - lo);
  const most = Math.max(2, Math.floor(width / minGap));
  const step = (STEPS_S.find((s) => span / (s * 1000) <= most) ?? Math.ceil(span / most / 86_400_000) * 86_400) * 1000;
  const out: Tick[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) {
    const at = x(v);
    const half = (text(v).length * CHAR_W) / 2;
    const anchor = at + half > x(hi) + RIGHT ? 'end' : at - half < 0 ? 'start' : 'middle';
    out.push({ x: at, text: text(v), anchor });
  }
  return out;
}

function sideLabel(x: number, text: string, right: number): SideLabel {
  return x + 4 + text.length * CHAR_W > right ? { x: x - 4, anchor: 'end', text } : { x: x + 4, anchor: 'start', text };
}

/** The chart's words in the page's language (stream.json's mb.layout). */
const say = (key: string, options?: Record<string, unknown>) => i18n.t(`stream:mb.layout.${key}`, options);

/** A batch in words: "#3 · 16 rows · 2 late". */
export function batchLabel(b: MicroBatch): string {
  return say('batch', { id: b.id, count: b.rows }) + (b.late > 0 ? say('batchLate', { late: b.late }) : '');
}

export interface StripBlock {
  batch: MicroBatch;
  x: number;
  w: number;
  /** The bar of rows read in time (top y, height), and of late rows above it. */
  y: number;
  h: number;
  lateY: number;
  lateH: number;
  latest: boolean;
  /** Its id under the bar, when there is room (else null). */
  idLabel: string | null;
}

export interface StripLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  baseline: number;
  blocks: StripBlock[];
  ticks: Tick[];
  cursorX: number;
  latestLabel: SideLabel | null;
}

/** The batches that ended by the instant, on the run's time from 0 to `spanMs`. */
export function layoutStrip(
  view: MicroBatchView,
  at: MicroBatchesAt,
  t: number,
  spanMs: number,
  width = MB_WIDTH,
): StripLayout {
  const right = width - RIGHT;
  const x = (ms: number) => LEFT + (Math.min(ms, spanMs) / Math.max(1, spanMs)) * (right - LEFT);
  const top = 16;
  const baseline = 48;
  const most = Math.max(1, ...view.batches.map((b) => b.rows));
  // Room for every id under its bar, else for every k-th.
  const gap = view.batches.length > 1 ? (right - LEFT) / view.batches.length : right - LEFT;
  const every = Math.max(1, Math.ceil(22 / Math.max(1, gap)));
  const blocks = view.batches.slice(0, at.ended).map((b, i): StripBlock => {
    const h = Math.max(2, ((b.rows - b.late) / most) * (baseline - top));
    const lateH = b.late > 0 ? Math.max(3, (b.late / most) * (baseline - top)) : 0;
    const x0 = x(b.startedAt);
    const latest = i === at.ended - 1;
    return {
      batch: b,
      x: x0,
      w: Math.max(5, x(b.t) - x0),
      y: baseline - h,
      h,
      lateY: baseline - h - lateH,
      lateH,
      latest,
      idLabel: i % every === 0 || latest ? `#${b.id}` : null,
    };
  });
  const last = blocks.at(-1);
  return {
    width,
    height: 82,
    left: LEFT,
    right,
    baseline,
    blocks,
    ticks: ticks(0, spanMs, x, right - LEFT, 64, tickWords),
    cursorX: x(t),
    latestLabel: last ? sideLabel(last.x + last.w, batchLabel(last.batch), right) : null,
  };
}

export interface CellBox {
  window: WindowAt;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Its value, when the cell is wide enough to hold it. */
  text: string | null;
}

export interface WindowChartLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  lanesTop: number;
  lanesBottom: number;
  /** Each lane's key, label and top (its height is laneHeight). */
  lanes: { key: string; label: string; y: number }[];
  laneHeight: number;
  cells: CellBox[];
  dots: { x: number; y: number; row: RowDot }[];
  ticks: Tick[];
  /** The watermark's line (clamped into the chart: `before` when it is left of the first window), or null: none yet. */
  watermark: { x: number; label: SideLabel; before: boolean } | null;
  latest: { x: number; label: SideLabel } | null;
  /** Between the watermark and the latest event: windows there are still open for late rows. */
  band: { x: number; w: number } | null;
}

/** The event-time chart at the instant: its axis spans every window and row of the run, so it stays put. */
export function layoutWindowChart(view: MicroBatchView, at: MicroBatchesAt, width = MB_WIDTH): WindowChartLayout {
  const right = width - RIGHT;
  const [lo, hi] = view.eventRange ?? [0, 1000];
  const x = (ms: number) => LEFT + ((Math.min(Math.max(ms, lo), hi) - lo) / Math.max(1, hi - lo)) * (right - LEFT);
  const lanesTop = 30;
  const keys = view.keys.length > 0 ? view.keys : [''];
  const lane = new Map(keys.map((k, i) => [k, lanesTop + i * LANE_H]));
  const lanesBottom = lanesTop + keys.length * LANE_H;
  const cells = at.windows.flatMap((w): CellBox[] => {
    const y = lane.get(w.key);
    if (y === undefined) return [];
    const x0 = x(w.start);
    const cw = Math.max(2, x(w.end) - x0 - 2);
    const text = String(w.value);
    return [
      { window: w, x: x0 + 1, y: y + 2, w: cw, h: LANE_H - 4, text: cw >= text.length * CHAR_W + 4 ? text : null },
    ];
  });
  const dots = at.rows.flatMap((row) => {
    const y = lane.get(row.key ?? '') ?? lane.get(keys[0]!)!;
    // Along the bottom of the lane, below the cells' values.
    return [{ x: x(row.eventTime), y: y + LANE_H - 5.5, row }];
  });
  const wm = at.watermark;
  const latest = at.maxEventTime;
  const wx = wm === null ? null : x(wm);
  const lx = latest === null ? null : x(latest);
  return {
    width,
    height: lanesBottom + 34,
    left: LEFT,
    right,
    lanesTop,
    lanesBottom,
    lanes: keys.map((k) => ({ key: k, label: k === '' ? say('allRows') : k, y: lane.get(k)! })),
    laneHeight: LANE_H,
    cells,
    dots,
    ticks: ticks(lo, hi, x, right - LEFT, 70, formatEventTime),
    watermark:
      wm === null || wx === null
        ? null
        : { x: wx, label: sideLabel(wx, say('watermark', { time: formatEventTime(wm) }), right), before: wm < lo },
    latest:
      latest === null || lx === null
        ? null
        : { x: lx, label: sideLabel(lx, say('latest', { time: formatEventTime(latest) }), right) },
    band: wx !== null && lx !== null && lx > wx ? { x: wx, w: lx - wx } : null,
  };
}

/** What the window chart shows at the instant, in words (its aria-label). */
export function describeWindows(at: MicroBatchesAt): string {
  if (at.ended === 0) return say('noneEnded');
  return [
    at.watermark === null ? say('noWatermark') : say('watermarkAt', { time: formatEventTime(at.watermark) }),
    at.maxEventTime === null ? '' : say('latestAt', { time: formatEventTime(at.maxEventTime) }),
    say('written', { count: at.written, open: at.open }),
    at.late === 0
      ? say('readNoneLate', { count: at.rows.length })
      : say('read', { count: at.rows.length, late: at.late }),
  ]
    .filter((s) => s !== '')
    .join(' ');
}
