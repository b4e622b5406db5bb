/**
 * HDFS as the rest of the engine sees it: a NameNode namespace holding real bytes (or
 * generated content), blocks with rack-aware replicas, and reads served from the closest
 * replica. Namespace operations take effect at the current simulated instant; the time a
 * client would spend moving bytes is given by `readPlan`/`writeMs` (the cost model), so the
 * execution layers charge it to their tasks. Re-replication after failures runs on its own.
 */
import {
  LIMITS,
  ValidationError,
  check,
  decodeUtf8,
  formatCount,
  encodeUtf8,
  isTracing,
  type Kernel,
  type Rng,
  type TraceSink,
} from '../core';
import type { Cluster, CostModel } from '../cluster';
import { BlockManager } from './blockManager';
import type { ContentGenerator } from './contentGenerator';
import type { HdfsConfig } from './hdfsConfig';
import { HDFS_EVENT_TYPES, type HdfsEvent } from './hdfsEvents';
import { HdfsError, normalizePath, parentOf } from './hdfsPath';
import {
  blockName,
  type BlockInfo,
  type FileStatus,
  type HdfsSnapshot,
  type PutOptions,
  type ReadPiece,
} from './hdfsTypes';
import { BlockReader, bytesOf, overlapping } from './blockReader';
import { SnapshotEntries } from './snapshotEntries';
import { Namespace, statusOf, type FileNode, type HBlock } from './namespace';

export class Hdfs {
  readonly config: Readonly<HdfsConfig>;
  private readonly ns = new Namespace();
  private readonly bm: BlockManager;
  private readonly reader: BlockReader;
  private readonly tracing: boolean;
  private readonly entries: SnapshotEntries;

  constructor(
    private readonly kernel: Kernel,
    private readonly cluster: Cluster,
    private readonly cost: CostModel,
    rng: Rng,
    private readonly sink: TraceSink<HdfsEvent>,
    config: HdfsConfig,
  ) {
    this.config = config;
    this.tracing = isTracing(sink, HDFS_EVENT_TYPES);
    this.bm = new BlockManager(kernel, cluster, cost, rng, sink, config);
    this.reader = new BlockReader(cluster, this.bm);
    this.entries = new SnapshotEntries(cluster);
  }

  // ---- namespace ----

  /** Creates a directory and its missing parents (like `hdfs dfs -mkdir -p`). */
  mkdir(path: string): void {
    const p = normalizePath(path);
    this.mkdirs(p);
  }

  /** Writes a file of real bytes (a string is encoded as UTF-8). HDFS keeps `data`; don't mutate it. */
  put(path: string, data: Uint8Array | string, options: PutOptions = {}): FileStatus {
    const bytes = typeof data === 'string' ? encodeUtf8(data) : data;
    if (!(bytes instanceof Uint8Array))
      throw new HdfsError(String(path), 'data must be a string or a Uint8Array', 'InvalidArgument');
    const file = this.createFile(path, bytes.length, null, options);
    this.writeBlocks(file, bytes, 0, options.writer);
    this.traceWritten(file);
    return statusOf(file);
  }

  /** Declares a file of `sizeBytes` whose content `generator` computes on read; nothing is held. */
  putGenerated(path: string, sizeBytes: number, generator: ContentGenerator, options: PutOptions = {}): FileStatus {
    check.nonNegativeInt('sizeBytes', sizeBytes);
    if (typeof generator?.fill !== 'function')
      throw new HdfsError(String(path), 'generator must have a fill(offset, out) method', 'InvalidArgument');
    const file = this.createFile(path, sizeBytes, generator, options);
    const writer = this.writerIndex(options.writer);
    for (let offset = 0; offset < sizeBytes; offset += file.blockSize) {
      this.bm.allocate(file, offset, Math.min(file.blockSize, sizeBytes - offset), null, writer);
    }
    this.traceWritten(file);
    return statusOf(file);
  }

