/**
 * A small line chart over the run's time (how far behind, or how many counted twice, at each
 * refresh) with the playback's cursor: the path is laid out once per run, width and language (the
 * panel remounts it when the language changes), only the cursor follows the clock. The chart is an
 * image named by its summary and the value at the playback's instant, for screen readers.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { chartCursor, lineChartLayout, type ChartPoint, type LineChartLayout } from '../../viz/views/lineChartLayout';
import { useElementWidth } from '../run/useElementWidth';

export interface ViewLineChartProps {
  title: string;
  /** What the chart says as a whole (the aria-label starts with it; the value at t is added). */
  summary: string;
  points: readonly ChartPoint[];
  spanMs: number;
  t: number;
  height: number;
  yTicks(max: number): number[];
  yLabel(v: number): string;
  /** The value at t in words, for the label ("1.00 s behind"), in the page's language. */
  valueText(v: number | null): string;
  steps?: boolean;
  /** The least room for the y labels, shared by charts stacked above one another. */
  minLeft?: number;
  className?: string;
  testId?: string;
}

const Frame = memo(function Frame({ layout }: { layout: LineChartLayout }) {
  const { left, right, top, bottom } = layout;
  return (
    <>
      {layout.yTicks.map((tk) => (
        <g key={`y${tk.at}`} className="views-grid">
          <line x1={left} x2={right} y1={tk.at} y2={tk.at} />
          <text x={left - 5} y={tk.at + 4} textAnchor="end">
            {tk.label}
          </text>
        </g>
      ))}
      <line className="views-axis" x1={left} x2={right} y1={bottom} y2={bottom} />
      {layout.xTicks.map((tk, i) => (
        <g key={`x${tk.at}`} className="views-tick">
          <line x1={tk.at} x2={tk.at} y1={bottom} y2={bottom + 4} />
          <text x={tk.at} y={bottom + 15} textAnchor={i === 0 ? 'start' : tk.at > right - 20 ? 'end' : 'middle'}>
            {tk.label}
          </text>
        </g>
      ))}
      <path className="views-line" d={layout.path} />
      <line className="views-top" x1={left} x2={left} y1={top} y2={bottom} />
    </>
  );
});

export function ViewLineChart(props: ViewLineChartProps) {
  const { t } = useTranslation('views');
  const [ref, width] = useElementWidth<HTMLDivElement>(540);
  const { points, spanMs, height, yTicks, yLabel, steps, minLeft } = props;
  const layout = useMemo(
    () =>
      lineChartLayout({ points, spanMs, t: 0, width: Math.max(240, width), height, yTicks, yLabel, steps, minLeft }),
    [points, spanMs, width, height, yTicks, yLabel, steps, minLeft],
  );
  const cursor = chartCursor(layout, points, props.t);
  return (
    <figure className={`views-chart ${props.className ?? ''}`} data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <div ref={ref} className="views-chart-box">
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-label={t('chart.label', { summary: props.summary, now: `${props.valueText(cursor.value)}.` })}
        >
          <Frame layout={layout} />
          <line className="views-cursor" x1={cursor.x} x2={cursor.x} y1={layout.top} y2={layout.bottom} />
          {cursor.y !== null && <circle className="views-dot" cx={cursor.x} cy={cursor.y} r={3.5} />}
        </svg>
      </div>
    </figure>
  );
}
