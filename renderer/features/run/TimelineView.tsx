/**
 * The run timeline: one lane per node (MapReduce) or executor (Spark), one bar per task attempt
 * (and per MapReduce ApplicationMaster, which holds a container too) coloured by phase, drawn on
 * a canvas up to time t. Hover or click an attempt for its details; with the canvas focused,
 * arrow keys move between attempts and Home/End jump to the first/last. It zooms and pans: the
 * wheel zooms at the pointer (sideways or with Shift it pans), dragging pans, and with the canvas
 * focused + and - zoom, Shift+arrows pan, F fits the selected attempt and 0 shows the whole run;
 * buttons do the same. The canvas carries `data-running-bars` (how many bars the last frame drew
 * running at t) and `data-t0`/`data-t1` (the time shown).
 */
import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { RunView } from '../../viz/run/runViewTypes';
import { legendPhases, phaseLabel } from '../../viz/run/phases';
import { describeAttempt } from '../../viz/run/attemptText';
import {
  fitRange,
  hitTest,
  makeTimelineLayout,
  navigate,
  panRange,
  runningAt,
  runningOnDeadNodes,
  timeAt,
  withRange,
  zoomRange,
  type NavKey,
  type TimeRange,
} from '../../viz/run/timelineLayout';
import { readColours, TimelineRenderer } from '../../viz/run/drawTimeline';
import { formatMs, formatTime } from '../../viz/run/format';
import { useElementWidth } from './useElementWidth';
import { StartupLanes } from './StartupLanes';
import './timelineZoom.css';

const NAV_KEYS: readonly NavKey[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];
const isNavKey = (key: string): key is NavKey => NAV_KEYS.some((k) => k === key);