  /** Appends bytes: fills the last block up to the block size, then adds new blocks. */
  append(path: string, data: Uint8Array | string, options: { writer?: string } = {}): FileStatus {
    const p = normalizePath(path);
    const file = this.ns.file(p);
    if (file.generator !== null) throw new HdfsError(p, 'cannot append to a generated file', 'InvalidArgument');
    const bytes = typeof data === 'string' ? encodeUtf8(data) : data;
    this.checkBlockCount(p, Math.ceil((file.length + bytes.length) / file.blockSize), file.blocks.length);
    const last = file.blocks[file.blocks.length - 1];
    let used = 0;
    if (last !== undefined && last.length < file.blockSize && bytes.length > 0) {
      used = Math.min(file.blockSize - last.length, bytes.length);
      const grown = new Uint8Array(last.length + used);
      grown.set(last.data!, 0);
      grown.set(bytes.subarray(0, used), last.length);
      last.data = grown;
      last.length = grown.length;
    }
    file.length += bytes.length;
    this.writeBlocks(file, bytes, used, options.writer);
    file.modifiedMs = this.kernel.now;
    if (this.tracing)
      this.sink.record({
        t: this.kernel.now,
        type: 'fileAppended',
        path: p,
        bytes: bytes.length,
        blocks: file.blocks.length,
      });
    return statusOf(file);
  }

  /** Deletes a file, or a directory (non-empty only with `recursive`). */
  rm(path: string, options: { recursive?: boolean } = {}): void {
    const p = normalizePath(path);
    const files = this.ns.unlink(p, options.recursive === true, this.kernel.now);
    let blocks = 0;
    for (const f of files) {
      for (const b of f.blocks) this.bm.remove(b);
      blocks += f.blocks.length;
    }
    if (this.tracing)
      this.sink.record({ t: this.kernel.now, type: 'pathDeleted', path: p, files: files.length, blocks });
  }

  exists(path: string): boolean {
    return this.ns.lookup(normalizePath(path)) !== undefined;
  }

  stat(path: string): FileStatus {
    const p = normalizePath(path);
    const node = this.ns.lookup(p);
    if (node === undefined) throw new HdfsError(p, 'no such file or directory', 'NotFound');
    return statusOf(node);
  }

  /** A directory's entries sorted by name; a file lists itself. */
  ls(path: string): FileStatus[] {
    const p = normalizePath(path);
    const node = this.ns.lookup(p);
    if (node === undefined) throw new HdfsError(p, 'no such file or directory', 'NotFound');
    if (node.kind === 'file') return [statusOf(node)];
    return [...node.children.keys()].sort().map((name) => statusOf(node.children.get(name)!));
  }

  // ---- blocks and reads ----

  /** The blocks of a file with their replica locations, in file order. */
  blocks(path: string): BlockInfo[] {
    return this.ns.file(normalizePath(path)).blocks.map((b) => this.reader.blockInfo(b));
  }

  block(blockId: number): BlockInfo {
    return this.reader.blockInfo(this.hblock(blockId));
  }

  /** A whole block's bytes (a shared view for stored files: do not mutate). */
  readBlock(blockId: number, reader?: string): Uint8Array {
    const b = this.hblock(blockId);
    this.reader.closest(b, this.writerIndex(reader, 'reader'));
    return bytesOf(b, 0, b.length);
  }

  /** Bytes [offset, offset+length) of a file, clipped at its end; fails if a block has no live replica. */
  readRange(path: string, offset: number, length: number, reader?: string): Uint8Array {
    const p = normalizePath(path);
    const file = this.ns.file(p);
    check.nonNegativeInt('offset', offset);
    check.nonNegativeInt('length', length);
    const end = Math.min(file.length, offset + length);
    const out = new Uint8Array(Math.max(0, end - offset));
    const r = this.writerIndex(reader, 'reader');
    for (const b of overlapping(file, offset, end)) {
      this.reader.closest(b, r);
      const from = Math.max(offset, b.offset);
      const to = Math.min(end, b.offset + b.length);
      out.set(bytesOf(b, from - b.offset, to - from), from - offset);
    }
    return out;
  }

  read(path: string, reader?: string): Uint8Array {
    const file = this.ns.file(normalizePath(path));
    return this.readRange(path, 0, file.length, reader);
  }

