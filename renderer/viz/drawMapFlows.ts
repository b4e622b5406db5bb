/**
 * Draws the data moving at a playback instant over the cluster map: one curve per pair of
 * endpoints (node cards, or rack summaries; a loop for bytes that stay on one node or inside one
 * summarised rack), its width scaled by bytes/s, its colour and dash by scope (same node: dotted,
 * same rack: dashed, other rack: solid), dots running from sender to receiver and an arrowhead at
 * the receiver. Transfers that just ended fade out. Drawn on a canvas over the SVG map, which
 * ignores the pointer; where the map has words the curves are faded, so the words stay readable.
 */
import { i18n } from '../i18n/i18n';
import type { FlowPair } from './mapFlowIndex';
import type { Box } from './clusterMapLayout';

export interface FlowGeometry {
  /** Where each endpoint is drawn (node id, `rack:<id>`, or `outside`). */
  anchors: ReadonlyMap<string, Box>;
  /** What the map draws a node as (null: not on the map). */
  endpoint(node: string): string | null;
  /** Where the map has words (mapLabelBoxes.ts): the curves are faded there, the words stay readable. */
  labels?: readonly Box[];
}

/** How much of a curve is taken away where it crosses the map's words (not its arrowhead and dots): a trace stays, so the line reads as passing behind them. */
const UNDER_WORDS = 0.85;

interface Curve {
  a: [number, number];
  c1: [number, number];
  c2: [number, number];
  b: [number, number];
}

const DOTS = 3;
/** One lap of a dot along its curve, in wall-clock ms. */
const LAP_MS = 1400;

function curveOf(p: FlowPair, g: FlowGeometry): Curve | null {
  const A = g.anchors.get(p.from);
  const B = g.anchors.get(p.to);
  if (!A || !B) return null;
  if (p.from === p.to) {
    // A loop at the card's right edge: the bytes stay on this node (or inside this rack).
    const x = A.x + A.w - 34;
    const y = A.y + Math.min(A.h - 8, 30);
    return { a: [x, y], c1: [x - 6, y - 34], c2: [x + 30, y - 34], b: [x + 24, y] };
  }
  const a: [number, number] = [A.x + A.w / 2, A.y + A.h / 2];
  const b: [number, number] = [B.x + B.w / 2, B.y + B.h / 2];
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy) || 1;
  // Bend to the right of the direction of travel, so a -> b and b -> a do not overlap.
  const bend = Math.min(60, len * 0.18);
  const nx = (dy / len) * bend;
  const ny = (-dx / len) * bend;
  return {
    a,
    c1: [a[0] + dx / 3 + nx, a[1] + dy / 3 + ny],
    c2: [a[0] + (2 * dx) / 3 + nx, a[1] + (2 * dy) / 3 + ny],
    b,
  };
}

/** A moving pair's opacity, or a finished one's as it fades out. */
const alphaOf = (pair: FlowPair): number => (pair.active > 0 ? 0.9 : 0.2 + 0.6 * pair.fade);

function at(c: Curve, u: number): [number, number] {
  const v = 1 - u;
  const w = [v * v * v, 3 * v * v * u, 3 * v * u * u, u * u * u] as const;
  return [
    w[0] * c.a[0] + w[1] * c.c1[0] + w[2] * c.c2[0] + w[3] * c.b[0],
    w[0] * c.a[1] + w[1] * c.c1[1] + w[2] * c.c2[1] + w[3] * c.b[1],
  ];
}

/** Line width for a pair's bytes/s: 2.5 px for a trickle (or a transfer that just ended) up to 8 px at the run's peak. */
export function flowWidth(rate: number, peakRate: number): number {
  return 2.5 + 6 * Math.sqrt(peakRate > 0 ? Math.min(1, rate / peakRate) : 0);
}

export interface FlowColours {
  local: string;
  rack: string;
  offRack: string;
  panel: string;
  muted: string;
}

const DASHES: Record<FlowPair['scope'], number[]> = { local: [2, 4], rack: [8, 5], offRack: [] };

/** The colours last read, and the theme they were read in (the theme lives on <html>). */
let coloursRead: { theme: string; colours: FlowColours } | null = null;

/**
 * The flow colours of the current theme. Read from CSS once per theme, not per frame: reading
 * computed styles every frame of playback made the browser recompute styles every frame.
 */
export function readFlowColours(el: Element): FlowColours {
  const html = el.ownerDocument.documentElement;
  const theme = `${html.getAttribute('data-theme')}|${html.className}|${html.getAttribute('style')}`;
  if (coloursRead?.theme !== theme) coloursRead = { theme, colours: readFlowColoursNow(el) };
  return coloursRead.colours;
}

