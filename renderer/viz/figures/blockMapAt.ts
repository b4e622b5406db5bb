/**
 * Figure 19.2 drawn from a run: the file with the most blocks, its blocks (HDFS's names,
 * blk_1073741825, ...) and where each block's replicas are at simulated time t, as the trace
 * says: placed by blockAllocated, cut off while their DataNode is down (nodeDied until
 * nodeRestarted), being copied (replicationStarted), copied (blockReplicated), removed
 * (replicaDeleted, replicaLost).
 */
import type { RunEvent } from '../../../engine/api';

export type ReplicaState = 'live' | 'down' | 'copying' | 'copied';

export interface BlockReplica {
  node: string;
  state: ReplicaState;
}

export interface FigureBlock {
  id: number;
  index: number;
  bytes: number;
  replicas: BlockReplica[];
}

export interface BlockMap {
  path: string;
  /** The file's length at t (the sum of its blocks so far). */
  bytes: number;
  replication: number;
  blocks: FigureBlock[];
}

/** The path with the most blockAllocated events (the first such path on a tie), or null. */
export function figureFile(trace: readonly RunEvent[]): string | null {
  const counts = new Map<string, number>();
  for (const e of trace) if (e.type === 'blockAllocated') counts.set(e.path, (counts.get(e.path) ?? 0) + 1);
  let best: string | null = null;
  for (const [path, n] of counts) if (best === null || n > counts.get(best)!) best = path;
  return best;
}

export function blockMapAt(trace: readonly RunEvent[], t: number, path = figureFile(trace)): BlockMap | null {
  if (path === null) return null;
  const blocks = new Map<number, FigureBlock>();
  const dead = new Set<string>();
  let replication = 0;
  for (const e of trace) {
    if (e.t > t) break;
    if (e.type === 'fileWritten' && e.path === path) replication = e.replication;
    else if (e.type === 'blockAllocated' && e.path === path) {
      blocks.set(e.block, {
        id: e.block,
        index: e.index,
        bytes: e.bytes,
        replicas: e.replicas.map((node) => ({ node, state: dead.has(node) ? 'down' : 'live' })),
      });
      replication = Math.max(replication, e.replicas.length);
    } else if (e.type === 'nodeDied' || e.type === 'nodeRestarted') {
      if (e.type === 'nodeDied') dead.add(e.node);
      else dead.delete(e.node);
      for (const b of blocks.values())
        for (const r of b.replicas)
          if (r.node === e.node && r.state !== 'copying') r.state = e.type === 'nodeDied' ? 'down' : 'live';
    } else if (e.type === 'replicationStarted') {
      const b = blocks.get(e.block);
      if (b && !b.replicas.some((r) => r.node === e.to)) b.replicas.push({ node: e.to, state: 'copying' });
    } else if (e.type === 'blockReplicated' || e.type === 'replicationFailed') {
      const b = blocks.get(e.block);
      if (!b) continue;
      const r = b.replicas.find((x) => x.node === e.to);
      if (e.type === 'replicationFailed') b.replicas = b.replicas.filter((x) => x !== r || x.state !== 'copying');
      else if (r) r.state = 'copied';
      else b.replicas.push({ node: e.to, state: 'copied' });
    } else if (e.type === 'replicaDeleted' || e.type === 'replicaLost') {
      const b = blocks.get(e.block);
      if (b) b.replicas = b.replicas.filter((r) => r.node !== e.node);
    }
  }
  const list = [...blocks.values()].sort((a, b) => a.index - b.index);
  return { path, bytes: list.reduce((s, b) => s + b.bytes, 0), replication, blocks: list };
}
