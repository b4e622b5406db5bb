/**
 * Figure 19.1's lights (HDFS's NameNode and DataNodes) from a run's trace: the NameNode's
 * namespace once a file is written, the DataNodes' replicas once a block is allocated, a
 * DataNode down (nodeDied until nodeRestarted), the NameNode repairing (from its first
 * blockUnderReplicated until every missing copy is back) and a block being copied
 * (replicationStarted until blockReplicated or replicationFailed), and from the end of the repair
 * on, the restored replicas.
 */
import type { RunEvent } from '../../../engine/api';
import { lightsOf, type FigureLight } from './figureLights';

export const HDFS_PARTS = {
  namespace: 'namespace',
  datanodes: 'datanodes',
  down: 'down',
  repair: 'repair',
  copying: 'copying',
  restored: 'restored',
} as const;

/** [start, end) intervals of a condition keyed by `key`, opened and closed by events. */
class Intervals {
  private open = new Map<string, number>();
  readonly done: { start: number; end: number }[] = [];
  start(key: string, t: number) {
    if (!this.open.has(key)) this.open.set(key, t);
  }
  end(key: string, t: number) {
    const s = this.open.get(key);
    if (s === undefined) return;
    this.open.delete(key);
    this.done.push({ start: s, end: t });
  }
  all() {
    return [...this.done, ...[...this.open.values()].map((start) => ({ start, end: Infinity }))];
  }
}

export function hdfsLights(trace: readonly RunEvent[]): FigureLight[] {
  const first = (type: RunEvent['type']) => trace.find((e) => e.type === type)?.t;
  const out: FigureLight[] = [];
  const written = first('fileWritten');
  if (written !== undefined) out.push({ part: HDFS_PARTS.namespace, start: written, end: Infinity });
  const allocated = first('blockAllocated');
  if (allocated !== undefined) out.push({ part: HDFS_PARTS.datanodes, start: allocated, end: Infinity });

  const down = new Intervals();
  const copying = new Intervals();
  const repair = new Intervals();
  // Copies still missing per block (target - replicas when the NameNode found it under-replicated).
  const missing = new Map<number, number>();
  for (const e of trace) {
    if (e.type === 'nodeDied') down.start(e.node, e.t);
    else if (e.type === 'nodeRestarted') down.end(e.node, e.t);
    else if (e.type === 'replicationStarted') copying.start(`${e.block}>${e.to}`, e.t);
    else if (e.type === 'blockReplicated' || e.type === 'replicationFailed') {
      copying.end(`${e.block}>${e.to}`, e.t);
      if (e.type === 'blockReplicated' && missing.has(e.block)) {
        const left = missing.get(e.block)! - 1;
        if (left > 0) missing.set(e.block, left);
        else missing.delete(e.block);
        if (missing.size === 0) repair.end('namenode', e.t);
      }
    } else if (e.type === 'blockUnderReplicated') {
      missing.set(e.block, Math.max(missing.get(e.block) ?? 0, e.target - e.replicas));
      repair.start('namenode', e.t);
    } else if (e.type === 'blockMissing') {
      // No replica left to copy from: nothing more the NameNode can repair for this block.
      missing.delete(e.block);
      if (missing.size === 0) repair.end('namenode', e.t);
    }
  }
  out.push(...lightsOf(HDFS_PARTS.down, down.all()));
  out.push(...lightsOf(HDFS_PARTS.repair, repair.all()));
  out.push(...lightsOf(HDFS_PARTS.copying, copying.all()));
  // The lost replicas are back once the repair that copied them is over (every missing copy made),
  // not at the first of them: the figure then draws all of them in place. Without a repair (a copy
  // the NameNode was not seen to need), from the last copy made.
  const replicated = trace.filter((e) => e.type === 'blockReplicated');
  if (replicated.length > 0) {
    const firstCopy = replicated[0]!.t;
    const repairs = repair.done.filter((r) => r.end >= firstCopy);
    const restored =
      repairs.length > 0
        ? repairs[repairs.length - 1]!.end
        : repair.all().length === 0
          ? replicated[replicated.length - 1]!.t
          : null;
    if (restored !== null) out.push({ part: HDFS_PARTS.restored, start: restored, end: Infinity });
  }
  return out;
}
