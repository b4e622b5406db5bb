/**
 * Where the cluster map puts things, in CSS pixels: the map is drawn at the width it is shown
 * (viewBox width = element width), so every font size in it is the size on screen. Two modes:
 * node cards grouped by rack (small clusters, or one rack zoomed in), and one summary card per
 * rack (large clusters), each with a small square per node.
 */
import type { NodePicture } from './clusterPicture';
import { maxOf } from './maxOf';

/** Above this many nodes the map summarises racks; zooming into one shows its nodes. */
export const SUMMARY_ABOVE_NODES = 24;

export const GAP = 8;
export const RACK_HEAD = 26;
export const CARD_HEAD = 40;
/** A chip holds "blk_1073741825" in 12 px monospace (about 7.2 px a character) plus padding. */
export const CHIP_W = 112;
export const CHIP_H = 18;
export const CHIP_PITCH = CHIP_H + 4;
const MIN_RACK_W = 250;
const MIN_CARD_W = 240;
const MAX_CHIP_ROWS = 2;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface NodesLayout {
  width: number;
  height: number;
  racks: (Box & { id: string })[];
  cards: Map<string, Box>;
  chipsPerRow: number;
  chipRows: number;
}

export function racksOf(nodes: readonly NodePicture[]): Map<string, NodePicture[]> {
  const racks = new Map<string, NodePicture[]>();
  for (const node of nodes) {
    const list = racks.get(node.rack);
    if (list) list.push(node);
    else racks.set(node.rack, [node]);
  }
  return racks;
}

/** Racks side by side while each gets MIN_RACK_W, wrapping into rows otherwise; cards in columns inside. */
export function layoutNodes(nodes: readonly NodePicture[], width: number, peakBlocks: number): NodesLayout {
  const racks = racksOf(nodes);
  const perRow = Math.max(1, Math.min(racks.size, Math.floor((width - GAP) / (MIN_RACK_W + GAP))));
  const rackW = (width - GAP * (perRow + 1)) / perRow;
  const columns = Math.max(1, Math.floor((rackW - GAP) / (MIN_CARD_W + GAP)));
  const cardW = (rackW - GAP * (columns + 1)) / columns;
  const chipsPerRow = Math.max(1, Math.floor((cardW - 16 + 4) / (CHIP_W + 4)));
  const chipRows = Math.min(MAX_CHIP_ROWS, Math.ceil(peakBlocks / chipsPerRow));
  const cardH = CARD_HEAD + chipRows * CHIP_PITCH + (chipRows > 0 ? 6 : 0);

  const cards = new Map<string, Box>();
  const rackBoxes: NodesLayout['racks'] = [];
  let y = GAP;
  const list = [...racks];
  for (let first = 0; first < list.length; first += perRow) {
    const row = list.slice(first, first + perRow);
    let rowH = 0;
    row.forEach(([id, members], i) => {
      const x = GAP + i * (rackW + GAP);
      const rows = Math.ceil(members.length / columns);
      members.forEach((node, j) => {
        cards.set(node.id, {
          x: x + GAP + (j % columns) * (cardW + GAP),
          y: y + RACK_HEAD + Math.floor(j / columns) * (cardH + GAP),
          w: cardW,
          h: cardH,
        });
      });
      const h = RACK_HEAD + rows * (cardH + GAP);
      rackBoxes.push({ id, x, y, w: rackW, h });
      rowH = Math.max(rowH, h);
    });
    for (const box of rackBoxes.slice(first)) box.h = rowH;
    y += rowH + GAP;
  }
  return { width, height: y, racks: rackBoxes, cards, chipsPerRow, chipRows };
}

export interface RackSummary {
  id: string;
  nodes: NodePicture[];
  alive: number;
  dead: number;
  slow: number;
  cores: number;
  busyCores: number;
  containers: number;
  blocks: number;
}

export function summariseRacks(nodes: readonly NodePicture[]): RackSummary[] {
  return [...racksOf(nodes)].map(([id, members]) => {
    const s: RackSummary = {
      id,
      nodes: members,
      alive: 0,
      dead: 0,
      slow: 0,
      cores: 0,
      busyCores: 0,
      containers: 0,
      blocks: 0,
    };
    for (const n of members) {
      if (n.alive) s.alive++;
      else s.dead++;
      if (n.alive && n.slowFactor > 1) s.slow++;
      s.cores += n.cores;
      s.busyCores += n.usedCores;
      s.containers += n.containerCount ?? n.containers.length;
      s.blocks += n.blockCount ?? n.blocks.length;
    }
    return s;
  });
}

export const SUMMARY_LINES = 4;
export const SUMMARY_LINE_H = 19;
export const SQUARE = 11;
const MIN_SUMMARY_W = 150;

export interface SummaryLayout {
  width: number;
  height: number;
  boxes: Map<string, Box>;
  squaresPerRow: number;
}

/** One card per rack, as many side by side as fit; each ends in a grid of one square per node. */
export function layoutSummaries(racks: readonly RackSummary[], width: number): SummaryLayout {
  const perRow = Math.max(1, Math.min(racks.length, Math.floor((width - GAP) / (MIN_SUMMARY_W + GAP))));
  const w = (width - GAP * (perRow + 1)) / perRow;
  const squaresPerRow = Math.max(1, Math.floor((w - 16 + 3) / (SQUARE + 3)));
  const mostNodes = maxOf(racks, (r) => r.nodes.length, 1);
  const h = RACK_HEAD + SUMMARY_LINES * SUMMARY_LINE_H + 8 + Math.ceil(mostNodes / squaresPerRow) * (SQUARE + 3) + 8;
  const boxes = new Map<string, Box>();
  racks.forEach((r, i) => {
    boxes.set(r.id, { x: GAP + (i % perRow) * (w + GAP), y: GAP + Math.floor(i / perRow) * (h + GAP), w, h });
  });
  const rows = Math.ceil(racks.length / perRow);
  return { width, height: GAP + rows * (h + GAP), boxes, squaresPerRow };
}