export function TimelineView({ view, t, maxHeight = 560 }: { view: RunView; t: number; maxHeight?: number }) {
  const { t: text } = useTranslation('run');
  const [hostRef, width, measured] = useElementWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<TimelineRenderer | null>(null);
  const [selected, setSelected] = useState(-1);
  const [hover, setHover] = useState(-1);
  const [themeTick, setThemeTick] = useState(0);
  const duration = Math.max(1, view.durationMs);
  const [range, setRange] = useState<TimeRange | null>(null);
  const shownRange = range ?? { t0: 0, t1: duration };
  const full = useMemo(() => makeTimelineLayout(view, width, maxHeight), [view, width, maxHeight]);
  const layout = useMemo(() => withRange(full, shownRange), [full, shownRange.t0, shownRange.t1]); // eslint-disable-line react-hooks/exhaustive-deps
  const drag = useRef<{ x: number; range: TimeRange; moved: boolean } | null>(null);

  // A new run shows the whole of it.
  const [rangeFor, setRangeFor] = useState(view);
  if (rangeFor !== view) {
    setRangeFor(view);
    setRange(null);
  }

  // The theme lives on <html data-theme>: repaint with the new colours when it changes.
  useEffect(() => {
    const observer = new MutationObserver(() => setThemeTick((n) => n + 1));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    return () => observer.disconnect();
  }, []);

  // Drawn from its first measured width (ResizeObserver reports before the first paint), not at a
  // fallback width first: each new size allocates the canvases again.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !measured) return;
    const colours = readColours(canvas);
    if (rendererRef.current?.isFor(view)) rendererRef.current.resize(layout, colours);
    else {
      rendererRef.current?.dispose();
      rendererRef.current = new TimelineRenderer(canvas, view, layout, colours);
    }
  }, [view, layout, themeTick, measured]);
  // Taken down (the next run builds its run area anew): the renderer's offscreen layer goes to the next one.
  useEffect(
    () => () => {
      rendererRef.current?.dispose();
      rendererRef.current = null;
    },
    [],
  );

  const shown = hover >= 0 ? hover : selected;
  useEffect(() => {
    const drawn = rendererRef.current?.draw(t, shown);
    const canvas = canvasRef.current;
    if (canvas && drawn !== undefined) {
      canvas.dataset.runningBars = String(drawn);
      canvas.dataset.onDeadBars = String(rendererRef.current?.onDeadBars ?? 0);
      canvas.dataset.t = String(t);
      canvas.dataset.t0 = String(layout.t0);
      canvas.dataset.t1 = String(layout.t1);
      const b = view.bars[selected];
      canvas.dataset.selectedStart = b ? String(b.start) : '';
      canvas.dataset.selectedEnd = b ? String(b.end) : '';
    }
  }, [t, shown, selected, layout, view, themeTick]);

  const zoomBy = useCallback(
    (factor: number, anchor?: number) =>
      setRange((r) => {
        const cur = r ?? { t0: 0, t1: duration };
        const at = anchor ?? (t >= cur.t0 && t <= cur.t1 ? t : (cur.t0 + cur.t1) / 2);
        const next = zoomRange(cur, factor, at, duration);
        return next.t0 <= 0 && next.t1 >= duration ? null : next;
      }),
    [duration, t],
  );
  const panBy = useCallback(
    (fraction: number) => setRange((r) => (r === null ? null : panRange(r, (r.t1 - r.t0) * fraction, duration))),
    [duration],
  );
  const fitBar = useCallback(
    (i: number) => {
      const b = view.bars[i];
      if (b) setRange(fitRange(b.start, Math.min(b.end, Math.max(t, b.start + 1)), duration));
    },
    [view, duration, t],
  );

  // The wheel zooms at the pointer (a non-passive listener, so the page does not scroll instead).
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const sideways = e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY);
      if (sideways) return panBy((e.shiftKey ? e.deltaY : e.deltaX) / 500);
      const x = e.clientX - canvas.getBoundingClientRect().left;
      zoomBy(Math.exp(Math.max(-1, Math.min(1, e.deltaY * 0.002))), x >= layout.left ? timeAt(layout, x) : undefined);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [layout, zoomBy, panBy]);

  const summary = useMemo(() => {
    const ids = new Int32Array(Math.max(1, view.bars.length));
    const n = runningAt(view, t, ids);
    let masters = 0;
    for (let k = 0; k < n; k++) if (view.bars[ids[k]!]!.role === 'am') masters++;
    const onDead = runningOnDeadNodes(view, t, ids, n);
    const tot = view.totals;
    return text('summary.text', {
      attempts: text('summary.attempts', { count: tot.attempts }),
      lanes: text(view.kind === 'spark' ? 'summary.executors' : 'summary.nodes', { count: view.lanes.length }),
      failed: tot.failed,
      killed: tot.killed,
      retries: text('summary.retries', { count: tot.retries }),
      speculative: tot.speculative,
      time: formatTime(t),
      tasks: text('summary.tasks', { count: n - masters }),
      masters: masters > 0 ? text('summary.masters', { count: masters }) : '',
      onDead:
        onDead > 0
          ? text('summary.onDead', {
              count: onDead,
              master: text(view.kind === 'spark' ? 'summary.driver' : 'summary.am'),
            })
          : '',
    });
  }, [view, t, text]);

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, range: shownRange, moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (d && e.buttons & 1) {
      const dx = e.clientX - d.x;
      if (Math.abs(dx) > 3 || d.moved) {
        if (!d.moved) e.currentTarget.setPointerCapture?.(e.pointerId);
        d.moved = true;
        const perPx = (d.range.t1 - d.range.t0) / Math.max(1, layout.width - layout.left - 8);
        if (range !== null || d.range.t1 - d.range.t0 < duration) setRange(panRange(d.range, -dx * perPx, duration));
        return;
      }
    }
    const r = e.currentTarget.getBoundingClientRect();
    setHover(hitTest(view, layout, e.clientX - r.left, e.clientY - r.top, t));
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (!d?.moved) setSelected(hover);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const key = e.key;
    if (e.shiftKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
      e.preventDefault();
      panBy(key === 'ArrowLeft' ? -0.25 : 0.25);
    } else if (isNavKey(key)) {
      e.preventDefault();
      setHover(-1);
      const next = navigate(view, selected, key, t);
      setSelected(next);
      // Keep the attempt chosen by keyboard in view.
      const b = view.bars[next];
      if (b && range !== null && (b.start > range.t1 || Math.min(b.end, t) < range.t0)) {
        const span = range.t1 - range.t0;
        setRange(panRange(range, b.start - (range.t0 + span / 2), duration));
      }
    } else if (key === '+' || key === '=') {
      e.preventDefault();
      const b = view.bars[selected];
      zoomBy(0.5, b ? (b.start + Math.min(b.end, t)) / 2 : undefined);
    } else if (key === '-' || key === '_') {
      e.preventDefault();
      zoomBy(2);
    } else if (key === '0') {
      e.preventDefault();
      setRange(null);
    } else if ((key === 'f' || key === 'F') && selected >= 0) {
      e.preventDefault();
      fitBar(selected);
    } else if (key === 'Escape') setSelected(-1);
  };
  const detail = shown >= 0 && shown < view.bars.length && view.bars[shown]!.start <= t ? view.bars[shown]! : null;
  const zoomed = range !== null;

  return (
    <div className="run-timeline">
      <div className="legend run-legend" aria-label={text('timeline.legend')}>
        {legendPhases(view.kind).map((p) => (
          <span key={p} style={{ ['--swatch' as string]: `var(--phase-${p})` }}>
            {phaseLabel(view.kind, p)}
          </span>
        ))}
        <span className="run-key failed">{text('timeline.failed')}</span>
        {view.kind === 'spark' && (
          <span className="run-key fetch-failed" title={text('timeline.fetchFailedTitle')}>
            {text('timeline.fetchFailed')}
          </span>
        )}
        <span className="run-key retry">{text('timeline.retry')}</span>
        <span className="run-key speculative">{text('timeline.speculative')}</span>
        <span className="run-key died">{text('timeline.died')}</span>
        {view.markers.some((m) => m.kind === 'nodeDied') && (
          <span className="run-key on-dead" title={text('timeline.onDeadTitle')}>
            {text('timeline.onDead')}
          </span>
        )}
      </div>
      <div className="timeline-zoom" role="group" aria-label={text('timeline.zoom')}>
        <button
          type="button"
          className="btn"
          aria-label={text('timeline.zoomOut')}
          onClick={() => zoomBy(2)}
          disabled={!zoomed}
        >
          −
        </button>
        <button type="button" className="btn" aria-label={text('timeline.zoomIn')} onClick={() => zoomBy(0.5)}>
          +
        </button>
        <button
          type="button"
          className="btn"
          aria-label={text('timeline.fitLabel')}
          disabled={selected < 0 || (view.bars[selected]?.start ?? Infinity) > t}
          onClick={() => fitBar(selected)}
        >
          {text('timeline.fit')}
        </button>
        <button
          type="button"
          className="btn"
          aria-label={text('timeline.wholeLabel')}
          onClick={() => setRange(null)}
          disabled={!zoomed}
        >
          {text('timeline.whole')}
        </button>
        <span className="muted" data-testid="timeline-range">
          {zoomed
            ? text('timeline.showing', {
                from: formatTime(layout.t0),
                to: formatTime(layout.t1),
                span: formatMs(layout.t1 - layout.t0),
                duration: formatMs(duration),
              })
            : text('timeline.showingWhole', { duration: formatMs(duration) })}
          {text('timeline.keys')}
        </span>
      </div>
      <StartupLanes rows={view.startup ?? []} layout={layout} t={t} />
      <div ref={hostRef} className="run-canvas-host" style={{ maxHeight: maxHeight + 40 }}>
        <canvas
          ref={canvasRef}
          tabIndex={0}
          role="img"
          className={zoomed ? 'zoomed' : undefined}
          aria-label={text('timeline.label', { summary })}
          aria-describedby="run-timeline-detail"
          data-testid="run-timeline"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => setHover(-1)}
          onKeyDown={onKeyDown}
        />
      </div>
      <p className="run-detail mono" id="run-timeline-detail" aria-live="polite">
        {detail ? (
          describeAttempt(detail, t, view.kind)
        ) : (
          <span className="muted">{text('timeline.hover', { summary })}</span>
        )}
      </p>
    </div>
  );
}