  /**
   * The bytes read() gives, without copying them when the file's blocks are views of one buffer
   * end to end (a file put in one piece): for readers that only read, such as MapReduce's splits
   * (a 34 MB input was copied once more for every job). Never write into it.
   */
  readShared(path: string): Uint8Array {
    const file = this.ns.file(normalizePath(path));
    const first = file.blocks[0]?.data;
    const whole =
      first !== undefined &&
      first !== null &&
      file.blocks.every(
        (b) =>
          b.data !== null &&
          b.data.buffer === first.buffer &&
          b.data.byteOffset === first.byteOffset + b.offset &&
          b.data.length === b.length,
      ) &&
      first.byteOffset + file.length <= first.buffer.byteLength;
    if (!whole) return this.read(path);
    // As read(): every block must have a replica it can be read from (closest names the one without).
    for (const b of file.blocks) if (!this.reader.servable(b)) this.reader.closest(b, undefined);
    return new Uint8Array(first.buffer, first.byteOffset, file.length);
  }

  readText(path: string, reader?: string): string {
    return decodeUtf8(this.read(path, reader));
  }

  /** Which replica serves each block of a range, and the simulated time to read it. */
  readPlan(path: string, offset: number, length: number, reader?: string): ReadPiece[] {
    const file = this.ns.file(normalizePath(path));
    const r = this.writerIndex(reader, 'reader');
    const end = Math.min(file.length, offset + length);
    const pieces = overlapping(file, offset, end).map((b): ReadPiece => {
      const i = this.reader.closest(b, r);
      const node = this.cluster.nodes[i]!;
      const from = Math.max(offset, b.offset);
      const len = Math.min(end, b.offset + b.length) - from;
      const readerNode = r === undefined ? undefined : this.cluster.nodes[r]!;
      const distance = readerNode === undefined ? 4 : this.cluster.distance(readerNode, node);
      const ms = readerNode === undefined ? this.cost.diskReadMs(node, len) : this.cost.readMs(readerNode, node, len);
      return { block: b.id, node: node.id, distance, offset: from, length: len, ms };
    });
    // A task's read (the execution layers plan each read once, when it starts): traced when bytes cross the network.
    if (this.tracing && reader !== undefined && pieces.some((p) => p.distance > 0 && p.length > 0))
      this.sink.record({
        t: this.kernel.now,
        type: 'blocksRead',
        reader: this.cluster.nodes[r!]!.id,
        path: file.path,
        pieces: pieces.map((p) => ({ block: p.block, node: p.node, bytes: p.length, ms: p.ms })),
      });
    return pieces;
  }

  /** The replica node id a reader on `reader` would use for a block (closest, ties deterministic). */
  closestReplica(blockId: number, reader?: string): string {
    return this.cluster.nodes[this.reader.closest(this.hblock(blockId), this.writerIndex(reader, 'reader'))]!.id;
  }

  /** Simulated time to write `bytes` from `writer` through a pipeline to `replicas` node ids. */
  writeMs(writer: string, replicas: readonly string[], bytes: number): number {
    return this.cost.writePipelineMs(writer, replicas, bytes);
  }

  /** Blocks below target replication, and blocks with no replica at all. */
  get health(): { underReplicated: number; missing: number; replicationsInFlight: number } {
    let missing = 0;
    for (const b of this.bm.under) if (b.replicas.length === 0) missing++;
    return { underReplicated: this.bm.under.size, missing, replicationsInFlight: this.bm.inFlight };
  }

  /** Node ids the NameNode currently considers dead. */
  deadNodes(): string[] {
    return this.cluster.nodes.filter((_, i) => this.bm.declaredDead[i]).map((n) => n.id);
  }

  /** Replicas physically stored per node id (for snapshots and tests). */
  storedBlockCount(node: string): number {
    return this.bm.stored[this.cluster.node(node).index]!.size;
  }

  storedBytes(node: string): number {
    let sum = 0;
    for (const b of this.bm.stored[this.cluster.node(node).index]!) sum += b.length;
    return sum;
  }

  snapshot(): HdfsSnapshot {
    const files: HdfsSnapshot['files'] = [];
    const dirs: string[] = [];
    this.ns.walk(this.ns.root, (n) => {
      if (n.kind === 'dir') dirs.push(n.path);
      else
        files.push({
          path: n.path,
          bytes: n.length,
          replication: n.replication,
          blocks: this.entries.blockIds(n),
          generator: n.generator?.name ?? null,
        });
    });
    const blocks = [...this.bm.blocks.values()].sort((a, b) => a.id - b.id).map((b) => this.entries.block(b));
    return { blockSize: this.config.blockSize, files, dirs, blocks, deadNodes: this.deadNodes(), ...this.health };
  }

