/**
 * Positions for the stage DAG, laid out by dagre (a layered, crossing-minimised layout) from top
 * to bottom: parents above children. A stage that runs is a box listing its RDD operations (as
 * Spark's UI draws them inside the stage); a skipped stage is a compact box. Edges are dagre's
 * routed polylines drawn as curves.
 */
import { Graph, layout as dagreLayout } from '@dagrejs/dagre';
import type { StageEdge, StageView } from './runViewTypes';

export const STAGE_W = 232;
/** Height of a box without operations: title, counts, progress bar. */
const BASE_H = 64;
export const OP_H = 16;
export const SKIPPED_H = 44;
const MAX_OPS = 8;
const PAD = 12;

export interface StageBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The rows of operations listed inside the box (at most MAX_OPS; the rest summarised). */
  ops: number;
}

export interface DagLayout {
  width: number;
  height: number;
  boxes: Map<string, StageBox>;
  /** Edge paths between boxes, with a label position. */
  paths: { edge: StageEdge; d: string; labelX: number; labelY: number }[];
}

/** Characters of an operation's name on one row of a stage box (11 px monospace in 206 px). */
const OP_CHARS = 30;
/** Rows one operation's name may take: Exchange rangepartitioning(sensor ASC NULLS FIRST, 200) takes three. */
const OP_MAX_LINES = 3;
/** What " (cached)" adds to a cached operation's name, in the longest language ("(gecacht)"). */
const CACHED_CHARS = 10;

/**
 * An operation's name in rows of a stage box, broken between words: "Exchange
 * hashpartitioning(sensor, 200)" on two rows keeps the partitioning and its 200, which a cut after
 * 30 characters lost ("Exchange hashpartitioning(sen…"). A word longer than a row, or a row past
 * the third, is cut with an ellipsis.
 */
export function opLines(name: string): string[] {
  if (name.length <= OP_CHARS) return [name];
  const lines: string[] = [];
  let line = '';
  for (const word of name.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > OP_CHARS) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  const kept =
    lines.length > OP_MAX_LINES
      ? [...lines.slice(0, OP_MAX_LINES - 1), lines.slice(OP_MAX_LINES - 1).join(' ')]
      : lines;
  return kept.map((l) => (l.length > OP_CHARS ? `${l.slice(0, OP_CHARS - 1)}…` : l));
}

/** The rows an operation takes (its cached label counted at its longest). */
function opRowsOf(o: { name: string; cached?: boolean }): number {
  return opLines(o.cached ? `${o.name}${'x'.repeat(CACHED_CHARS)}` : o.name).length;
}

/** How many rows of operations a stage box lists: whole operations, at most MAX_OPS rows. */
export function opRows(s: StageView): number {
  let rows = 0;
  for (const o of s.ops ?? []) {
    const n = opRowsOf(o);
    if (rows + n > MAX_OPS) break;
    rows += n;
  }
  return rows;
}

export function boxSize(s: StageView): { width: number; height: number } {
  if (s.skipped) return { width: STAGE_W, height: SKIPPED_H };
  const failureRow = (s.failures?.length ?? 0) > 0 ? OP_H : 0;
  return { width: STAGE_W, height: BASE_H + opRows(s) * OP_H + (opRows(s) > 0 ? 6 : 0) + failureRow };
}

function curve(points: { x: number; y: number }[]): string {
  if (points.length < 2) return '';
  let d = `M${points[0]!.x},${points[0]!.y}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const my = (a.y + b.y) / 2;
    d += ` C${a.x},${my} ${b.x},${my} ${b.x},${b.y}`;
  }
  return d;
}

export function layoutDag(stages: readonly StageView[], edges: readonly StageEdge[]): DagLayout {
  const g = new Graph({ multigraph: false });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 36, edgesep: 12, marginx: PAD, marginy: PAD });
  g.setDefaultEdgeLabel(() => ({}));
  // Insert in id order so equal layouts come out for equal inputs.
  const ordered = [...stages].sort(
    (a, b) => (a.stageId ?? 0) - (b.stageId ?? 0) || a.id.localeCompare(b.id, 'en', { numeric: true }),
  );
  for (const s of ordered) g.setNode(s.id, { ...boxSize(s) });
  const ids = new Set(stages.map((s) => s.id));
  const kept = edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  for (const e of kept) g.setEdge(e.from, e.to, {});
  dagreLayout(g);
  const boxes = new Map<string, StageBox>();
  let width = 0;
  let height = 0;
  for (const s of ordered) {
    const n = g.node(s.id);
    const { width: w, height: h } = boxSize(s);
    const box = { id: s.id, x: n.x - w / 2, y: n.y - h / 2, width: w, height: h, ops: opRows(s) };
    boxes.set(s.id, box);
    width = Math.max(width, box.x + w + PAD);
    height = Math.max(height, box.y + h + PAD);
  }
  const paths = kept.flatMap((edge) => {
    const pts = g.edge(edge.from, edge.to)?.points ?? [];
    if (pts.length < 2) return [];
    for (const p of pts) {
      width = Math.max(width, p.x + PAD);
      height = Math.max(height, p.y + PAD);
    }
    const mid = pts[Math.floor(pts.length / 2)]!;
    return [{ edge, d: curve(pts), labelX: mid.x + 4, labelY: mid.y }];
  });
  return { width: Math.max(width, 1), height: Math.max(height, 1), boxes, paths };
}