function readFlowColoursNow(el: Element): FlowColours {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    local: v('--flow-local', '#007a5a'),
    rack: v('--flow-rack', '#0061a0'),
    offRack: v('--flow-offrack', '#b34700'),
    panel: v('--panel', '#ffffff'),
    muted: v('--muted', '#4f5f73'),
  };
}

/**
 * Paints the pairs on a canvas laid over the map (same CSS size as the SVG's drawing), so a frame
 * repaints only this layer, not the map's cards and chips. Returns the keys drawn (`*` = moving).
 */
export function drawMapFlows(
  canvas: HTMLCanvasElement,
  size: { width: number; height: number },
  pairs: readonly FlowPair[],
  geometry: FlowGeometry,
  peakRate: number,
  wallMs: number,
  colours: FlowColours,
): string[] {
  const dpr = Math.max(1, Math.min(2, window.devicePixelRatio || 1));
  const w = Math.round(size.width * dpr);
  const h = Math.round(size.height * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
    canvas.style.width = `${size.width}px`;
    canvas.style.height = `${size.height}px`;
  }
  const g = canvas.getContext('2d');
  if (!g) return [];
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.clearRect(0, 0, w, h);
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.lineCap = 'round';
  const drawnKeys: string[] = [];
  const drawn: { pair: FlowPair; c: Curve; width: number }[] = [];
  const phase = (wallMs % LAP_MS) / LAP_MS;
  let outsideUsed = false;
  for (const pair of pairs) {
    const c = curveOf(pair, geometry);
    if (!c) continue;
    if (pair.from === 'outside' || pair.to === 'outside') outsideUsed = true;
    drawnKeys.push(`${pair.key}${pair.active > 0 ? '*' : ''}`);
    const width = flowWidth(pair.rate, peakRate);
    drawn.push({ pair, c, width });
    g.globalAlpha = alphaOf(pair);
    g.strokeStyle = colours[pair.scope];
    g.lineWidth = width;
    g.setLineDash(DASHES[pair.scope]);
    g.beginPath();
    g.moveTo(c.a[0], c.a[1]);
    g.bezierCurveTo(c.c1[0], c.c1[1], c.c2[0], c.c2[1], c.b[0], c.b[1]);
    g.stroke();
  }
  g.setLineDash([]);
  // The curves fade under the map's words; the arrowheads and dots, drawn after, keep saying which way the data goes.
  if (drawn.length > 0 && geometry.labels !== undefined) {
    g.globalCompositeOperation = 'destination-out';
    g.globalAlpha = UNDER_WORDS;
    g.fillStyle = '#000';
    for (const b of geometry.labels) g.fillRect(b.x - 2, b.y - 1, b.w + 4, b.h + 2);
    g.globalCompositeOperation = 'source-over';
  }
  for (const { pair, c, width } of drawn) {
    const colour = colours[pair.scope];
    g.globalAlpha = alphaOf(pair);
    g.fillStyle = colour;
    // The arrowhead at the receiver.
    const self = pair.from === pair.to;
    const tip = at(c, self ? 1 : 0.8);
    const back = at(c, self ? 0.85 : 0.74);
    const len = Math.hypot(tip[0] - back[0], tip[1] - back[1]) || 1;
    const ux = (tip[0] - back[0]) / len;
    const uy = (tip[1] - back[1]) / len;
    const head = 5 + width;
    const bx = tip[0] - ux * head;
    const by = tip[1] - uy * head;
    g.beginPath();
    g.moveTo(tip[0], tip[1]);
    g.lineTo(bx - uy * head * 0.6, by + ux * head * 0.6);
    g.lineTo(bx + uy * head * 0.6, by - ux * head * 0.6);
    g.closePath();
    g.fill();
    if (pair.active === 0) continue;
    // Dots running from sender to receiver (wall-clock paced: readable at any playback speed).
    const r = 2 + width / 2;
    g.lineWidth = 1;
    g.strokeStyle = colours.panel;
    for (let i = 0; i < DOTS; i++) {
      const [x, y] = at(c, (phase + i / DOTS) % 1);
      g.beginPath();
      g.arc(x, y, r, 0, 2 * Math.PI);
      g.fill();
      g.stroke();
    }
  }
  g.globalAlpha = 1;
  const outside = geometry.anchors.get('outside');
  if (outsideUsed && outside) {
    g.fillStyle = colours.muted;
    g.font = '12px system-ui, sans-serif';
    g.textAlign = 'end';
    g.fillText(i18n.t('viz:map.otherRacks'), outside.x - 6, outside.y + 16);
  }
  return drawnKeys;
}
