/**
 * Draws a ClusterPicture into an SVG with d3: one column per rack, one card per node with its
 * cores in use, its block replicas as chips and a mark when it is dead or slow. Elements are
 * joined by id, so successive pictures animate instead of redrawing.
 */
import { select } from 'd3';
// Side effect: adds .transition() to selections (tree-shaking would otherwise drop it).
import 'd3-transition';
import type { ClusterPicture, NodePicture } from './clusterPicture';

const NODE_W = 170;
const NODE_H = 74;
const GAP = 14;
const RACK_PAD = 26;
const CHIP = 14;

const BLOCK_COLOURS = ['#4fb3ff', '#ffb547', '#3ecf8e', '#c18cff', '#ff7eb6', '#7ee0e0', '#f2e35b', '#ff8a5b'];

export function blockColour(label: string): string {
  const index = Number(label.split('#')[1] ?? 0);
  return BLOCK_COLOURS[index % BLOCK_COLOURS.length]!;
}

interface Layout {
  width: number;
  height: number;
  positions: Map<string, { x: number; y: number }>;
  racks: { id: string; x: number; height: number }[];
}

export function layoutCluster(picture: ClusterPicture): Layout {
  const racks = new Map<string, NodePicture[]>();
  for (const node of picture.nodes) {
    const list = racks.get(node.rack) ?? [];
    list.push(node);
    racks.set(node.rack, list);
  }
  const positions = new Map<string, { x: number; y: number }>();
  const rackBoxes: Layout['racks'] = [];
  let x = GAP;
  let maxRows = 0;
  for (const [rack, nodes] of racks) {
    const columns = nodes.length > 5 ? Math.ceil(nodes.length / 5) : 1;
    const rows = Math.ceil(nodes.length / columns);
    maxRows = Math.max(maxRows, rows);
    nodes.forEach((node, i) => {
      positions.set(node.id, {
        x: x + 8 + Math.floor(i / rows) * (NODE_W + GAP),
        y: RACK_PAD + 8 + (i % rows) * (NODE_H + GAP),
      });
    });
    const width = columns * (NODE_W + GAP) + 2;
    rackBoxes.push({ id: rack, x, height: rows * (NODE_H + GAP) + RACK_PAD + 6 });
    x += width + GAP;
  }
  return { width: Math.max(x, 320), height: maxRows * (NODE_H + GAP) + RACK_PAD + 24, positions, racks: rackBoxes };
}

