/**
 * Draws a ClusterPicture into an SVG with d3, at the size it is shown (1 unit = 1 CSS pixel, so
 * text is never scaled below its font size). Small clusters, or one rack zoomed in: one card per
 * node with its cores in use and its block replicas as chips named like the block table
 * (blk_1073741825). Large clusters: one summary card per rack (drawRackSummaries). Elements are
 * joined by id, so successive pictures update in place instead of redrawing.
 */
import { i18n } from '../i18n/i18n';
import { count as formatCount } from '../i18n/numberFormat';
import { select, type Selection } from 'd3';
// Side effect: adds .transition() to selections (tree-shaking would otherwise drop it).
import 'd3-transition';
import { blockName } from '../../engine/hdfs';
import {
  describeChip,
  describeNode,
  coresOversubscribed,
  memoryOversubscribed,
  oversubscribed,
  runsDataNode,
  runsNodeManager,
  type BlockChip,
  type ClusterPicture,
  type NodePicture,
} from './clusterPicture';
import {
  CHIP_H,
  CHIP_PITCH,
  CHIP_W,
  layoutNodes,
  summariseRacks,
  SUMMARY_ABOVE_NODES,
  type Box,
  type NodesLayout,
} from './clusterMapLayout';
import { drawRackSummaries } from './drawRackSummaries';
import type { FlowGeometry } from './drawMapFlows';
import { attrOf, classOf, setAttr, textOf } from './writeIfChanged';

const BLOCK_COLOURS = ['#4fb3ff', '#ffb547', '#3ecf8e', '#c18cff', '#ff7eb6', '#7ee0e0', '#f2e35b', '#ff8a5b'];
/** Dark text on the light block colours: readable in both themes. */
const CHIP_TEXT = '#0b1520';

/** One colour per block, the same on every node that holds a replica of it. */
export function blockColour(id: number): string {
  const n = BLOCK_COLOURS.length;
  return BLOCK_COLOURS[((id % n) + n) % n]!;
}

export interface DrawOptions {
  /** The SVG's width on screen, CSS px. */
  width: number;
  /** The rack zoomed into, or null for the whole cluster. */
  rack: string | null;
  /** The most replicas one node holds during the run: sizes the cards once, so they do not jump. */
  peakBlocks: number;
  animate?: boolean;
  /** A rack summary was clicked. */
  onOpenRack?(rack: string): void;
}

/** Whether the map shows node cards or rack summaries for this picture and zoom. */
export function mapMode(picture: ClusterPicture, rack: string | null): 'nodes' | 'racks' {
  return rack === null && picture.nodes.length > SUMMARY_ABOVE_NODES ? 'racks' : 'nodes';
}

/** Draws the map and returns where its nodes are, for the data-flow layer drawn over it. */
export function drawClusterMap(svgElement: SVGSVGElement, picture: ClusterPicture, options: DrawOptions): FlowGeometry {
  setAttr(svgElement, 'role', 'img');
  const svg = select(svgElement);
  const layer = (name: string) =>
    svg
      .selectAll<SVGGElement, string>(`g.layer-${name}`)
      .data([name])
      .join((enter) => enter.append('g').attr('class', `layer-${name}`));
  const width = Math.max(280, options.width);
  const rackOf = new Map(picture.nodes.map((n) => [n.id, n.rack]));
  if (mapMode(picture, options.rack) === 'racks') {
    svg.selectAll('g.layer-nodes').remove();
    const racks = summariseRacks(picture.nodes);
    const { height, boxes } = drawRackSummaries(layer('racks'), racks, width, options.onOpenRack);
    setSize(svgElement, width, height);
    const anchors = new Map<string, Box>();
    for (const [id, box] of boxes) anchors.set(`rack:${id}`, box);
    // Each node's anchor name made once per draw, not once per flow and frame.
    const anchorOf = new Map(picture.nodes.map((n) => [n.id, `rack:${n.rack}`]));
    return { anchors, endpoint: (node) => anchorOf.get(node) ?? null };
  }
  svg.selectAll('g.layer-racks').remove();
  const nodes = options.rack === null ? picture.nodes : picture.nodes.filter((n) => n.rack === options.rack);
  const layout = layoutNodes(nodes, width, options.peakBlocks);
  setSize(svgElement, width, layout.height);
  const g = layer('nodes');
  drawRackFrames(g, layout);
  drawNodeCards(g, nodes, layout, options.animate ? 250 : 0);
  const anchors = new Map<string, Box>(layout.cards);
  const zoomed = options.rack;
  if (zoomed === null) return { anchors, endpoint: (node) => (anchors.has(node) ? node : null) };
  // Zoomed into one rack: transfers with the other racks run to the rack frame's top-right corner.
  const frame = layout.racks[0];
  anchors.set('outside', { x: (frame?.x ?? 0) + (frame?.w ?? width) - 24, y: frame?.y ?? 0, w: 0, h: 0 });
  return {
    anchors,
    endpoint: (node) => (rackOf.get(node) === zoomed ? node : rackOf.has(node) ? 'outside' : null),
  };
}

