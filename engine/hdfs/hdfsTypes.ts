/** The plain-data views HDFS hands out: file status, block locations, read plans, snapshots. */

export interface FileStatus {
  path: string;
  type: 'file' | 'dir';
  /** Bytes (0 for directories). */
  length: number;
  replication: number;
  blockSize: number;
  /** Number of blocks (0 for directories). */
  blocks: number;
  /** Content is computed on read (putGenerated); the generator's name, else null. */
  generator: string | null;
  /** Simulated time of the last change, ms. */
  modifiedMs: number;
}

/**
 * Block ids are numbered as Hadoop's NameNode numbers them: the first block of a fresh file system
 * is 1073741825 (2^30 + 1), the next 1073741826, and so on. Shown as `blk_<id>` (blockName).
 */
export const FIRST_BLOCK_ID = 1_073_741_825;

/** A block's name as Hadoop prints it: `blk_1073741825`. */
export function blockName(id: number): string {
  return `blk_${id}`;
}

/** Where a block lives: what MapReduce/Spark need for splits and locality. */
export interface BlockInfo {
  /** The block id (FIRST_BLOCK_ID, FIRST_BLOCK_ID + 1, ...); its name is blockName(id). */
  id: number;
  path: string;
  /** Position of the block in its file (0-based). */
  index: number;
  /** Byte offset of the block in its file. */
  offset: number;
  length: number;
  /** Node ids of the replicas the NameNode knows, in placement order. */
  replicas: string[];
  /** Rack ids of those replicas, same order. */
  racks: string[];
}

/** One piece of a read: which block, served by which node, and what it costs. */
export interface ReadPiece {
  block: number;
  /** The replica chosen (closest to the reader). */
  node: string;
  /** Topology distance reader -> node (0, 2, 4; 4 when the reader is outside the cluster). */
  distance: 0 | 2 | 4;
  /** Offset within the file, and length, of this piece. */
  offset: number;
  length: number;
  /** Simulated time to read it (cost model: disk at the source, network to the reader). */
  ms: number;
}

export interface PutOptions {
  /** Node id of the writing client (gets the 1st replica); omit for a client outside the cluster. */
  writer?: string;
  replication?: number;
  blockSize?: number;
  /** Replace an existing file (default false: an existing path is an error). */
  overwrite?: boolean;
}

export interface HdfsBlockSnapshot {
  id: number;
  path: string;
  index: number;
  bytes: number;
  replicas: string[];
  target: number;
}

export interface HdfsFileSnapshot {
  path: string;
  bytes: number;
  replication: number;
  blocks: number[];
  generator: string | null;
}

export interface HdfsSnapshot {
  blockSize: number;
  files: HdfsFileSnapshot[];
  dirs: string[];
  blocks: HdfsBlockSnapshot[];
  /** Node ids the NameNode currently considers dead. */
  deadNodes: string[];
  underReplicated: number;
  missing: number;
  replicationsInFlight: number;
}
