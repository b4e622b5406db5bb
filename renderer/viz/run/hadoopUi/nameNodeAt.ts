/**
 * HDFS as the NameNode's web UI shows it at playback time t, rebuilt from the trace: the
 * Datanodes (In Service or Dead, last contact, blocks, used), the file browser (size,
 * replication, block size, blocks) with each block's replica locations, and the under-replicated
 * blocks. It is the NameNode's view, which lags the truth: a DataNode that died still counts as
 * In Service, with its replicas, until the NameNode declares it dead (no heartbeat for
 * dfs.namenode.heartbeat.recheck-interval × 2 + dfs.heartbeat.interval × 10); only then are its
 * blocks under-replicated and copied elsewhere.
 */
import type { RunEvent } from '../../../../engine/api';
import { blockName } from '../../../../engine/hdfs';

/** dfs.heartbeat.interval: Hadoop's default, the engine's too. */
export const HEARTBEAT_MS = 3000;

export interface DataNodeRow {
  id: string;
  rack: string;
  /** The NameNode's verdict. */
  state: 'In Service' | 'Dead';
  /** The machine is down, whatever the NameNode thinks yet. */
  down: boolean;
  /** Seconds since its last heartbeat reached the NameNode. */
  lastContactS: number;
  /** Replicas the NameNode places on it (none once it is declared dead). */
  blocks: number;
  usedBytes: number;
}

export interface BlockRow {
  id: number;
  name: string;
  path: string;
  index: number;
  bytes: number;
  /** Replica locations the NameNode knows of (declared-dead DataNodes left out). */
  locations: string[];
  replication: number;
  underReplicated: boolean;
  missing: boolean;
}

export interface FileRow {
  path: string;
  bytes: number;
  replication: number;
  blockSize: number;
  blocks: BlockRow[];
}

export interface NameNodeAt {
  dataNodes: DataNodeRow[];
  files: FileRow[];
  blocks: BlockRow[];
  underReplicated: BlockRow[];
  missing: BlockRow[];
  live: number;
  dead: number;
}

export interface NameNodeInfo {
  id: string;
  rack: string;
}

/**
 * The NameNode's view at t. `nodes` in the cluster's order (their heartbeats are staggered by it,
 * as the engine's are); `defaultBlockSize` for a one-block file (dfs.blocksize).
 */
export function nameNodeAt(
  trace: readonly RunEvent[],
  nodes: readonly NameNodeInfo[],
  t: number,
  defaultBlockSize: number,
): NameNodeAt {
  const files = new Map<string, { path: string; bytes: number; replication: number; blocks: number[] }>();
  const blocks = new Map<number, { id: number; path: string; index: number; bytes: number; holders: Set<string> }>();
  /** Every block id some file listed so far (a Set: a 9,000-block file made a list search quadratic). */
  const listed = new Set<number>();
  const diedAt = new Map<string, number>();
  const declared = new Set<string>();
  for (const e of trace) {
    if (e.t > t) break;
    switch (e.type) {
      case 'fileWritten':
        files.set(e.path, {
          path: e.path,
          bytes: e.bytes,
          replication: e.replication,
          blocks: files.get(e.path)?.blocks ?? [],
        });
        break;
      case 'fileAppended': {
        const f = files.get(e.path);
        if (f) f.bytes = e.bytes;
        break;
      }
      case 'blockAllocated': {
        let f = files.get(e.path);
        if (!f) files.set(e.path, (f = { path: e.path, bytes: 0, replication: e.replicas.length, blocks: [] }));
        if (!listed.has(e.block)) {
          listed.add(e.block);
          f.blocks.push(e.block);
        }
        const old = blocks.get(e.block);
        blocks.set(e.block, {
          id: e.block,
          path: e.path,
          index: e.index,
          bytes: e.bytes,
          holders: new Set([...(old?.holders ?? []), ...e.replicas]),
        });
        break;
      }
      case 'blockReplicated':
        blocks.get(e.block)?.holders.add(e.to);
        break;
      case 'replicaLost':
      case 'replicaDeleted':
        blocks.get(e.block)?.holders.delete(e.node);
        break;
      case 'pathDeleted':
        for (const [path, f] of files)
          if (path === e.path || path.startsWith(`${e.path}/`)) {
            for (const b of f.blocks) blocks.delete(b);
            files.delete(path);
          }
        break;
      case 'nodeDied':
        diedAt.set(e.node, e.t);
        break;
      case 'nodeRestarted':
        diedAt.delete(e.node);
        break;
      case 'dataNodeDeclaredDead':
        declared.add(e.node);
        break;
      case 'dataNodeRejoined':
        declared.delete(e.node);
        break;
    }
  }
  const replicationOf = (path: string) => files.get(path)?.replication ?? 3;
  const blockRows = new Map<number, BlockRow>();
  for (const b of [...blocks.values()].sort((x, y) => x.id - y.id)) {
    const locations = nodes.map((n) => n.id).filter((id) => b.holders.has(id) && !declared.has(id));
    const replication = replicationOf(b.path);
    blockRows.set(b.id, {
      id: b.id,
      name: blockName(b.id),
      path: b.path,
      index: b.index,
      bytes: b.bytes,
      locations,
      replication,
      underReplicated: locations.length > 0 && locations.length < replication,
      missing: locations.length === 0,
    });
  }
  const allBlocks = [...blockRows.values()];
  const fileRows: FileRow[] = [...files.values()]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => {
      const own = f.blocks.map((id) => blockRows.get(id)).filter((b): b is BlockRow => b !== undefined);
      own.sort((a, b) => a.index - b.index);
      return {
        path: f.path,
        bytes: f.bytes,
        replication: f.replication,
        blockSize: own.length > 1 ? own[0]!.bytes : Math.max(defaultBlockSize, own[0]?.bytes ?? 0),
        blocks: own,
      };
    });
  const dataNodes: DataNodeRow[] = nodes.map((n, i) => {
    const dead = declared.has(n.id);
    const mine = dead ? [] : allBlocks.filter((b) => b.locations.includes(n.id));
    const silentFrom = diedAt.get(n.id);
    return {
      id: n.id,
      rack: n.rack,
      state: dead ? 'Dead' : 'In Service',
      down: silentFrom !== undefined,
      lastContactS: Math.floor((t - lastHeartbeat(i, nodes.length, silentFrom ?? t)) / 1000),
      blocks: mine.length,
      usedBytes: mine.reduce((s, b) => s + b.bytes, 0),
    };
  });
  return {
    dataNodes,
    files: fileRows,
    blocks: allBlocks,
    underReplicated: allBlocks.filter((b) => b.underReplicated),
    missing: allBlocks.filter((b) => b.missing),
    live: dataNodes.filter((d) => d.state === 'In Service').length,
    dead: dataNodes.filter((d) => d.state === 'Dead').length,
  };
}

/** The last heartbeat at or before `x` of the i-th of n DataNodes (each beats every HEARTBEAT_MS from its own phase). */
function lastHeartbeat(i: number, n: number, x: number): number {
  const phase = Math.floor((i * HEARTBEAT_MS) / n);
  if (x < phase) return 0;
  return phase + Math.floor((x - phase) / HEARTBEAT_MS) * HEARTBEAT_MS;
}
