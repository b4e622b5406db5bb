/**
 * What producing one partition of an RDD costs on an executor, walking its narrow lineage: a
 * cached block (read from the executor holding it), an HDFS range (from the closest replicas),
 * the CPU of every RDD on the way, and the shuffle blocks fetched from the map outputs; and
 * where a partition prefers to run (its cached block's executor, or its HDFS block's replicas).
 * The bytes read and fetched are counted into a SparkIo an attempt commits once it launched.
 */
import { isDataNode, type ClusterNode } from '../cluster';
import type { BlockInfo } from '../hdfs';
import type { JobContext } from '../exec/jobContext';
import { readCost } from '../exec/hdfsInputs';
import type { CostBreakdown, TaskIo } from '../exec/taskTypes';
import type { BlockManager } from './blockManager';
import type { SparkLog } from './jobRecord';
import type { MapOutputTracker } from './mapOutputTracker';

/** A map output block a task fetches (or finds missing): `from` is where it lives (null: no output registered). */
export interface ShuffleRead {
  shuffleId: number;
  map: number;
  from: string | null;
  bytes: number;
}

/** Bytes an attempt read, by where they came from, and its cache hits. */
export interface SparkIo {
  bytesLocal: number;
  bytesRemote: number;
  shuffleLocal: number;
  shuffleRemote: number;
  cacheHits: number;
}

export const noIo = (): SparkIo => ({ bytesLocal: 0, bytesRemote: 0, shuffleLocal: 0, shuffleRemote: 0, cacheHits: 0 });

export function addIo(into: SparkIo, io: SparkIo): void {
  into.bytesLocal += io.bytesLocal;
  into.bytesRemote += io.bytesRemote;
  into.shuffleLocal += io.shuffleLocal;
  into.shuffleRemote += io.shuffleRemote;
  into.cacheHits += io.cacheHits;
}

/**
 * What one attempt's cost walk found: its shuffle reads, I/O, its task metrics (Spark's Input and
 * Shuffle Read: HDFS ranges and cached blocks read, shuffle blocks fetched) and the cache updates
 * due when it succeeds.
 */
export interface PartitionWork {
  reads: ShuffleRead[];
  io: SparkIo;
  metrics: TaskIo;
  after: (() => void)[];
}

export class PartitionCosts {
  /** RDDs persisted in the current job. */
  persisted = new Set<number>();
  /** The file's blocks, listed once per stage (a listing per partition made textFile stages P × B). */
  private stageBlocks = new Map<string, BlockInfo[]>();

  constructor(
    private readonly ctx: JobContext,
    private readonly log: SparkLog,
    private readonly blocks: BlockManager,
    private readonly outputs: MapOutputTracker,
    /** The node of a live executor. */
    private readonly execNode: (executor: string) => string,
  ) {}

  private readonly weights = new Map<number, number>();

  /**
   * What a record (or byte) of `rdd` weighs against one of the input (CostModel.keyedFraction):
   * an RDD that a map-side combine produced (reduceByKey, aggregateByKey, ...) holds a record per
   * key, and so do the RDDs derived from it narrowly (mapValues, filter, ...); every other RDD
   * grows with the data (1).
   */
  weight(rdd: number): number {
    const known = this.weights.get(rdd);
    if (known !== undefined) return known;
    const info = this.log.rdds[rdd]!;
    const keyed = this.ctx.cost.keyedFraction;
    let w = 1;
    if (keyed !== 1 && info.deps.length > 0) {
      const perDep = info.deps.map((d) =>
        d.kind === 'shuffle' ? (this.log.shuffles[d.shuffleId]?.combined ? keyed : 1) : this.weight(d.parent),
      );
      w = Math.max(...perDep);
    }
    this.weights.set(rdd, w);
    return w;
  }

  /** A new stage: HDFS block listings are taken afresh. */
  newStage(): void {
    this.stageBlocks = new Map();
  }

