/**
 * The served error chart, laid out for an SVG: the mean absolute error of each minute's served
 * predictions (a point at the minute's end, when it is known), the minutes whose readings were
 * passed on without a prediction as shaded bands, each drift as a marked point at its error, each
 * deployment as a tick on top labelled with its version (labels thinned when crowded), round
 * ticks on both axes, and the cursor at t. Pure: the component only draws what this returns.
 */
import { line, scaleLinear } from 'd3';
import type { MlReport } from '../../../engine/pipeline';
import type { ChartTick } from './lineChartLayout';
import { numberFormat } from '../../i18n/numberFormat';
import { seconds, tickWords, timeTicks } from './durationWords';
import { at, kw, n, SERVED_MINUTE_MS } from './mlAt';
import { viewsText as say } from './viewsText';

export interface MlChartLayout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  spanMs: number;
  yMax: number;
  path: string;
  xTicks: ChartTick[];
  yTicks: ChartTick[];
  unscored: { x: number; width: number; t: number; count: number }[];
  drifts: { x: number; y: number; t: number; action: 'alert' | 'retrain' }[];
  deploys: { x: number; version: number; label: boolean }[];
}

const CHAR_PX = 6.4;
const LABEL_GAP_PX = 26;
const r1 = (v: number) => Math.round(v * 10) / 10;

export function kwTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  return scaleLinear().domain([0, max]).nice(3).ticks(3);
}

const kwLabel = (v: number) => `${numberFormat({ maximumFractionDigits: 3 }).format(v)} kW`;

export function mlChartLayout(ml: MlReport, spanMs: number, width: number, height: number): MlChartLayout {
  const top = 22;
  const bottom = height - 20;
  const span = Math.max(1, spanMs);
  const points = ml.served.flatMap((b) => (b.mae === null ? [] : [{ t: b.t + SERVED_MINUTE_MS, v: b.mae }]));
  const max = Math.max(
    points.reduce((m, p) => Math.max(m, p.v), 0),
    ml.drifts.reduce((m, d) => Math.max(m, d.mae), 0),
  );
  const yValues = kwTicks(max);
  const yMax = Math.max(max, yValues[yValues.length - 1]!, 1);
  const left = Math.ceil(Math.max(...yValues.map((v) => kwLabel(v).length)) * CHAR_PX) + 10;
  const right = width - 12;
  const scale = scaleLinear().domain([0, span]).range([left, right]).clamp(true);
  const x = (v: number) => r1(scale(v));
  const yScale = scaleLinear().domain([0, yMax]).range([bottom, top]);
  const y = (v: number) => r1(yScale(v));
  // A minute without a score breaks the line.
  const path =
    line<{ t: number; v: number | null }>()
      .defined((p) => p.v !== null)
      .x((p) => x(p.t))
      .y((p) => y(p.v ?? 0))(ml.served.map((b) => ({ t: b.t + SERVED_MINUTE_MS, v: b.mae }))) ?? '';
  const deployed = ml.models.filter((m) => m.deployedAtMs !== null).sort((a, b) => a.deployedAtMs! - b.deployedAtMs!);
  let lastLabel = Number.NEGATIVE_INFINITY;
  const deploys = deployed.map((m) => {
    const at = x(m.deployedAtMs!);
    const label = at - lastLabel >= LABEL_GAP_PX && at <= right - 8;
    if (label) lastLabel = at;
    return { x: at, version: m.version, label };
  });
  const xLabels = timeTicks(span, Math.max(2, Math.floor((right - left) / 90)));
  return {
    width,
    height,
    left,
    right,
    top,
    bottom,
    spanMs: span,
    yMax,
    path: round(path),
    xTicks: xLabels.map((v) => ({ at: x(v), label: tickWords(v) })),
    yTicks: yValues.map((v) => ({ at: y(v), label: kwLabel(v) })),
    unscored: ml.served
      .filter((b) => b.unscored > 0)
      .map((b) => ({
        x: x(b.t),
        width: Math.max(1, r1(x(b.t + SERVED_MINUTE_MS) - x(b.t))),
        t: b.t,
        count: b.unscored,
      })),
    drifts: ml.drifts.map((d) => ({ x: x(d.t), y: y(d.mae), t: d.t, action: d.action })),
    deploys,
  };
}

/** Where the cursor stands at t. */
export function mlCursorX(layout: Pick<MlChartLayout, 'left' | 'right' | 'spanMs'>, t: number): number {
  return layout.left + (Math.min(Math.max(t, 0), layout.spanMs) / layout.spanMs) * (layout.right - layout.left);
}

/** Fewer digits in the path (sub-pixel precision is not drawn). */
function round(d: string): string {
  return d.replace(/\d+\.\d+/g, (v) => String(Math.round(Number(v) * 10) / 10));
}

/** The chart as a whole in a sentence, for its text alternative. */
export function mlChartSummary(ml: MlReport, spanMs: number): string {
  const scored = ml.served.filter((b) => b.mae !== null);
  const worst = scored.reduce<MlReport['served'][number] | null>((w, b) => (!w || b.mae! > w.mae! ? b : w), null);
  const unscored = ml.served.filter((b) => b.unscored > 0).length;
  const deployed = ml.models.filter((m) => m.deployedAtMs !== null).length;
  const span = seconds(spanMs);
  return [
    worst
      ? say('chart.worst', { span, error: kw(worst.mae!), to: at(worst.t + SERVED_MINUTE_MS) })
      : say('chart.none', { span }),
    say('chart.counts', {
      deployed: say('chart.deployed', { count: deployed, n: n(deployed) }),
      drifts: say('chart.drifts', { count: ml.drifts.length, n: n(ml.drifts.length) }),
    }) + (unscored > 0 ? say('chart.unscored', { count: unscored, n: n(unscored) }) : '.'),
  ].join(' ');
}
