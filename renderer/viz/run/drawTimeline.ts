/**
 * Draws the run timeline on a canvas (devicePixelRatio-aware). Finished attempts are painted
 * once into an offscreen layer as playback passes their end; each frame copies that layer and
 * paints only the attempts running at t (growing bars), node markers and the playhead, so a
 * frame costs O(running bars), not O(all bars). Scrubbing backwards rebuilds the layer.
 */
import { i18n } from '../../i18n/i18n';
import { fixed, numberFormat } from '../../i18n/numberFormat';
import { seconds } from '../views/durationWords';
import { minutesWords } from './format';
import { PHASES, type Phase, type RunView } from './runViewTypes';
import { runningAt, timeTicks, xOf, type TimelineLayout } from './timelineLayout';

export interface TimelineColours {
  text: string;
  muted: string;
  border: string;
  panel: string;
  stripe: string;
  bad: string;
  warn: string;
  accent: string;
  focus: string;
  phases: string[];
}

const FALLBACK_PHASES: Record<Phase, string> = {
  startup: '#8a99ad',
  read: '#2bb3a3',
  shuffle: '#9b6bff',
  compute: '#3d8bfd',
  spill: '#f59f3a',
  write: '#3ecf8e',
  am: '#c4ad86',
};

export function readColours(el: Element): TimelineColours {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#16202c'),
    muted: v('--muted', '#4f5f73'),
    border: v('--border', '#cdd6e1'),
    panel: v('--panel', '#ffffff'),
    stripe: v('--panel-2', '#eef2f7'),
    bad: v('--bad', '#c0262d'),
    warn: v('--warn', '#9a5b00'),
    accent: v('--accent', '#0b6bcb'),
    focus: v('--focus', '#b35c00'),
    phases: PHASES.map((p) => v(`--phase-${p}`, FALLBACK_PHASES[p])),
  };
}

/**
 * The finished-bars layer of the last timeline taken down, for the next one. A canvas's first
 * drawing costs 20-40 ms in Chromium (its backing store is made then), and the run area is built
 * anew for every run: drawn on again at the same size, a used canvas costs about 1 ms.
 */
let spareLayer: HTMLCanvasElement | null = null;