function setSize(svg: SVGSVGElement, width: number, height: number) {
  setAttr(svg, 'viewBox', `0 0 ${width} ${height}`);
  if (svg.style.height !== `${height}px`) svg.style.height = `${height}px`;
}

function drawRackFrames(g: Selection<SVGGElement, string, SVGSVGElement, unknown>, layout: NodesLayout) {
  g.selectAll<SVGGElement, NodesLayout['racks'][number]>('g.rack')
    .data(layout.racks, (d) => d.id)
    .join((enter) => {
      const r = enter.append('g').attr('class', 'rack');
      r.append('rect')
        .attr('rx', 10)
        .attr('fill', 'none')
        .attr('stroke', 'var(--border)')
        .attr('stroke-dasharray', '4 3');
      r.append('text').attr('class', 'rack-label').attr('x', 10).attr('y', 18);
      return r;
    })
    .call((r) => attrOf(r, 'transform', (d) => `translate(${d.x},${d.y})`))
    .call((r) => attrOf(r.select('rect'), 'width', (d) => d.w))
    .call((r) => attrOf(r.select('rect'), 'height', (d) => d.h))
    .call((r) => textOf(r.select('text'), (d) => say('map.rack', { rack: d.id })));
}

const say = (key: string, options?: Record<string, unknown>) => i18n.t(`viz:${key}`, options);

/** A node card's status line, in the page's language. */
function statusText(d: NodePicture): string {
  if (!d.alive) return say('map.dead');
  if (!runsNodeManager(d)) return say('map.dataNodeOnly');
  if (coresOversubscribed(d)) return say('map.coresHandedOut', { handed: d.handedOutCores, count: d.cores });
  if (memoryOversubscribed(d))
    return say('map.memoryHandedOut', {
      handed: Math.round((d.handedOutMemoryMb ?? 0) / 1024),
      total: Math.round(d.memoryMb / 1024),
    });
  if (d.slowFactor > 1) return say('map.slow', { factor: d.slowFactor, used: d.usedCores, cores: d.cores });
  const held = d.heldCores ? say('map.held', { n: d.heldCores }) : '';
  return say('map.busy', { used: d.usedCores, count: d.cores, held });
}

