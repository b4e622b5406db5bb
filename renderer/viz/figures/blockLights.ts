/**
 * Figure 19.2's lights: each block from the moment the NameNode allocated it (`block:<index>`),
 * a replica of the file on a DataNode that is down (`down`), a replica being copied back
 * (`copying`). The block map only changes at trace events, so sampling it at each event's time
 * gives exact intervals.
 */
import type { RunEvent } from '../../../engine/api';
import { blockMapAt, figureFile, type BlockMap } from './blockMapAt';
import type { FigureLight } from './figureLights';

export const blockPart = (index: number) => `block:${index}`;

function partsOf(map: BlockMap | null): string[] {
  if (!map) return [];
  const out = map.blocks.map((b) => blockPart(b.index));
  if (map.blocks.some((b) => b.replicas.some((r) => r.state === 'down'))) out.push('down');
  if (map.blocks.some((b) => b.replicas.some((r) => r.state === 'copying'))) out.push('copying');
  return out;
}

export function blockLights(trace: readonly RunEvent[]): FigureLight[] {
  const path = figureFile(trace);
  if (path === null) return [];
  const times = [...new Set(trace.map((e) => e.t))].sort((a, b) => a - b);
  const open = new Map<string, number>();
  const out: FigureLight[] = [];
  for (const t of times) {
    const now = new Set(partsOf(blockMapAt(trace, t, path)));
    for (const [part, start] of open)
      if (!now.has(part)) {
        out.push({ part, start, end: t });
        open.delete(part);
      }
    for (const part of now) if (!open.has(part)) open.set(part, t);
  }
  for (const [part, start] of open) out.push({ part, start, end: Infinity });
  return out;
}