export class TimelineRenderer {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly layer: HTMLCanvasElement;
  private readonly lctx: CanvasRenderingContext2D;
  private readonly running: Int32Array;
  private readonly batch: Int32Array;
  private endCursor = 0;
  private layerT = -1;
  private dpr = 1;
  private hatch: CanvasPattern | null = null;
  /** Fetch failures are hatched the other way in the warning colour: the data was lost, not the code wrong. */
  private fetchHatch: CanvasPattern | null = null;
  /** How many bars the last frame drew as running on a dead node (the summary counts them too). */
  onDeadBars = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly view: RunView,
    private layout: TimelineLayout,
    private colours: TimelineColours,
  ) {
    this.ctx = canvas.getContext('2d')!;
    this.layer = spareLayer ?? document.createElement('canvas');
    spareLayer = null;
    this.lctx = this.layer.getContext('2d')!;
    this.running = new Int32Array(Math.max(16, view.bars.length));
    this.batch = new Int32Array(Math.max(16, view.bars.length));
    this.resize(layout, colours);
  }

  /** Gives the offscreen layer to the next timeline; this renderer draws no more. */
  dispose(): void {
    spareLayer ??= this.layer;
  }

  isFor(view: RunView): boolean {
    return this.view === view;
  }

  /** New size or theme: reallocate backing stores and rebuild the finished-bars layer on the next draw. */
  resize(layout: TimelineLayout, colours: TimelineColours): void {
    this.layout = layout;
    this.colours = colours;
    this.dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
    const w = Math.round(layout.width * this.dpr);
    const h = Math.round(layout.height * this.dpr);
    // Set only when it changes: setting either clears the canvas and, at a new size, allocates it again.
    for (const c of [this.canvas, this.layer]) {
      if (c.width !== w) c.width = w;
      if (c.height !== h) c.height = h;
    }
    this.canvas.style.width = `${layout.width}px`;
    this.canvas.style.height = `${layout.height}px`;
    this.hatch = this.makeHatch(this.colours.bad, false);
    this.fetchHatch = this.makeHatch(this.colours.warn, true);
    this.layerT = -1;
  }

  /**
   * One frame at time t; `selected` (a bar index or -1) gets a focus outline. Returns how many
   * bars it drew running at t (the truthful count a page can expose next to the picture).
   */
  draw(t: number, selected: number): number {
    const { ctx, layout: l, colours: c, view } = this;
    if (t < this.layerT || this.layerT < 0) this.resetLayer();
    this.advanceLayer(t);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.drawImage(this.layer, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.save();
    ctx.beginPath();
    ctx.rect(l.left, 0, l.width - l.left, l.height);
    ctx.clip();
    const n = runningAt(view, t, this.running);
    this.onDeadBars = this.paintBars(ctx, this.running, n, t);
    // Node events up to t: a red line down the node's lane and a label in the axis band.
    for (const m of view.markers) {
      if (m.t > t) break;
      if (
        m.kind !== 'nodeDied' &&
        m.kind !== 'nodeRestarted' &&
        m.kind !== 'nodeSlowed' &&
        m.kind !== 'mapOutputLost' &&
        m.kind !== 'executorLost'
      )
        continue;
      const x = xOf(l, m.t);
      ctx.fillStyle =
        m.kind === 'nodeDied' || m.kind === 'mapOutputLost' || m.kind === 'executorLost'
          ? c.bad
          : m.kind === 'nodeSlowed'
            ? c.warn
            : c.accent;
      for (let lane = 0; lane < view.lanes.length; lane++) {
        if (view.lanes[lane]!.node !== m.node) continue;
        ctx.fillRect(x - 1, l.laneY[lane]!, 2, l.laneY[lane + 1]! - l.laneY[lane]!);
      }
      if (m.kind !== 'mapOutputLost' && m.kind !== 'executorLost') {
        ctx.font = '600 11px system-ui, sans-serif';
        ctx.fillText(
          i18n.t(`run:view.flag.${m.kind === 'nodeDied' ? 'died' : m.kind === 'nodeSlowed' ? 'slow' : 'back'}`, {
            node: m.node,
          }),
          x + 3,
          10,
        );
      }
    }
    if (selected >= 0 && selected < view.bars.length && view.bars[selected]!.start <= t) {
      const b = view.bars[selected]!;
      const x0 = xOf(l, b.start);
      const x1 = Math.max(x0 + 3, xOf(l, Math.min(b.end, t)));
      const y = l.laneY[b.lane]! + b.slot * l.rowH;
      ctx.strokeStyle = c.focus;
      ctx.lineWidth = 2;
      ctx.strokeRect(x0 - 2, y - 2, x1 - x0 + 4, l.rowH + 3);
    }
    const px = xOf(l, t);
    ctx.fillStyle = c.text;
    ctx.fillRect(px - 0.75, l.top - 4, 1.5, l.height - l.top);
    ctx.restore();
    return n;
  }

  private resetLayer(): void {
    const { lctx: g, layout: l, colours: c, view } = this;
    g.restore();
    g.save();
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, this.layer.width, this.layer.height);
    g.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    g.font = '11px system-ui, sans-serif';
    g.textBaseline = 'middle';
    let lastRack = '';
    const labelEvery = Math.max(
      1,
      Math.ceil(12 / Math.max(1, (l.laneY[view.lanes.length]! - l.top) / Math.max(1, view.lanes.length))),
    );
    view.lanes.forEach((lane, i) => {
      const y0 = l.laneY[i]!;
      const y1 = l.laneY[i + 1]! - l.laneGap;
      if (i % 2 === 0) {
        g.fillStyle = c.stripe;
        g.fillRect(l.left, y0, l.width - l.left, y1 - y0);
      }
      if (lane.rack !== lastRack) {
        g.fillStyle = c.border;
        g.fillRect(0, y0 - 1, l.width, 1);
        lastRack = lane.rack;
      }
      if (i % labelEvery === 0) {
        g.fillStyle = c.text;
        g.fillText(lane.label.length > 14 ? `${lane.label.slice(0, 13)}…` : lane.label, 4, (y0 + y1) / 2);
      }
    });
    g.fillStyle = c.muted;
    g.textBaseline = 'alphabetic';
    const ticks = timeTicks(l);
    const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : l.t1 - l.t0;
    for (const tick of ticks) {
      const x = xOf(l, tick);
      g.fillStyle = c.border;
      g.fillRect(x, l.top - 3, 1, l.height - l.top);
      g.fillStyle = c.muted;
      g.fillText(formatTick(tick, step), x + 2, l.top - 6);
    }
    // Bars and markers stay right of the lane labels when the view is zoomed.
    g.beginPath();
    g.rect(l.left, 0, l.width - l.left, l.height);
    g.clip();
    this.endCursor = 0;
    this.layerT = 0;
  }

  private advanceLayer(t: number): void {
    const { byEnd, ends } = this.view.index;
    let n = 0;
    while (this.endCursor < byEnd.length && ends[byEnd[this.endCursor]!]! <= t)
      this.batch[n++] = byEnd[this.endCursor++]!;
    if (n > 0) this.paintBars(this.lctx, this.batch, n, Number.POSITIVE_INFINITY);
    this.layerT = t;
  }

  /**
   * Paints bars ids[0..n) up to time `until`, one pass per phase colour, then their status marks;
   * returns how many it drew as running on a dead node (outlined past the end of their work).
   */
  private paintBars(g: CanvasRenderingContext2D, ids: Int32Array, n: number, until: number): number {
    let onDead = 0;
    const { layout: l, colours: c, view } = this;
    const { starts, ends, phaseStarts, phaseEnds } = view.index;
    const bars = view.bars;
    const h = Math.max(1, l.rowH - (l.rowH >= 4 ? 1 : 0));
    const P = PHASES.length;
    for (let k = 0; k < P; k++) {
      g.fillStyle = c.phases[k]!;
      for (let j = 0; j < n; j++) {
        const i = ids[j]!;
        if (starts[i]! > l.t1 || ends[i]! < l.t0) continue;
        const from = phaseStarts[i * P + k]!;
        const to = Math.min(phaseEnds[i * P + k]!, until);
        if (to <= from) continue;
        const x0 = xOf(l, from);
        const w = xOf(l, to) - x0;
        const b = bars[i]!;
        g.fillRect(x0, l.laneY[b.lane]! + b.slot * l.rowH, Math.max(w, k === 0 ? 1 : w), h);
      }
    }
    for (let j = 0; j < n; j++) {
      const b = bars[ids[j]!]!;
      if (b.status === 'succeeded' && !b.speculative && !b.retry) continue;
      const x0 = xOf(l, starts[b.index]!);
      const x1 = Math.max(x0 + 2, xOf(l, Math.min(ends[b.index]!, until)));
      const y = l.laneY[b.lane]! + b.slot * l.rowH;
      const done = ends[b.index]! <= until;
      if (!done) {
        // Still running at `until` past the end of its last phase: its node died with it, and the
        // ApplicationMaster or driver has not noticed yet. Outlined, dotted and empty, from where
        // its work stopped: it only looks running (the summary says so too).
        let worked = starts[b.index]!;
        for (let k = 0; k < P; k++) {
          const from = phaseStarts[b.index * P + k]!;
          const to = phaseEnds[b.index * P + k]!;
          if (to > from && to > worked) worked = to;
        }
        if (worked < until) {
          const gx = xOf(l, worked);
          g.strokeStyle = c.bad;
          g.lineWidth = 1;
          g.setLineDash([2, 2]);
          g.strokeRect(gx + 0.5, y + 0.5, Math.max(1, x1 - gx - 1), h - 1);
          g.setLineDash([]);
          onDead++;
        }
      }
      if (done && (b.status === 'failed' || b.status === 'killed')) {
        const hatch = b.fetchFailed ? this.fetchHatch : this.hatch;
        const colour = b.fetchFailed ? c.warn : c.bad;
        if (hatch) {
          g.fillStyle = hatch;
          g.fillRect(x0, y, x1 - x0, h);
        }
        g.strokeStyle = colour;
        g.lineWidth = 1.5;
        g.strokeRect(x0 + 0.5, y + 0.5, x1 - x0 - 1, h - 1);
        if (h >= 9 && x1 - x0 >= 10) {
          g.fillStyle = colour;
          g.font = `700 ${Math.min(12, h)}px system-ui, sans-serif`;
          g.textBaseline = 'middle';
          g.fillText(b.fetchFailed ? '↯' : '✕', x1 - Math.min(12, h), y + h / 2 + 0.5);
        }
      }
      if (b.speculative) {
        g.strokeStyle = c.warn;
        g.lineWidth = 1.5;
        g.setLineDash([3, 2]);
        g.strokeRect(x0 + 0.5, y + 0.5, x1 - x0 - 1, h - 1);
        g.setLineDash([]);
      }
      if (b.retry) {
        g.fillStyle = c.text;
        g.fillRect(x0, y, 2, h);
        g.beginPath();
        g.moveTo(x0 + 2, y);
        g.lineTo(x0 + 2 + Math.min(6, h), y);
        g.lineTo(x0 + 2, y + Math.min(6, h));
        g.fill();
      }
    }
    return onDead;
  }

  private makeHatch(colour: string, mirrored: boolean): CanvasPattern | null {
    const tile = document.createElement('canvas');
    tile.width = tile.height = 6;
    const g = tile.getContext('2d');
    if (!g) return null;
    g.strokeStyle = colour;
    g.globalAlpha = 0.85;
    g.lineWidth = 1.5;
    g.beginPath();
    g.moveTo(0, mirrored ? 0 : 6);
    g.lineTo(6, mirrored ? 6 : 0);
    g.stroke();
    return this.ctx.createPattern(tile, 'repeat');
  }
}

/**
 * An axis label; `step` (the distance between ticks) sets how many decimals a zoomed-in axis needs.
 * From two minutes on in the checks' words ("10 min 5 s", "10 min 5.4 s" zoomed in), as the range
 * line above the axis and the attempts' tooltips say an instant: the axis read "10m05s" and "605.4 s".
 */
export function formatTick(ms: number, step = 1000): string {
  if (step < 1000 && ms >= 1000) {
    const decimals = Math.min(4, Math.max(1, Math.ceil(-Math.log10(step / 1000) - 1e-9)));
    return ms >= 120_000 ? minutesWords(ms, decimals) : `${fixed(ms / 1000, decimals)} s`;
  }
  if (ms >= 120_000) return seconds(ms);
  // The origin is '0', as on the views' time axes (tickWords): it read '0 ms' beside '3 min 20 s'.
  if (ms === 0) return '0';
  if (ms >= 1000) return `${numberFormat({ maximumFractionDigits: 2, useGrouping: false }).format(ms / 1000)} s`;
  return step < 1 ? `${fixed(ms, 1)} ms` : `${Math.round(ms)} ms`;
}
