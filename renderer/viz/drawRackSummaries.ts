/**
 * The cluster map of a large cluster: one card per rack with its nodes alive and dead, cores
 * busy, containers and block replicas, and a square per node shaded by how busy it is (red when
 * dead). Clicking a card zooms into the rack (the map's zoom buttons do the same by keyboard).
 */
import type { Selection } from 'd3';
import { count } from '../i18n/numberFormat';
import { i18n } from '../i18n/i18n';
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
import { attrOf, classOf, textOf } from './writeIfChanged';

/** The newest rack-click callback of each summaries layer (cards bind their handler once). */
const openRackOf = new WeakMap<SVGGElement, ((rack: string) => void) | undefined>();

const say = (key: string, options?: Record<string, unknown>) => i18n.t(`viz:${key}`, options);

/** A rack card's lines, in the page's language. */
const lines = (r: RackSummary): string[] => [
  r.dead > 0
    ? say('rack.aliveDead', { alive: r.alive, dead: r.dead })
    : r.slow > 0
      ? say('rack.aliveSlow', { alive: r.alive, slow: r.slow })
      : say('rack.alive', { alive: r.alive }),
  say('rack.busy', { busy: count(r.busyCores), count: r.cores }),
  say('rack.containers', { count: r.containers, n: count(r.containers) }),
  say('rack.replicas', { count: r.blocks, n: count(r.blocks) }),
];
const nodes = (r: RackSummary) => say('rack.nodes', { count: r.nodes.length, n: count(r.nodes.length) });

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
  // The click handler is bound once per card and reads the newest callback from here.
  const host = g.node();
  if (host) openRackOf.set(host, onOpenRack);
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
      c.on('click', (_event, r) => (host ? openRackOf.get(host) : undefined)?.(r.id));
      return c;
    });
  attrOf(cards, 'transform', (r) => `translate(${box(r).x},${box(r).y})`);
  attrOf(cards, 'data-rack', (r) => r.id);
  classOf(cards, 'has-dead', (r) => r.dead > 0);

  attrOf(cards.select('rect.card'), 'width', (r) => box(r).w);
  attrOf(cards.select('rect.card'), 'height', (r) => box(r).h);
  textOf(cards.select('text.name'), (r) => say('map.rack', { rack: r.id }));
  attrOf(cards.select('text.open'), 'x', (r) => box(r).w - 10);
  textOf(cards.select('text.open'), (r) => say('rack.open', { nodes: nodes(r) }));
  // Each card's lines, worked out once per draw (they are written into several elements).
  const textOfRack = new Map(racks.map((r) => [r.id, lines(r)]));
  for (let i = 0; i < SUMMARY_LINES; i++) textOf(cards.select(`text.line-${i}`), (r) => textOfRack.get(r.id)![i]!);
  const barY = RACK_HEAD + SUMMARY_LINES * SUMMARY_LINE_H;
  attrOf(cards.select('rect.cpu-bg'), 'y', barY);
  attrOf(cards.select('rect.cpu-bg'), 'width', (r) => box(r).w - 20);
  attrOf(cards.select('rect.cpu'), 'y', barY);
  attrOf(cards.select('rect.cpu'), 'width', (r) =>
    r.cores > 0 ? ((box(r).w - 20) * Math.min(r.busyCores, r.cores)) / r.cores : 0,
  );
  textOf(
    // The card's own title, not the first of its chips' or squares'.
    cards.select(':scope > title'),
    (r) => say('rack.title', { rack: r.id, nodes: nodes(r), lines: textOfRack.get(r.id)!.join(', ') }),
  );

  const per = layout.squaresPerRow;
  const squaresBox = cards.select('g.squares');
  attrOf(squaresBox, 'transform', `translate(10,${barY + 12})`);
  const squares = squaresBox
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
    );
  attrOf(squares, 'x', (_n, i) => (i % per) * (SQUARE + 3));
  attrOf(squares, 'y', (_n, i) => Math.floor(i / per) * (SQUARE + 3));
  attrOf(squares, 'class', (n) => (n.alive ? 'square' : 'square dead'));
  attrOf(squares, 'fill-opacity', (n) => (n.alive ? 0.15 + 0.85 * load(n) : 1));
  textOf(squares.select('title'), (n) =>
    n.alive
      ? say('rack.square', { node: n.id, used: n.usedCores, count: n.cores })
      : say('rack.squareDead', { node: n.id }),
  );
  return { height: layout.height, boxes: layout.boxes };
}
