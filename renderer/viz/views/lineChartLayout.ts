/**
 * A small line chart over a run's time, laid out for an SVG: the path of one value per refresh,
 * round ticks on both axes, and the playback's cursor with the value shown at that instant (the
 * last refresh at or before it). Pure: the component only draws what this returns.
 */
import { line, curveLinear, curveStepAfter, scaleLinear } from 'd3';
import { countUpTo } from '../stream/timeSeries';
import { tickWords, timeTicks } from './durationWords';

export interface ChartPoint {
  t: number;
  v: number;
}

export interface ChartTick {
  at: number;
  label: string;
}

export interface LineChartLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  path: string;
  xTicks: ChartTick[];
  yTicks: ChartTick[];
  /** The axes' spans (x from 0 to spanMs, y from 0 to yMax). */
  spanMs: number;
  yMax: number;
  /** Where the playback is (x) and the value shown then (null before the first point). */
  cursor: ChartCursor;
}

export interface ChartCursor {
  x: number;
  y: number | null;
  value: number | null;
}

export interface LineChartInput {
  points: readonly ChartPoint[];
  /** The run's length: the x axis spans 0 to here. */
  spanMs: number;
  t: number;
  width: number;
  height: number;
  /** The y axis's round values for a maximum, and their labels. */
  yTicks(max: number): number[];
  yLabel(v: number): string;
  /** Steps (the value holds until the next point) instead of straight lines between points. */
  steps?: boolean;
  /** The least room for the y labels (charts stacked with the same value line up their time axes). */
  minLeft?: number;
}

/** Round counts from 0 (whole numbers only). */
export function countTicks(max: number): number[] {
  if (max <= 0) return [0];
  const ticks = scaleLinear().domain([0, max]).nice(3).ticks(3);
  return ticks.filter((v) => Number.isInteger(v));
}

/** Round durations from 0, one more step when the largest value is well above the last. */
export function durationTicks(max: number): number[] {
  const ticks = timeTicks(max, 3);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 0;
  const last = ticks[ticks.length - 1]!;
  if (step > 0 && max > last * 1.05) ticks.push(last + step);
  return ticks;
}

const CHAR_PX = 6.4;

export function lineChartLayout(input: LineChartInput): LineChartLayout {
  const { points, width, height } = input;
  const top = 8;
  const bottom = height - 20;
  const max = points.reduce((m, p) => Math.max(m, p.v), 0);
  const yValues = input.yTicks(max);
  const yMax = Math.max(max, yValues[yValues.length - 1] ?? 0, 1);
  const yLabels = yValues.map((v) => input.yLabel(v));
  const left = Math.max(input.minLeft ?? 0, Math.ceil(Math.max(...yLabels.map((l) => l.length), 1) * CHAR_PX) + 10);
  const right = width - 12;
  const x = scaleLinear()
    .domain([0, Math.max(1, input.spanMs)])
    .range([left, right])
    .clamp(true);
  const y = scaleLinear().domain([0, yMax]).range([bottom, top]);
  const path =
    line<ChartPoint>()
      .x((p) => x(p.t))
      .y((p) => y(p.v))
      .curve(input.steps ? curveStepAfter : curveLinear)(points as ChartPoint[]) ?? '';
  const xLabels = timeTicks(Math.max(1, input.spanMs), Math.max(2, Math.floor((right - left) / 90)));
  const frame = { width, height, left, right, top, bottom, spanMs: Math.max(1, input.spanMs), yMax };
  return {
    ...frame,
    path: round(path),
    xTicks: xLabels.map((v) => ({ at: x(v), label: tickWords(v) })),
    yTicks: yValues.map((v, i) => ({ at: y(v), label: yLabels[i]! })),
    cursor: chartCursor(frame, points, input.t),
  };
}

/** The cursor at t on a laid-out chart (cheap: the path need not be laid out again as playback moves). */
export function chartCursor(
  frame: Pick<LineChartLayout, 'left' | 'right' | 'top' | 'bottom' | 'spanMs' | 'yMax'>,
  points: readonly ChartPoint[],
  t: number,
): ChartCursor {
  const seen = countUpTo(points, t, (p) => p.t);
  const value = seen > 0 ? points[seen - 1]!.v : null;
  const x = frame.left + (Math.min(Math.max(t, 0), frame.spanMs) / frame.spanMs) * (frame.right - frame.left);
  const y = value === null ? null : frame.bottom - (value / frame.yMax) * (frame.bottom - frame.top);
  return { x, y, value };
}

/** Fewer digits in the path (sub-pixel precision is not drawn). */
function round(d: string): string {
  return d.replace(/\d+\.\d+/g, (v) => String(Math.round(Number(v) * 10) / 10));
}