export function drawClusterMap(svgElement: SVGSVGElement, picture: ClusterPicture, animate = true): void {
  const layout = layoutCluster(picture);
  const svg = select(svgElement).attr('viewBox', `0 0 ${layout.width} ${layout.height}`).attr('role', 'img');
  const duration = animate ? 250 : 0;

  svg
    .selectAll<SVGGElement, Layout['racks'][number]>('g.rack')
    .data(layout.racks, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'rack');
      g.append('rect')
        .attr('rx', 10)
        .attr('fill', 'none')
        .attr('stroke', 'var(--border)')
        .attr('stroke-dasharray', '4 3');
      g.append('text').attr('class', 'rack-label').attr('y', 17);
      return g;
    })
    .attr('transform', (d) => `translate(${d.x},4)`)
    .call((g) =>
      g
        .select('rect')
        .attr('width', (d) => rackWidth(layout, d.id))
        .attr('height', (d) => d.height),
    )
    .call((g) =>
      g
        .select('text')
        .attr('x', 10)
        .text((d) => `rack ${d.id}`),
    );

  const nodes = svg
    .selectAll<SVGGElement, NodePicture>('g.node')
    .data(picture.nodes, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'node');
      g.append('rect').attr('class', 'card').attr('width', NODE_W).attr('height', NODE_H).attr('rx', 6);
      g.append('text').attr('class', 'name').attr('x', 8).attr('y', 16).attr('font-weight', 600);
      g.append('text')
        .attr('class', 'status')
        .attr('x', NODE_W - 8)
        .attr('y', 16)
        .attr('text-anchor', 'end');
      g.append('rect')
        .attr('class', 'cpu-bg')
        .attr('x', 8)
        .attr('y', 24)
        .attr('width', NODE_W - 16)
        .attr('height', 5)
        .attr('rx', 2)
        .attr('fill', 'var(--border)');
      g.append('rect')
        .attr('class', 'cpu')
        .attr('x', 8)
        .attr('y', 24)
        .attr('height', 5)
        .attr('rx', 2)
        .attr('fill', 'var(--accent)');
      g.append('g').attr('class', 'chips').attr('transform', 'translate(8,36)');
      g.append('text')
        .attr('class', 'more')
        .attr('x', NODE_W - 8)
        .attr('y', NODE_H - 9)
        .attr('text-anchor', 'end')
        .attr('font-size', 11)
        .attr('fill', 'var(--muted)');
      g.append('title');
      return g;
    })
    .attr('transform', (d) => {
      const p = layout.positions.get(d.id)!;
      return `translate(${p.x},${p.y})`;
    });

  nodes
    .select('rect.card')
    .attr('fill', (d) => (d.alive ? 'var(--node)' : 'var(--node-dead)'))
    .attr('stroke', (d) => (!d.alive ? 'var(--bad)' : d.slowFactor > 1 ? 'var(--warn)' : 'var(--border)'))
    .attr('stroke-width', (d) => (!d.alive || d.slowFactor > 1 ? 2 : 1));
  nodes.select('text.name').text((d) => d.id);
  nodes
    .select('text.status')
    .attr('fill', (d) => (!d.alive ? 'var(--bad)' : d.slowFactor > 1 ? 'var(--warn)' : 'var(--muted)'))
    .text((d) => (!d.alive ? 'dead' : d.slowFactor > 1 ? `slow ×${d.slowFactor}` : `${d.usedCores}/${d.cores} cores`));
  nodes
    .select('rect.cpu')
    .attr('width', (d) => (d.alive && d.cores > 0 ? ((NODE_W - 16) * Math.min(d.usedCores, d.cores)) / d.cores : 0));
  nodes
    .select('text.more')
    .text((d) =>
      (d.blockCount ?? d.blocks.length) > d.blocks.length ? `+${(d.blockCount ?? 0) - d.blocks.length}` : '',
    );
  nodes
    .select('title')
    .text(
      (d) =>
        `${d.id} (rack ${d.rack}): ${d.alive ? 'alive' : 'dead'}, ${d.blockCount ?? d.blocks.length} block replicas, ${d.containers.length} containers`,
    );

  const perRow = Math.floor((NODE_W - 16) / (CHIP + 3));
  nodes
    .select('g.chips')
    // Chips still fading out are not part of the join, so a redraw cannot revive them.
    .selectAll<SVGRectElement, string>('rect:not(.exiting)')
    .data(
      (d) => d.blocks,
      (b) => b,
    )
    .join(
      (enter) =>
        enter
          .append('rect')
          .attr('width', CHIP)
          .attr('height', CHIP)
          .attr('rx', 3)
          .attr('opacity', 0)
          .call((e) => e.append('title').text((b) => describeChip(b)))
          .call((e) => e.transition().duration(duration).attr('opacity', 1)),
      (update) => update,
      (exit) => exit.classed('exiting', true).transition().duration(duration).attr('opacity', 0).remove(),
    )
    .attr('x', (_b, i) => (i % perRow) * (CHIP + 3))
    .attr('y', (_b, i) => Math.floor(i / perRow) * (CHIP + 3))
    .attr('fill', (b) => blockColour(b));
}

/** A chip's label `path#index` as a reader would say it: "block 2 of /data/big.bin". */
export function describeChip(label: string): string {
  const cut = label.lastIndexOf('#');
  return cut < 0 ? label : `block ${label.slice(cut + 1)} of ${label.slice(0, cut)}`;
}

function rackWidth(layout: Layout, rack: string): number {
  const index = layout.racks.findIndex((r) => r.id === rack);
  const next = layout.racks[index + 1];
  return (next ? next.x : layout.width) - layout.racks[index]!.x - GAP;
}
