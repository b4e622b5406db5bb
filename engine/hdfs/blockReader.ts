/**
 * How HDFS serves reads: the replica closest to the reader (Hadoop topology distance, ties
 * rotated by block id so readers spread out), the blocks a byte range overlaps, and a block's
 * bytes (a view of the shared copy, or generated on demand for declared-by-size files).
 */
import type { Cluster } from '../cluster';
import type { BlockManager } from './blockManager';
import { HdfsError } from './hdfsPath';
import { FIRST_BLOCK_ID, blockName, type BlockInfo } from './hdfsTypes';
import type { FileNode, HBlock } from './namespace';

export class BlockReader {
  /** closest()'s replicas at the best distance: one array reused, not one per read (a split each). */
  private tied = new Int32Array(8);

  constructor(
    private readonly cluster: Cluster,
    private readonly bm: BlockManager,
  ) {}

  blockInfo(b: HBlock): BlockInfo {
    const nodes = b.replicas.map((i) => this.cluster.nodes[i]!);
    return {
      id: b.id,
      path: b.file.path,
      index: b.index,
      offset: b.offset,
      length: b.length,
      replicas: nodes.map((n) => n.id),
      racks: nodes.map((n) => n.rack),
    };
  }

  /** Whether a client outside the cluster could read `b` now (closest(b) would find a replica). */
  servable(b: HBlock): boolean {
    const replicas = b.replicas;
    for (let k = 0; k < replicas.length; k++) if (this.bm.canServe(replicas[k]!, b, undefined)) return true;
    return false;
  }

  /** The closest live replica (distance, then a rotation by block id so ties spread out). */
  closest(b: HBlock, reader?: number): number {
    const replicas = b.replicas;
    if (this.tied.length < replicas.length) this.tied = new Int32Array(replicas.length * 2);
    const tied = this.tied;
    let n = 0;
    let best = 5;
    // An index loop: for...of allocates an iterator until V8 optimizes this (called once per read).
    for (let k = 0; k < replicas.length; k++) {
      const i = replicas[k]!;
      if (!this.bm.canServe(i, b, reader)) continue;
      const d = reader === undefined ? 4 : this.cluster.distance(this.cluster.nodes[reader]!, this.cluster.nodes[i]!);
      if (d < best) {
        best = d;
        n = 0;
      }
      if (d === best) tied[n++] = i;
    }
    if (n === 0) {
      throw new HdfsError(
        b.file.path,
        `block ${blockName(b.id)} (#${b.index}) has no live replica it can be read from`,
        'BlockMissing',
      );
    }
    // The tied node indexes in ascending order (insertion: two or three of them).
    for (let k = 1; k < n; k++) {
      const x = tied[k]!;
      let j = k - 1;
      for (; j >= 0 && tied[j]! > x; j--) tied[j + 1] = tied[j]!;
      tied[j + 1] = x;
    }
    // Ties rotate by the block's number in the file system (0, 1, 2, ...), not its large id.
    return tied[(b.id - FIRST_BLOCK_ID + (reader ?? 0)) % n]!;
  }
}

/** The blocks of `file` that overlap bytes [start, end). */
export function overlapping(file: FileNode, start: number, end: number): HBlock[] {
  if (end <= start || file.blocks.length === 0) return [];
  const first = Math.floor(start / file.blockSize);
  const out: HBlock[] = [];
  // Blocks are full-sized except possibly the last, so the first index is computed, not searched.
  for (let k = Math.min(first, file.blocks.length - 1); k < file.blocks.length; k++) {
    const b = file.blocks[k]!;
    if (b.offset >= end) break;
    if (b.offset + b.length > start) out.push(b);
  }
  return out;
}

/** Bytes [from, from+length) of block `b` (relative to the block). */
export function bytesOf(b: HBlock, from: number, length: number): Uint8Array {
  if (b.data !== null) return b.data.subarray(from, from + length);
  const out = new Uint8Array(length);
  b.file.generator!.fill(b.offset + from, out);
  return out;
}
