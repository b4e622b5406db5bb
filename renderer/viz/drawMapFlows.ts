/**
 * Draws the data moving at a playback instant over the cluster map: one curve per pair of
 * endpoints (node cards, or rack summaries; a loop for bytes that stay on one node or inside one
 * summarised rack), its width scaled by bytes/s, its colour and dash by scope (same node: dotted,
 * same rack: dashed, other rack: solid), dots running from sender to receiver and an arrowhead at
 * the receiver. Transfers that just ended fade out. The layer ignores the pointer.
 */
import { select } from 'd3';
import type { FlowPair } from './mapFlowIndex';
import type { Box } from './clusterMapLayout';

export interface FlowGeometry {
  /** Where each endpoint is drawn (node id, `rack:<id>`, or `outside`). */
  anchors: ReadonlyMap<string, Box>;
  /** What the map draws a node as (null: not on the map). */
  endpoint(node: string): string | null;
}

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

function at(c: Curve, u: number): [number, number] {
  const v = 1 - u;
  const w = [v * v * v, 3 * v * v * u, 3 * v * u * u, u * u * u] as const;
  return [
    w[0] * c.a[0] + w[1] * c.c1[0] + w[2] * c.c2[0] + w[3] * c.b[0],
    w[0] * c.a[1] + w[1] * c.c1[1] + w[2] * c.c2[1] + w[3] * c.b[1],
  ];
}

const pathOf = (c: Curve) => `M${c.a[0]},${c.a[1]}C${c.c1[0]},${c.c1[1]} ${c.c2[0]},${c.c2[1]} ${c.b[0]},${c.b[1]}`;

/** Line width for a pair's bytes/s: 2.5 px for a trickle (or a transfer that just ended) up to 8 px at the run's peak. */
export function flowWidth(rate: number, peakRate: number): number {
  return 2.5 + 6 * Math.sqrt(peakRate > 0 ? Math.min(1, rate / peakRate) : 0);
}

interface Drawn {
  pair: FlowPair;
  curve: Curve;
}

export function drawMapFlows(
  svgElement: SVGSVGElement,
  pairs: readonly FlowPair[],
  geometry: FlowGeometry,
  peakRate: number,
  wallMs: number,
): void {
  const svg = select(svgElement);
  const layer = svg
    .selectAll<SVGGElement, string>('g.layer-flows')
    .data(['flows'])
    .join('g')
    .attr('class', 'layer-flows')
    .attr('aria-hidden', 'true')
    .raise();
  const drawn: Drawn[] = [];
  for (const pair of pairs) {
    const curve = curveOf(pair, geometry);
    if (curve) drawn.push({ pair, curve });
  }
  const groups = layer
    .selectAll<SVGGElement, Drawn>('g.flow')
    .data(drawn, (d) => d.pair.key)
    .join((enter) => {
      const g = enter.append('g');
      g.append('path').attr('class', 'flow-line');
      g.append('path').attr('class', 'flow-head');
      for (let i = 0; i < DOTS; i++) g.append('circle').attr('class', 'flow-dot');
      return g;
    })
    .attr('class', (d) => `flow ${d.pair.scope}${d.pair.active > 0 ? ' moving' : ' ended'}`)
    .attr('data-pair', (d) => d.pair.key)
    .attr('data-active', (d) => d.pair.active)
    .attr('opacity', (d) => (d.pair.active > 0 ? 0.92 : 0.2 + 0.6 * d.pair.fade));
  groups
    .select('path.flow-line')
    .attr('d', (d) => pathOf(d.curve))
    .attr('stroke-width', (d) => flowWidth(d.pair.rate, peakRate));
  groups.select('path.flow-head').attr('d', (d) => {
    const w = flowWidth(d.pair.rate, peakRate);
    const tip = at(d.curve, d.pair.from === d.pair.to ? 1 : 0.8);
    const back = at(d.curve, d.pair.from === d.pair.to ? 0.85 : 0.74);
    const dx = tip[0] - back[0];
    const dy = tip[1] - back[1];
    const len = Math.hypot(dx, dy) || 1;
    const size = 5 + w;
    const ux = dx / len;
    const uy = dy / len;
    const bx = tip[0] - ux * size;
    const by = tip[1] - uy * size;
    return `M${tip[0]},${tip[1]}L${bx - uy * size * 0.6},${by + ux * size * 0.6}L${bx + uy * size * 0.6},${by - ux * size * 0.6}Z`;
  });
  const outside = geometry.anchors.get('outside');
  const usesOutside = outside !== undefined && drawn.some((d) => d.pair.from === 'outside' || d.pair.to === 'outside');
  layer
    .selectAll<SVGTextElement, Box>('text.flow-outside')
    .data(usesOutside ? [outside] : [])
    .join('text')
    .attr('class', 'flow-outside')
    .attr('x', (b) => b.x - 6)
    .attr('y', (b) => b.y + 16)
    .attr('text-anchor', 'end')
    .text('other racks ⇄');
  const phase = (wallMs % LAP_MS) / LAP_MS;
  groups
    .selectAll<SVGCircleElement, Drawn>('circle.flow-dot')
    .data((d) => Array.from({ length: DOTS }, () => d))
    .attr('r', (d) => (d.pair.active > 0 ? 2 + flowWidth(d.pair.rate, peakRate) / 2 : 0))
    .attr('cx', (d, i) => at(d.curve, (phase + i / DOTS) % 1)[0])
    .attr('cy', (d, i) => at(d.curve, (phase + i / DOTS) % 1)[1]);
}
