/**
 * What the execution engines need from HDFS: files and their blocks with replica locations,
 * whole-file bytes for the real computation, the closest live replica for a reader, and writes
 * with a replica plan. An adapter (hdfsDfsView.ts) maps it onto engine/hdfs; MemoryDfs is a
 * small stand-alone implementation (Hadoop's default placement) for unit tests.
 */
import type { Cluster, ClusterNode } from '../cluster';

export interface DfsBlock {
  index: number;
  offset: number;
  length: number;
  replicas: readonly string[];
}

export interface DfsView {
  exists(path: string): boolean;
  isDir(path: string): boolean;
  /** Files under a directory (not starting with `_` or `.`), sorted by name. */
  listFiles(dir: string): string[];
  bytes(path: string): Uint8Array;
  blockSize(path: string): number;
  blocks(path: string): DfsBlock[];
  /** Replica nodes (pipeline order) a writer on `writer` would get for a new block. */
  planReplicas(writer: string, salt: string): string[];
  write(path: string, bytes: Uint8Array, writer: string): void;
}

/** The live replica closest to `reader` (same node, same rack, then any), or null. */
export function closestReplica(cluster: Cluster, reader: ClusterNode, replicas: readonly string[]): ClusterNode | null {
  let best: ClusterNode | null = null;
  let bestD = 99;
  for (const id of replicas) {
    const n = cluster.node(id);
    if (!cluster.canCommunicate(n, reader)) continue;
    const d = cluster.distance(reader, n);
    if (d < bestD) {
      best = n;
      bestD = d;
    }
  }
  return best;
}

interface MemFile {
  bytes: Uint8Array;
  blockSize: number;
  blocks: DfsBlock[];
}

/** A minimal in-memory DFS with rack-aware placement (for tests when engine/hdfs is not wanted). */
export class MemoryDfs implements DfsView {
  private files = new Map<string, MemFile>();

  constructor(
    private readonly cluster: Cluster,
    private readonly defaultBlockSize: number,
    private readonly replication = 3,
  ) {}

  exists(path: string): boolean {
    return this.files.has(path) || this.isDir(path);
  }

  isDir(path: string): boolean {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const p of this.files.keys()) if (p.startsWith(prefix)) return true;
    return false;
  }

  listFiles(dir: string): string[] {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    return [...this.files.keys()]
      .filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/') && !/^[_.]/.test(p.slice(prefix.length)))
      .sort();
  }

  bytes(path: string): Uint8Array {
    return this.file(path).bytes;
  }

  blockSize(path: string): number {
    return this.file(path).blockSize;
  }

  blocks(path: string): DfsBlock[] {
    return this.file(path).blocks;
  }

  planReplicas(writer: string, salt: string): string[] {
    const nodes = this.cluster.nodes.filter((n) => n.alive);
    const w = this.cluster.node(writer);
    const out: ClusterNode[] = [w.alive ? w : nodes[0]!];
    let h = 0;
    for (let i = 0; i < salt.length; i++) h = (Math.imul(h, 31) + salt.charCodeAt(i)) >>> 0;
    const first = out[0]!;
    const remote = nodes.filter((n) => n.rackIndex !== first.rackIndex);
    if (remote.length > 0 && this.replication > 1) {
      const second = remote[h % remote.length]!;
      out.push(second);
      const sameRack = nodes.filter((n) => n.rackIndex === second.rackIndex && n !== second);
      if (sameRack.length > 0 && this.replication > 2) out.push(sameRack[(h >>> 8) % sameRack.length]!);
    }
    const rest = nodes.filter((n) => !out.includes(n));
    while (out.length < Math.min(this.replication, nodes.length) && rest.length > 0) out.push(rest.splice((h >>> 4) % rest.length, 1)[0]!);
    return out.map((n) => n.id);
  }

  write(path: string, bytes: Uint8Array, writer: string, blockSize = this.defaultBlockSize): void {
    const blocks: DfsBlock[] = [];
    for (let offset = 0, index = 0; offset < bytes.length || index === 0; offset += blockSize, index++) {
      blocks.push({ index, offset, length: Math.min(blockSize, bytes.length - offset), replicas: this.planReplicas(writer, `${path}#${index}`) });
      if (bytes.length === 0) break;
    }
    this.files.set(path, { bytes, blockSize, blocks });
  }

  private file(path: string): MemFile {
    const f = this.files.get(path);
    if (!f) throw new Error(`no such file: ${path}`);
    return f;
  }
}