  // ---- internals ----

  private mkdirs(p: string): void {
    for (const d of this.ns.mkdirs(p, this.kernel.now)) {
      if (this.tracing) this.sink.record({ t: this.kernel.now, type: 'dirCreated', path: d.path });
    }
  }

  private createFile(path: string, length: number, generator: ContentGenerator | null, options: PutOptions): FileNode {
    const p = normalizePath(path);
    if (p === '/') throw new HdfsError(p, 'is the root directory', 'IsADirectory');
    check.object('options', options);
    const replication = check.positiveInt('options.replication', options.replication ?? this.config.replication);
    if (replication > 512) throw new ValidationError('options.replication', `must be at most 512, got ${replication}`);
    const blockSize = check.positiveInt('options.blockSize', options.blockSize ?? this.config.blockSize);
    this.writerIndex(options.writer);
    const existing = this.ns.lookup(p);
    this.checkBlockCount(p, Math.ceil(length / blockSize), existing?.kind === 'file' ? existing.blocks.length : 0);
    if (existing?.kind === 'dir') throw new HdfsError(p, 'is a directory', 'IsADirectory');
    if (existing !== undefined) {
      if (options.overwrite !== true)
        throw new HdfsError(p, 'file already exists (pass overwrite: true to replace it)', 'AlreadyExists');
      this.rm(p);
    }
    this.mkdirs(parentOf(p));
    const file: FileNode = {
      kind: 'file',
      path: p,
      length,
      replication,
      blockSize,
      blocks: [],
      generator,
      modifiedMs: this.kernel.now,
    };
    this.ns.link(file, this.kernel.now);
    return file;
  }

  /**
   * Refuses a write that would give the file more than LIMITS.maxBlocksPerFile blocks or the
   * namespace more than LIMITS.maxBlocksTotal, before any block is made (`replaced`: the blocks
   * of a file the write overwrites).
   */
  private checkBlockCount(path: string, fileBlocks: number, replaced: number): void {
    if (fileBlocks > LIMITS.maxBlocksPerFile)
      throw new HdfsError(
        path,
        `the file would have ${formatCount(fileBlocks)} blocks, more than the limit of ${formatCount(LIMITS.maxBlocksPerFile)} blocks per file (dfs.namenode.fs-limits.max-blocks-per-file): use a larger block size`,
        'InvalidArgument',
      );
    const total = this.bm.blocks.size - replaced + fileBlocks;
    if (total > LIMITS.maxBlocksTotal)
      throw new HdfsError(
        path,
        `HDFS would hold ${formatCount(total)} blocks, more than the limit of ${formatCount(LIMITS.maxBlocksTotal)} blocks in the cluster: use a larger block size or fewer files`,
        'InvalidArgument',
      );
  }

  /** Cuts `bytes` from `start` into new blocks at the end of `file` (views, not copies). */
  private writeBlocks(file: FileNode, bytes: Uint8Array, start: number, writer?: string): void {
    const w = this.writerIndex(writer);
    for (let offset = start; offset < bytes.length; offset += file.blockSize) {
      const len = Math.min(file.blockSize, bytes.length - offset);
      const fileOffset = file.length - bytes.length + offset;
      this.bm.allocate(file, fileOffset, len, bytes.subarray(offset, offset + len), w);
    }
  }

  private traceWritten(file: FileNode): void {
    if (this.tracing) {
      this.sink.record({
        t: this.kernel.now,
        type: 'fileWritten',
        path: file.path,
        bytes: file.length,
        blocks: file.blocks.length,
        replication: file.replication,
        generated: file.generator !== null,
      });
    }
  }

  private writerIndex(node: string | undefined, field = 'writer'): number | undefined {
    return node === undefined ? undefined : this.cluster.node(node, field).index;
  }

  private hblock(blockId: number): HBlock {
    const b = this.bm.blocks.get(blockId);
    if (b === undefined) throw new HdfsError(blockName(blockId), 'no such block', 'NotFound');
    return b;
  }
}
