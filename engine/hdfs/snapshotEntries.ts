/**
 * The entries of HDFS snapshots, shared between snapshots while they do not change. A run takes
 * a snapshot at every step of its playback, and a 9,000-block file made each one a megabyte of
 * new objects; now an unchanged block or file block list is the same object as in the snapshot
 * before, so it is built once and a Web Worker's postMessage (structured clone keeps identity
 * within one message) copies it once. Snapshots are read-only for everyone who gets one.
 */
import type { Cluster } from '../cluster';
import type { HdfsBlockSnapshot } from './hdfsTypes';
import type { FileNode, HBlock } from './namespace';

export class SnapshotEntries {
  private readonly blocks = new WeakMap<HBlock, HdfsBlockSnapshot>();
  private readonly fileBlocks = new WeakMap<FileNode, number[]>();

  constructor(private readonly cluster: Cluster) {}

  /** The snapshot of `b`: the previous one while its path, size, replicas and target are the same. */
  block(b: HBlock): HdfsBlockSnapshot {
    const old = this.blocks.get(b);
    if (
      old !== undefined &&
      old.path === b.file.path &&
      old.bytes === b.length &&
      old.target === b.file.replication &&
      this.sameReplicas(old.replicas, b.replicas)
    )
      return old;
    const nodes = this.cluster.nodes;
    const entry: HdfsBlockSnapshot = {
      id: b.id,
      path: b.file.path,
      index: b.index,
      bytes: b.length,
      replicas: b.replicas.map((i) => nodes[i]!.id),
      target: b.file.replication,
    };
    this.blocks.set(b, entry);
    return entry;
  }

  /** The ids of the blocks of `file`, in order: the previous array while they are the same. */
  blockIds(file: FileNode): number[] {
    const old = this.fileBlocks.get(file);
    const now = file.blocks;
    if (old !== undefined && old.length === now.length && old.every((id, i) => id === now[i]!.id)) return old;
    const ids = now.map((b) => b.id);
    this.fileBlocks.set(file, ids);
    return ids;
  }

  private sameReplicas(ids: readonly string[], replicas: readonly number[]): boolean {
    if (ids.length !== replicas.length) return false;
    const nodes = this.cluster.nodes;
    for (let i = 0; i < ids.length; i++) if (ids[i] !== nodes[replicas[i]!]!.id) return false;
    return true;
  }
}
