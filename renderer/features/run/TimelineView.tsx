/**
 * The run timeline: one lane per node (MapReduce) or executor (Spark), one bar per task attempt
 * (and per MapReduce ApplicationMaster, which holds a container too) coloured by phase, drawn on
 * a canvas up to time t. Hover or click an attempt for its details; with the canvas focused,
 * arrow keys move between attempts and Home/End jump to the first/last. The canvas carries
 * `data-running-bars`: how many bars the last frame drew running at t.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Bar, RunView } from '../../viz/run/runViewTypes';
import { barPhaseLabel, legendPhases, phaseLabel } from '../../viz/run/phases';
import { hitTest, makeTimelineLayout, navigate, runningAt, type NavKey } from '../../viz/run/timelineLayout';
import { readColours, TimelineRenderer } from '../../viz/run/drawTimeline';
import { formatMs } from '../../viz/run/format';
import { useElementWidth } from './useElementWidth';
import { StartupLanes } from './StartupLanes';
import { plural } from '../../../labs/plural';

const NAV_KEYS: readonly NavKey[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];
const isNavKey = (key: string): key is NavKey => NAV_KEYS.some((k) => k === key);

export function describeAttempt(b: Bar, t: number, kind: RunView['kind'] = 'mapreduce'): string {
  const status = b.end > t ? 'running' : b.status;
  const phases = b.phases
    .filter((p) => p.start <= t)
    .map((p) => `${barPhaseLabel(kind, b.taskSet, p.phase)} ${formatMs(Math.min(p.end, t) - p.start)}`);
  const span = `${formatMs(b.start)} → ${b.end > t ? '…' : formatMs(b.end)} (${formatMs(Math.min(b.end, t) - b.start)})`;
  if (b.role === 'am')
    return `${b.task} (${b.attemptId}) in container ${b.container ?? '?'} on ${b.node}, ${status}; ${span}${phases.length ? `: ${phases.join(', ')}` : ''}${b.reason && b.end <= t ? `. ${b.reason}` : ''}`;
  const flags = [
    b.retry ? `retry (attempt ${b.attempt + 1})` : '',
    b.speculative ? 'speculative copy' : '',
    b.fetchFailed && b.end <= t ? 'fetch failure: a map output it needed was lost, not its code' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${b.task} attempt ${b.attempt} (${b.attemptId}) on ${b.node}${b.executor !== b.node ? ` / ${b.executor}` : ''}, ${b.locality}, ${status}${flags ? `, ${flags}` : ''}; ${span}${phases.length ? `: ${phases.join(', ')}` : ''}${b.reason && b.end <= t ? `. Reason: ${b.reason}` : ''}`;
}

export function TimelineView({ view, t, maxHeight = 560 }: { view: RunView; t: number; maxHeight?: number }) {
  const [hostRef, width] = useElementWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<TimelineRenderer | null>(null);
  const [selected, setSelected] = useState(-1);
  const [hover, setHover] = useState(-1);
  const [themeTick, setThemeTick] = useState(0);
  const layout = useMemo(() => makeTimelineLayout(view, width, maxHeight), [view, width, maxHeight]);

  // The theme lives on <html data-theme>: repaint with the new colours when it changes.
  useEffect(() => {
    const observer = new MutationObserver(() => setThemeTick((n) => n + 1));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const colours = readColours(canvas);
    if (rendererRef.current?.isFor(view)) rendererRef.current.resize(layout, colours);
    else rendererRef.current = new TimelineRenderer(canvas, view, layout, colours);
  }, [view, layout, themeTick]);

  const shown = hover >= 0 ? hover : selected;
  useEffect(() => {
    const drawn = rendererRef.current?.draw(t, shown);
    if (canvasRef.current && drawn !== undefined) {
      canvasRef.current.dataset.runningBars = String(drawn);
      canvasRef.current.dataset.t = String(t);
    }
  }, [t, shown, layout, view, themeTick]);

  const summary = useMemo(() => {
    const ids = new Int32Array(Math.max(1, view.bars.length));
    const n = runningAt(view, t, ids);
    let masters = 0;
    for (let k = 0; k < n; k++) if (view.bars[ids[k]!]!.role === 'am') masters++;
    const tot = view.totals;
    const am = masters > 0 ? ` and ${plural(masters, 'ApplicationMaster')}` : '';
    return `${plural(tot.attempts, 'task attempt')} on ${plural(view.lanes.length, view.kind === 'spark' ? 'executor' : 'node')}; ${tot.failed} failed, ${tot.killed} killed, ${plural(tot.retries, 'retry')}, ${tot.speculative} speculative. At ${formatMs(t)}: ${plural(n - masters, 'task')}${am} running.`;
  }, [view, t]);

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    setHover(hitTest(view, layout, e.clientX - r.left, e.clientY - r.top, t));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const key = e.key;
    if (isNavKey(key)) {
      e.preventDefault();
      setHover(-1);
      setSelected((current) => navigate(view, current, key, t));
    } else if (e.key === 'Escape') setSelected(-1);
  };
  const detail = shown >= 0 && shown < view.bars.length && view.bars[shown]!.start <= t ? view.bars[shown]! : null;

  return (
    <div className="run-timeline">
      <div className="legend run-legend" aria-label="Timeline legend">
        {legendPhases(view.kind).map((p) => (
          <span key={p} style={{ ['--swatch' as string]: `var(--phase-${p})` }}>
            {phaseLabel(view.kind, p)}
          </span>
        ))}
        <span className="run-key failed">failed / killed ✕</span>
        {view.kind === 'spark' && (
          <span className="run-key fetch-failed" title="FetchFailed: a map output this task needed was lost">
            fetch failed ↯
          </span>
        )}
        <span className="run-key retry">retry</span>
        <span className="run-key speculative">speculative</span>
        <span className="run-key died">node died</span>
      </div>
      <StartupLanes rows={view.startup ?? []} layout={layout} t={t} />
      <div ref={hostRef} className="run-canvas-host" style={{ maxHeight: maxHeight + 40 }}>
        <canvas
          ref={canvasRef}
          tabIndex={0}
          role="img"
          aria-label={`Task timeline. ${summary} Use the arrow keys to move between task attempts.`}
          aria-describedby="run-timeline-detail"
          data-testid="run-timeline"
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHover(-1)}
          onClick={() => setSelected(hover)}
          onKeyDown={onKeyDown}
        />
      </div>
      <p className="run-detail mono" id="run-timeline-detail" aria-live="polite">
        {detail ? (
          describeAttempt(detail, t, view.kind)
        ) : (
          <span className="muted">
            {summary} Hover or click a bar (or focus the chart and use the arrow keys) for an attempt’s details.
          </span>
        )}
      </p>
    </div>
  );
}
