/**
 * The start of a Spark run above the timeline's lanes, on the same time axis: the driver
 * starting on the client and each executor container waiting for YARN, then launching and
 * registering. Bars grow with playback like the task bars below.
 */
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';
import { type StartupRow, startupStateAt } from '../../viz/run/startupRows';
import { useId } from 'react';
import { xOf, type TimelineLayout } from '../../viz/run/timelineLayout';
import { formatTime } from '../../viz/run/format';
import './startup.css';

const ROW_H = 16;

/** What a row says at t: the segment under way, or that it is up. */
export function rowText(r: StartupRow, state: string, t: number): string {
  if (state === 'ready')
    return r.id === 'driver'
      ? i18n.t('run:view.startup.driverReady')
      : i18n.t('run:view.startup.ready', { name: r.name });
  return r.segments.find((s) => s.start <= t && t < s.end)?.label ?? r.label;
}

export function StartupLanes({ rows, layout, t }: { rows: readonly StartupRow[]; layout: TimelineLayout; t: number }) {
  const clip = useId();
  const { t: text } = useTranslation('run');
  if (rows.length === 0) return null;
  const height = rows.length * ROW_H + 4;
  // Zoomed in (the timeline's range t0..t1), bars and labels stay right of the names.
  const plot = { x: layout.left, width: Math.max(0, layout.width - layout.left - 8) };
  const ready = rows.filter((r) => r.readyAt !== null && r.readyAt <= t).length;
  return (
    <div className="run-startup" data-testid="run-startup" data-rows={rows.length}>
      <svg
        width={layout.width}
        height={height}
        role="img"
        aria-label={text('startup.label', {
          executors: rows.length - 1,
          time: formatTime(t),
          ready,
          total: rows.length,
        })}
      >
        <defs>
          <clipPath id={clip}>
            <rect x={plot.x} y={0} width={plot.width} height={height} />
          </clipPath>
        </defs>
        {rows.map((r, i) => {
          const y = 2 + i * ROW_H;
          const state = startupStateAt(r, t);
          return (
            <g
              key={r.id}
              className={`startup-row ${state}`}
              data-startup-row={r.id}
              data-state={state}
              aria-label={`${r.label}: ${state}`}
            >
              <title>
                {r.readyAt !== null ? text('startup.upAt', { label: r.label, time: formatTime(r.readyAt) }) : r.label}
              </title>
              <text className="startup-name" x={4} y={y + 11}>
                {r.name.length > 14 ? `${r.name.slice(0, 13)}…` : r.name}
              </text>
              <g clipPath={`url(#${clip})`}>
                {r.segments.map((s, k) => {
                  if (s.start > t) return null;
                  const x0 = xOf(layout, s.start);
                  const x1 = Math.max(x0 + 1, xOf(layout, Math.min(s.end, t)));
                  return (
                    <rect
                      key={k}
                      className={`startup-seg ${s.kind}`}
                      x={x0}
                      y={y + 1}
                      width={x1 - x0}
                      height={ROW_H - 3}
                    />
                  );
                })}
                {r.segments.some((s) => s.start <= t) && (
                  <text className="startup-label" x={xOf(layout, Math.min(t, r.segments.at(-1)!.end)) + 4} y={y + 11}>
                    {rowText(r, state, t)}
                  </text>
                )}
              </g>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
