/**
 * Positions for the stage DAG: a stage's column is the longest path from a source stage, so
 * every dependency points right; stages in one column keep their run order top to bottom.
 */
import type { StageEdge, StageView } from './runViewTypes';

export const STAGE_W = 224;
export const STAGE_H = 70;
const COL_GAP = 56;
const ROW_GAP = 18;
const PAD = 12;

export interface StageBox {
  id: string;
  x: number;
  y: number;
  column: number;
}

export interface DagLayout {
  width: number;
  height: number;
  boxes: Map<string, StageBox>;
  /** Edge paths between box sides (cubic curves), with a label position. */
  paths: { edge: StageEdge; d: string; labelX: number; labelY: number }[];
}

export function stageColumns(stages: readonly StageView[], edges: readonly StageEdge[]): Map<string, number> {
  const column = new Map<string, number>(stages.map((s) => [s.id, 0]));
  // Longest path by relaxation; the DAG is small (tens of stages), |V| passes bound it even with a bad edge.
  for (let pass = 0; pass < stages.length; pass++) {
    let changed = false;
    for (const e of edges) {
      const from = column.get(e.from);
      const to = column.get(e.to);
      if (from === undefined || to === undefined) continue;
      if (to < from + 1 && from + 1 < stages.length) {
        column.set(e.to, from + 1);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return column;
}

export function layoutDag(stages: readonly StageView[], edges: readonly StageEdge[]): DagLayout {
  const columns = stageColumns(stages, edges);
  const perColumn = new Map<number, StageView[]>();
  // Run order: by submit time (skipped ones where they were decided), then id.
  const ordered = [...stages].sort(
    (a, b) =>
      (a.submittedAt ?? Infinity) - (b.submittedAt ?? Infinity) || a.id.localeCompare(b.id, 'en', { numeric: true }),
  );
  for (const s of ordered) {
    const c = columns.get(s.id) ?? 0;
    const list = perColumn.get(c) ?? [];
    list.push(s);
    perColumn.set(c, list);
  }
  const boxes = new Map<string, StageBox>();
  let maxRows = 0;
  for (const [c, list] of perColumn) {
    maxRows = Math.max(maxRows, list.length);
    list.forEach((s, row) =>
      boxes.set(s.id, { id: s.id, column: c, x: PAD + c * (STAGE_W + COL_GAP), y: PAD + row * (STAGE_H + ROW_GAP) }),
    );
  }
  const cols = Math.max(1, ...[...perColumn.keys()].map((c) => c + 1));
  const paths = edges.flatMap((edge) => {
    const a = boxes.get(edge.from);
    const b = boxes.get(edge.to);
    if (!a || !b) return [];
    const x1 = a.x + STAGE_W;
    const y1 = a.y + STAGE_H / 2;
    const x2 = b.x - 6;
    const y2 = b.y + STAGE_H / 2;
    const mx = (x1 + x2) / 2;
    return [{ edge, d: `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`, labelX: mx, labelY: (y1 + y2) / 2 - 4 }];
  });
  return {
    width: PAD * 2 + cols * STAGE_W + (cols - 1) * COL_GAP,
    height: PAD * 2 + Math.max(1, maxRows) * STAGE_H + (Math.max(1, maxRows) - 1) * ROW_GAP,
    boxes,
    paths,
  };
}
