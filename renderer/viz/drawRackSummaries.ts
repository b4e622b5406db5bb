/**
 * The cluster map of a large cluster: one card per rack with its nodes alive and dead, cores
 * busy, containers and block replicas, and a square per node shaded by how busy it is (red when
 * dead). Clicking a card zooms into the rack (the map's zoom buttons do the same by keyboard).
 */
import type { Selection } from 'd3';
import { count, plural } from '../../labs/plural';
import {
  layoutSummaries,
  RACK_HEAD,
  SQUARE,
  SUMMARY_LINE_H,
  SUMMARY_LINES,
  type Box,
  type RackSummary,
} from './clusterMapLayout';
import type { NodePicture } from './clusterPicture';

const lines = (r: RackSummary): string[] => [
  r.dead > 0 ? `${r.alive} alive · ${r.dead} dead` : `${r.alive} alive${r.slow > 0 ? ` · ${r.slow} slow` : ''}`,
  `${count(r.busyCores)}/${plural(r.cores, 'core')} busy`,
  plural(r.containers, 'container'),
  plural(r.blocks, 'block replica'),
];

const load = (n: NodePicture) => (n.alive && n.cores > 0 ? Math.min(1, n.usedCores / n.cores) : 0);

/** Draws the summaries into `g` and returns the height they need and where each rack's card is. */
export function drawRackSummaries(
  g: Selection<SVGGElement, string, SVGSVGElement, unknown>,
  racks: RackSummary[],
  width: number,
  onOpenRack?: (rack: string) => void,
): { height: number; boxes: ReadonlyMap<string, Box> } {
  const layout = layoutSummaries(racks, width);
  const box = (r: RackSummary) => layout.boxes.get(r.id)!;
  const cards = g
    .selectAll<SVGGElement, RackSummary>('g.rack-summary')
    .data(racks, (r) => r.id)
    .join((enter) => {
      const c = enter.append('g').attr('class', 'rack-summary');
      c.append('rect').attr('class', 'card').attr('rx', 8);
      c.append('text').attr('class', 'name').attr('x', 10).attr('y', 19);
      c.append('text').attr('class', 'open').attr('y', 19).attr('text-anchor', 'end');
      for (let i = 0; i < SUMMARY_LINES; i++)
        c.append('text')
          .attr('class', `line line-${i}`)
          .attr('x', 10)
          .attr('y', RACK_HEAD + 14 + i * SUMMARY_LINE_H);
      c.append('rect').attr('class', 'cpu-bg').attr('x', 10).attr('height', 5).attr('rx', 2);
      c.append('rect').attr('class', 'cpu').attr('x', 10).attr('height', 5).attr('rx', 2);
      c.append('g').attr('class', 'squares');
      c.append('title');
      return c;
    })
    .attr('transform', (r) => `translate(${box(r).x},${box(r).y})`)
    .attr('data-rack', (r) => r.id)
    .classed('has-dead', (r) => r.dead > 0)
    .on('click', (_event, r) => onOpenRack?.(r.id));

  cards
    .select('rect.card')
    .attr('width', (r) => box(r).w)
    .attr('height', (r) => box(r).h);
  cards.select('text.name').text((r) => `rack ${r.id}`);
  cards
    .select('text.open')
    .attr('x', (r) => box(r).w - 10)
    .text((r) => `${plural(r.nodes.length, 'node')} ›`);
  // Each card's lines, worked out once per draw (they are written into several elements).
  const textOf = new Map(racks.map((r) => [r.id, lines(r)]));
  for (let i = 0; i < SUMMARY_LINES; i++) cards.select(`text.line-${i}`).text((r) => textOf.get(r.id)![i]!);
  const barY = RACK_HEAD + SUMMARY_LINES * SUMMARY_LINE_H;
  cards
    .select('rect.cpu-bg')
    .attr('y', barY)
    .attr('width', (r) => box(r).w - 20);
  cards
    .select('rect.cpu')
    .attr('y', barY)
    .attr('width', (r) => (r.cores > 0 ? ((box(r).w - 20) * Math.min(r.busyCores, r.cores)) / r.cores : 0));
  cards
    // The card's own title, not the first of its chips' or squares'.
    .select(':scope > title')
    .text(
      (r) =>
        `Rack ${r.id}: ${plural(r.nodes.length, 'node')}, ${textOf.get(r.id)!.join(', ')}. Click to show its nodes.`,
    );

  const per = layout.squaresPerRow;
  cards
    .select('g.squares')
    .attr('transform', `translate(10,${barY + 12})`)
    .selectAll<SVGRectElement, NodePicture>('rect')
    .data(
      (r) => r.nodes,
      (n) => n.id,
    )
    .join((enter) =>
      enter
        .append('rect')
        .attr('width', SQUARE)
        .attr('height', SQUARE)
        .attr('rx', 2)
        .call((s) => s.append('title')),
    )
    .attr('x', (_n, i) => (i % per) * (SQUARE + 3))
    .attr('y', (_n, i) => Math.floor(i / per) * (SQUARE + 3))
    .attr('class', (n) => (n.alive ? 'square' : 'square dead'))
    .attr('fill-opacity', (n) => (n.alive ? 0.15 + 0.85 * load(n) : 1))
    .select('title')
    .text((n) => `${n.id}: ${n.alive ? `${n.usedCores}/${plural(n.cores, 'core')} busy` : 'dead'}`);
  return { height: layout.height, boxes: layout.boxes };
}