function drawNodeCards(
  g: Selection<SVGGElement, string, SVGSVGElement, unknown>,
  nodes: readonly NodePicture[],
  layout: NodesLayout,
  duration: number,
) {
  const box = (d: NodePicture): Box => layout.cards.get(d.id)!;
  const cards = g
    .selectAll<SVGGElement, NodePicture>('g.node')
    .data(nodes, (d) => d.id)
    .join((enter) => {
      const c = enter.append('g').attr('class', 'node');
      c.append('rect').attr('class', 'card').attr('rx', 6);
      c.append('text').attr('class', 'name').attr('x', 8).attr('y', 20);
      c.append('text').attr('class', 'status').attr('y', 20).attr('text-anchor', 'end');
      c.append('rect').attr('class', 'cpu-bg').attr('x', 8).attr('y', 28).attr('height', 5).attr('rx', 2);
      c.append('rect').attr('class', 'cpu-held').attr('y', 28).attr('height', 5);
      c.append('rect').attr('class', 'cpu').attr('x', 8).attr('y', 28).attr('height', 5).attr('rx', 2);
      c.append('g').attr('class', 'chips').attr('transform', 'translate(8,40)');
      c.append('text').attr('class', 'more');
      c.append('title');
      return c;
    });
  attrOf(cards, 'transform', (d) => `translate(${box(d).x},${box(d).y})`);
  attrOf(cards, 'data-node', (d) => d.id);
  classOf(cards, 'dead', (d) => !d.alive);
  classOf(cards, 'slow', (d) => d.alive && d.slowFactor > 1);
  classOf(cards, 'oversubscribed', (d) => d.alive && oversubscribed(d));

  attrOf(cards.select('rect.card'), 'width', (d) => box(d).w);
  attrOf(cards.select('rect.card'), 'height', (d) => box(d).h);
  // A labelled node says its YARN node label beside its name: executors asked for with the label run there only.
  textOf(cards.select('text.name'), (d) => (d.nodeLabel ? `${d.id} · ${d.nodeLabel}` : d.id));
  attrOf(cards.select('text.status'), 'x', (d) => box(d).w - 8);
  textOf(cards.select('text.status'), statusText);
  // No cores bar on a node without a NodeManager: YARN runs nothing there.
  attrOf(cards.select('rect.cpu-bg'), 'width', (d) => (runsNodeManager(d) ? box(d).w - 16 : 0));
  const coreWidth = (d: NodePicture, cores: number) =>
    d.alive && d.cores > 0 ? ((box(d).w - 16) * Math.min(cores, d.cores)) / d.cores : 0;
  attrOf(cards.select('rect.cpu'), 'width', (d) => coreWidth(d, d.usedCores));
  // Held cores (a Spark executor's idle slots) continue the bar, hatched lighter.
  attrOf(cards.select('rect.cpu-held'), 'x', (d) => 8 + coreWidth(d, d.usedCores));
  attrOf(cards.select('rect.cpu-held'), 'width', (d) => coreWidth(d, d.heldCores ?? 0));
  textOf(
    // The card's own title, not the first of its chips' or squares'.
    cards.select(':scope > title'),
    describeNode,
  );

  const slots = layout.chipsPerRow * layout.chipRows;
  const count = (d: NodePicture) => d.blockCount ?? d.blocks.length;
  const shown = (d: NodePicture): BlockChip[] => d.blocks.slice(0, count(d) > slots ? slots - 1 : slots);
  const slot = (i: number) => ({
    x: (i % layout.chipsPerRow) * (CHIP_W + 4),
    y: Math.floor(i / layout.chipsPerRow) * CHIP_PITCH,
  });
  const more = cards.select('text.more');
  attrOf(more, 'x', (d) => 8 + slot(shown(d).length).x + 2);
  attrOf(more, 'y', (d) => 40 + slot(shown(d).length).y + 13);
  textOf(more, (d) => {
    if (!runsDataNode(d)) return layout.chipRows > 0 ? say('map.noDataNode') : '';
    if (!d.alive) return layout.chipRows > 0 ? say('map.unreachable') : '';
    return count(d) > shown(d).length ? say('map.more', { n: formatCount(count(d) - shown(d).length) }) : '';
  });

  cards
    .select('g.chips')
    // Chips still fading out are not part of the join, so a redraw cannot revive them.
    .selectAll<SVGGElement, BlockChip>('g.chip:not(.exiting)')
    .data(shown, (b) => b.id)
    .join(
      (enter) =>
        enter
          .append('g')
          .attr('class', 'chip')
          .attr('opacity', duration > 0 ? 0 : 1)
          .call((c) =>
            c
              .append('rect')
              .attr('width', CHIP_W)
              .attr('height', CHIP_H)
              .attr('rx', 3)
              .attr('fill', (b) => blockColour(b.id)),
          )
          .call((c) =>
            c
              .append('text')
              .attr('x', 6)
              .attr('y', 13)
              .attr('fill', CHIP_TEXT)
              .text((b) => blockName(b.id)),
          )
          .call((c) => c.append('title'))
          .call((c) => {
            if (duration > 0) c.transition().duration(duration).attr('opacity', 1);
          }),
      (update) => update,
      (exit) =>
        duration > 0
          ? exit.classed('exiting', true).transition().duration(duration).attr('opacity', 0).remove()
          : exit.remove(),
    )
    .call((c) => attrOf(c, 'data-block', (b) => blockName(b.id)))
    // Written on every draw (only where it changed), so a chip drawn before a language switch says it anew.
    .call((c) => textOf(c.select('title'), describeChip))
    .call((c) => attrOf(c, 'transform', (_b, i) => `translate(${slot(i).x},${slot(i).y})`));
}