  private blockAt(file: string, from: number): BlockInfo | undefined {
    let blocks = this.stageBlocks.get(file);
    if (!blocks) this.stageBlocks.set(file, (blocks = this.ctx.hdfs.blocks(file)));
    // The last block starting at or before `from` (blocks are in file order).
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.offset <= from) lo = mid + 1;
      else hi = mid;
    }
    const b = blocks[lo - 1];
    return b && from >= b.offset && from < b.offset + Math.max(1, b.length) ? b : undefined;
  }

  /** Where partition p of rdd prefers to run: its cached block's executor, else its input block's replicas. */
  prefs(rdd: number, p: number): { nodes: string[]; execs: string[] } {
    for (;;) {
      const info = this.log.rdds[rdd]!;
      const e = this.persisted.has(rdd) ? this.blocks.at(`${rdd}:${p}`) : undefined;
      if (e !== undefined) return { nodes: [this.execNode(e)], execs: [e] };
      if (info.source) {
        const [from, to] = info.source.ranges[p] ?? [0, 0];
        const b = this.blockAt(info.source.files[p]!, from);
        return { nodes: b && to >= from ? [...b.replicas] : [], execs: [] };
      }
      const d = info.deps[0];
      if (!d || d.kind !== 'narrow') return { nodes: [], execs: [] };
      p = (d.parents?.[p] ?? [p])[0] ?? 0;
      rdd = d.parent;
    }
  }

  /** Adds the cost of producing partition p of rdd on node/executor to `c`, walking narrow lineage. */
  add(rdd: number, p: number, node: ClusterNode, executor: string, c: CostBreakdown, work: PartitionWork): void {
    const { cluster, cost, hdfs } = this.ctx;
    const info = this.log.rdds[rdd]!;
    const key = `${rdd}:${p}`;
    const weight = this.weight(rdd);
    const at = this.persisted.has(rdd) ? this.blocks.at(key) : undefined;
    const records = Math.max(0, info.records[p] ?? 0);
    if (at !== undefined) {
      work.io.cacheHits++;
      // A cached block read counts as the task's input, as Spark's InputMetrics count a block read from memory.
      work.metrics.inputBytes += info.bytes[p]!;
      work.metrics.inputRecords += records;
      if (at !== executor) c.read += cost.networkMs(cluster.node(this.execNode(at)), node, info.bytes[p]! * weight);
      work.after.push(() => this.blocks.touch(key, at));
      return;
    }
    c.compute += cost.cpuMs(node, { records: info.records[p]! * weight });
    if (info.source) {
      const [from, to] = info.source.ranges[p]!;
      const r = readCost(hdfs, info.source.files[p]!, from, to, node.id);
      c.read += r.ms;
      // Decoding the bytes read into records.
      c.compute += cost.cpuMs(node, { bytes: to - from });
      work.io.bytesLocal += r.localBytes;
      work.io.bytesRemote += r.remoteBytes;
      work.metrics.inputBytes += r.localBytes + r.remoteBytes;
      work.metrics.inputRecords += records;
    }
    for (const d of info.deps) {
      if (d.kind === 'narrow')
        for (const q of d.parents ? (d.parents[p] ?? []) : [p]) this.add(d.parent, q, node, executor, c, work);
      else {
        const sh = this.log.shuffles[d.shuffleId]!;
        // A combined shuffle carries a record per key and map: charged by keys (weight).
        const shuffleWeight = sh.combined ? cost.keyedFraction : 1;
        for (let m = 0; m < sh.numMaps; m++) {
          const bytes = sh.bytes[m * sh.numReduces + p] ?? 0;
          const from = this.outputs.location(d.shuffleId, m);
          // Empty blocks are not fetched; a missing output fails the task whatever its size (shuffleFetches.ts).
          if (bytes > 0 || from === null) work.reads.push({ shuffleId: d.shuffleId, map: m, from, bytes });
          const src = cluster.node(from ?? node.id);
          c.shuffle += bytes > 0 ? cost.readMs(node, src, bytes * shuffleWeight) : 0;
          // Deserialising what was fetched.
          c.compute += cost.cpuMs(node, { bytes: bytes * shuffleWeight });
          if (src === node) work.io.shuffleLocal += bytes;
          else {
            work.io.shuffleRemote += bytes;
            work.metrics.shuffleRemoteBytes += bytes;
          }
          work.metrics.shuffleReadBytes += bytes;
          work.metrics.shuffleReadRecords += sh.records[m * sh.numReduces + p] ?? 0;
        }
      }
    }
    if (this.persisted.has(rdd)) work.after.push(() => this.blocks.put(key, executor, node, info.bytes[p]!));
  }

  /**
   * saveAsTextFile's write: a pipeline of DataNodes as HDFS's placement makes it: the executor's
   * node when it is a DataNode (else the first reachable one), then two replicas on another rack.
   */
  pipelineFrom(node: ClusterNode): string[] {
    const { cluster } = this.ctx;
    const targets = cluster.dataNodes.filter((n) => n === node || cluster.isReachable(n));
    const first = isDataNode(node) ? node : targets[0];
    if (first === undefined) return [];
    const others = targets.filter((n) => n !== first);
    const remote = others.filter((n) => n.rack !== first.rack);
    const second = (remote.length > 0 ? remote : others)[0];
    const third = second ? others.find((n) => n !== second && n.rack === second.rack) : undefined;
    return [first.id, ...(second ? [second.id] : []), ...(third ? [third.id] : [])];
  }
}
