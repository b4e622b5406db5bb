/**
 * Where the diagram draws each part: one column per stage of the blueprint (source → ingest →
 * buffer → process → store → display), the parts of a column stacked in the order that keeps
 * wires straight (by where their upstream parts sit), and an arrow per wire, leaving its part's
 * right side and entering the fed part's left side. A wire to the next column, or past columns
 * whose boxes stand clear of it, is a curve; one that goes back to an earlier column (Kafka
 * feeding a Flume agent, HDFS in the store column feeding a batch job), stays in its column, or
 * would pass behind a box it does not connect (a Flume agent writing into HDFS past the process
 * column) runs down the gaps between columns and along a lane below every box.
 */
import { PART_CATALOGUE, type Stage } from '../../../engine/pipeline';
import type { DrawnPart, DrawnPipeline } from './readPipelineText';
import { STAGE_ORDER } from './stageOrder';

export const BOX_W = 112;
/** A box's height when its lines are few (the layout is given a taller one for more). */
export const BOX_H = 74;
const GAP_X = 28;
const GAP_Y = 14;
const MARGIN = 8;
const HEADER = 22;
const BELOW = 34;

export interface LaidBox {
  part: DrawnPart;
  column: number;
  row: number;
  x: number;
  y: number;
}

export interface LaidArrow {
  from: string;
  to: string;
  /** An SVG path from the feeding box to the fed one. */
  d: string;
  /** Whether the catalogue lets `from`'s kind feed `to`'s. */
  allowed: boolean;
}

export interface PipelineLayout {
  width: number;
  height: number;
  columns: { stage: Stage; x: number }[];
  /** Every box's height (px of the drawing). */
  boxH: number;
  boxes: LaidBox[];
  arrows: LaidArrow[];
  /** Wires that name a part the file does not have. */
  strays: { from: string; to: string }[];
}

/**
 * The layout with boxes `boxH` tall (BOX_H, or taller for the lines they must hold: see
 * features/pipeline/boxText.ts).
 */
export function pipelineLayout(pipeline: DrawnPipeline, boxH = BOX_H): PipelineLayout {
  const columnOf = (p: DrawnPart) => STAGE_ORDER.indexOf(PART_CATALOGUE[p.type].stage);
  const byId = new Map(pipeline.parts.map((p) => [p.id, p]));
  const feeders = new Map<string, string[]>();
  for (const w of pipeline.wires) {
    if (!byId.has(w.from) || !byId.has(w.to)) continue;
    feeders.set(w.to, [...(feeders.get(w.to) ?? []), w.from]);
  }
  const rowOf = new Map<string, number>();
  const columns: DrawnPart[][] = STAGE_ORDER.map(() => []);
  for (const p of pipeline.parts) columns[columnOf(p)]!.push(p);
  columns.forEach((col, c) => {
    const key = (p: DrawnPart, fileRow: number) => {
      const rows = (feeders.get(p.id) ?? []).filter((f) => columnOf(byId.get(f)!) < c).map((f) => rowOf.get(f)!);
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : fileRow;
    };
    const keyed = col.map((p, i) => ({ p, k: key(p, i) }));
    keyed.sort((a, b) => a.k - b.k);
    col.splice(0, col.length, ...keyed.map((e) => e.p));
    col.forEach((p, row) => rowOf.set(p.id, row));
  });
  const rows = Math.max(1, ...columns.map((c) => c.length));
  const pitchX = BOX_W + GAP_X;
  const pitchY = boxH + GAP_Y;
  const boxes: LaidBox[] = [];
  columns.forEach((col, column) => {
    const offset = ((rows - col.length) * pitchY) / 2;
    col.forEach((part, row) =>
      boxes.push({ part, column, row, x: MARGIN + column * pitchX, y: HEADER + offset + row * pitchY }),
    );
  });
  const boxOf = new Map(boxes.map((b) => [b.part.id, b]));
  const bodyBottom = HEADER + rows * pitchY - GAP_Y;
  /** Whether a box of a column between `from` and `to` stands in the band a curve between y1 and y2 crosses. */
  const blocked = (from: number, to: number, y1: number, y2: number) =>
    boxes.some(
      (box) =>
        box.column > from && box.column < to && box.y < Math.max(y1, y2) + 4 && box.y + boxH > Math.min(y1, y2) - 4,
    );
  const arrows: LaidArrow[] = [];
  const strays: PipelineLayout['strays'] = [];
  let loops = 0;
  for (const w of pipeline.wires) {
    const a = boxOf.get(w.from);
    const b = boxOf.get(w.to);
    if (!a || !b) {
      strays.push(w);
      continue;
    }
    const x1 = a.x + BOX_W;
    const y1 = a.y + boxH / 2;
    const x2 = b.x;
    const y2 = b.y + boxH / 2;
    let d: string;
    if (b.column > a.column && !blocked(a.column, b.column, y1, y2)) {
      const mid = (x1 + x2) / 2;
      d = `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`;
    } else {
      // Out of a's right side, down the gap after its column, along a lane below every box, up the
      // gap before b's column and into b's left side: it crosses no box, and ends pointing right.
      const lane = loops++ % 3;
      const low = bodyBottom + 10 + lane * 8;
      const dx = (lane - 1) * 5;
      const xa = a.x + BOX_W + GAP_X / 2 + dx;
      const xb = Math.max(2, b.x - GAP_X / 2 + dx);
      d = `M${x1},${y1} H${xa} V${low} H${xb} V${y2} H${x2}`;
    }
    arrows.push({ from: w.from, to: w.to, d, allowed: PART_CATALOGUE[a.part.type].feeds.includes(b.part.type) });
  }
  return {
    width: MARGIN * 2 + STAGE_ORDER.length * pitchX - GAP_X,
    height: bodyBottom + BELOW,
    columns: STAGE_ORDER.map((stage, i) => ({ stage, x: MARGIN + i * pitchX })),
    boxH,
    boxes,
    arrows,
    strays,
  };
}
