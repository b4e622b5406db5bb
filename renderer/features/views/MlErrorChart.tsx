/**
 * The served predictions' error per minute over the whole run, with the playback's cursor: the
 * minutes whose readings went unscored shaded, drifts marked on the line (a ring when it had a
 * model retrained, a triangle for an alert), deployments as ticks on top labelled "v3". Laid out
 * once per run, width and language (the panel remounts it when the language changes); only the
 * cursor follows the clock. An image named by what it shows over the run and at the instant, in
 * the page's language, and a visible key.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MlReport } from '../../../engine/pipeline';
import { mlChartLayout, mlChartSummary, mlCursorX, type MlChartLayout } from '../../viz/views/mlChartLayout';
import { useElementWidth } from '../run/useElementWidth';

const Frame = memo(function Frame({ layout, version }: { layout: MlChartLayout; version(v: number): string }) {
  const { left, right, top, bottom } = layout;
  return (
    <>
      {layout.unscored.map((u) => (
        <rect key={u.t} className="ml-unscored" x={u.x} y={top} width={u.width} height={bottom - top} />
      ))}
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
      {layout.deploys.map((d) => (
        <g key={`v${d.version}`} className="ml-deploy">
          <line x1={d.x} x2={d.x} y1={top - 6} y2={top + 2} />
          {d.label && (
            <text x={d.x} y={top - 9} textAnchor={d.x < left + 10 ? 'start' : 'middle'}>
              {version(d.version)}
            </text>
          )}
        </g>
      ))}
      <path className="views-line" d={layout.path} />
      {layout.drifts.map((d) =>
        d.action === 'retrain' ? (
          <circle key={d.t} className="ml-drift" cx={d.x} cy={d.y} r={3.5} />
        ) : (
          <path key={d.t} className="ml-drift ml-alert" d={`M${d.x},${d.y - 4.5}l4,7h-8z`} />
        ),
      )}
      <line className="views-top" x1={left} x2={left} y1={top} y2={bottom} />
    </>
  );
});

export function MlErrorChart({
  ml,
  spanMs,
  t,
  now,
  nowPoint,
}: {
  ml: MlReport;
  spanMs: number;
  t: number;
  /** The value at t in words, for the text alternative. */
  now: string;
  /** The last full minute's error at t (null: none yet), drawn as a dot at the cursor's minute. */
  nowPoint: { t: number; mae: number } | null;
}) {
  const { t: tr } = useTranslation('views');
  const [ref, width] = useElementWidth<HTMLDivElement>(540);
  // Laid out in the page's language (its numbers): the panel remounts the chart when it changes.
  const layout = useMemo(() => mlChartLayout(ml, spanMs, Math.max(260, width), 170), [ml, spanMs, width]);
  const summary = useMemo(() => mlChartSummary(ml, spanMs), [ml, spanMs]);
  const version = useMemo(() => (v: number) => tr('ml.version', { version: v }), [tr]);
  const x = mlCursorX(layout, t);
  const alerts = ml.drifts.some((d) => d.action === 'alert');
  const retrains = ml.drifts.some((d) => d.action === 'retrain');
  return (
    <figure className="views-chart ml-chart" data-testid="ml-chart">
      <figcaption>{tr('ml.chartTitle')}</figcaption>
      <div ref={ref} className="views-chart-box">
        <svg
          width={layout.width}
          height={layout.height}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          role="img"
          aria-label={tr('chart.label', { summary, now })}
        >
          <Frame layout={layout} version={version} />
          <line className="views-cursor" x1={x} x2={x} y1={layout.top} y2={layout.bottom} />
          {nowPoint && (
            <circle
              className="views-dot"
              cx={mlCursorX(layout, nowPoint.t)}
              cy={layout.bottom - (nowPoint.mae / layout.yMax) * (layout.bottom - layout.top)}
              r={3.5}
            />
          )}
        </svg>
      </div>
      <ul className="ml-key" aria-label={tr('ml.keyLabel')}>
        <li>
          <span className="ml-key-line" aria-hidden="true" /> {tr('ml.keyLine')}
        </li>
        {layout.deploys.length > 0 && (
          <li>
            <span className="ml-key-deploy" aria-hidden="true">
              {version(1)}
            </span>{' '}
            {tr('ml.keyDeployed')}
          </li>
        )}
        {retrains && (
          <li>
            <span className="ml-key-drift" aria-hidden="true" /> {tr('ml.keyRetrain')}
          </li>
        )}
        {alerts && (
          <li>
            <span className="ml-key-alert" aria-hidden="true">
              ▲
            </span>{' '}
            {tr('ml.keyAlert')}
          </li>
        )}
        {layout.unscored.length > 0 && (
          <li>
            <span className="ml-key-unscored" aria-hidden="true" /> {tr('ml.keyUnscored')}
          </li>
        )}
      </ul>
    </figure>
  );
}
