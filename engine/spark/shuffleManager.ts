/**
 * The shuffles of a Spark application inside the sandbox: Spark's ShuffledRDD (by a partitioner,
 * with or without an aggregator and map-side combine), CoGroupedRDD, the range-partitioned sort
 * shuffle and repartition's round robin. A shuffle's map side runs once, the first time a reduce
 * partition needs it, and its output is kept (Spark reuses shuffle files across jobs).
 */
import { compareKeys, keyId } from '../exec/keyOrder';
import { LIMITS, createRng, formatCount } from '../core';
import type { RddDep, ShuffleInfo } from './jobRecord';
import { RangePartitioner } from './rangePartitioner';
import { checkPartitionCount, combineRows, Rdd, sizeOf, type Aggregator, type Pair } from './rdd';
import { aggregatorEffectFree, pipelinedMapTask, pipelinedSteps, primitiveRows, streamsSource } from './fusedMapSide';
import { HashPartitioner, type Partitioner } from './hashPartitioner';
import { asPairs } from './rddArgs';
import type { SparkRuntime } from './sparkRuntime';
import { atTask } from './sparkTaskError';
import { runAsTask } from './taskContext';

interface ShuffleState {
  info: ShuffleInfo;
  parent: Rdd;
  /** Where a row of map task `m` goes; given all map output first when `fitsOnAllMaps` (a range partitioner samples it). */
  partitionOf: (maps: () => unknown[][]) => (row: unknown, m: number) => number;
  /** The partitioner is fitted on every map partition's rows (sortByKey's RangePartitioner). */
  fitsOnAllMaps: boolean;
  /** Where rows go is the engine's own work (no partitionFunc of the learner's): map tasks may be pipelined (fusedMapSide.ts). */
  enginePartitioner: boolean;
  agg: Aggregator | null;
  /** Combine on the map side (reduceByKey...) or only on the reduce side (groupByKey). */
  mapSideCombine: boolean;
  /** The pair function whose shuffle this is (its rows must be pairs), or null (repartition: any rows). */
  keyed: string | null;
  /** Where the learner asked for it (an error about its rows names that line). */
  site: Error;
  buckets: unknown[][][] | null;
}

export class ShuffleManager {
  private readonly states: ShuffleState[] = [];

  constructor(private readonly rt: SparkRuntime) {}

  /** What the job log tells of each shuffle. */
  infos(): ShuffleInfo[] {
    return this.states.map((s) => s.info);
  }

  private newShuffle(
    parent: Rdd,
    numReduces: number,
    agg: Aggregator | null,
    partitionOf: ShuffleState['partitionOf'],
    what: string,
    keyed: boolean,
    mapSideCombine = agg !== null,
    fitsOnAllMaps = false,
    enginePartitioner = false,
  ): ShuffleState {
    checkPartitionCount(`${what}(numPartitions)`, numReduces);
    const blocks = parent.numPartitions * numReduces;
    if (blocks > LIMITS.maxShuffleBlocks)
      throw new RangeError(
        `a shuffle from ${formatCount(parent.numPartitions)} to ${formatCount(numReduces)} partitions makes ${formatCount(blocks)} shuffle blocks, more than the simulator's limit of ${formatCount(LIMITS.maxShuffleBlocks)}: use fewer partitions on one side`,
      );
    const info: ShuffleInfo = {
      id: this.states.length,
      mapRdd: parent.id,
      numMaps: parent.numPartitions,
      numReduces,
      bytes: [],
      records: [],
      combined: mapSideCombine,
    };
    const s: ShuffleState = {
      info,
      parent,
      partitionOf,
      fitsOnAllMaps,
      enginePartitioner,
      agg,
      mapSideCombine,
      keyed: keyed ? what : null,
      site: new Error('call site'),
      buckets: null,
    };
    this.states.push(s);
    return s;
  }

  /**
   * Runs the shuffle's map side once: partition (and pre-combine) every map partition's rows.
   * The learner's code runs in the same order and tasks as ever: every map partition's rows, then
   * each map task's bucketing and combining. A partitioner fitted on all map output (sortByKey's)
   * needs every map partition's rows at once; any other takes each map partition's rows straight
   * into its buckets, so only one map partition's rows are alive at a time (word count over a
   * million lines held every partition's pairs at once and ran out of memory).
   */
  private materialize(s: ShuffleState): unknown[][][] {
    if (s.buckets) return s.buckets;
    // Errors are tagged with the map task they happened in (its stage is this shuffle's).
    const inMapTask = <T>(m: number, compute: () => T): T => {
      try {
        return runAsTask(compute);
      } catch (error) {
        throw atTask(error, s.info.id, m);
      }
    };
    const mapRows = (m: number) =>
      inMapTask(m, () => {
        const rows = s.parent.iterator(m);
        return s.keyed ? asPairs(rows, s.keyed, s.site) : rows;
      });
    const bucketed = (rows: unknown[], m: number, part: (row: unknown, m: number) => number) =>
      inMapTask(m, () => {
        const b: unknown[][] = Array.from({ length: s.info.numReduces }, () => []);
        for (const row of rows) b[part(row, m)]!.push(row);
        return s.agg && s.mapSideCombine ? b.map((x) => combineRows(x as Pair[], s.agg!)) : b;
      });
    if (s.fitsOnAllMaps) {
      const maps: unknown[][] = Array.from({ length: s.info.numMaps }, (_, m) => mapRows(m));
      const part = inMapTask(0, () => s.partitionOf(() => maps));
      s.buckets = maps.map((rows, m) => bucketed(rows, m, part));
    } else {
      const part = inMapTask(0, () => s.partitionOf(() => []));
      const buckets: unknown[][][] = [];
      const combineAgg = s.agg && s.mapSideCombine ? s.agg : null;
      const chain = s.enginePartitioner && aggregatorEffectFree(combineAgg) ? pipelinedSteps(s.parent) : null;
      // A bucketing task that fails is reported after every map partition is computed, as when
      // all map partitions were computed first: a map partition that fails later wins.
      let failed: { error: unknown } | null = null;
      for (let m = 0; m < s.info.numMaps; m++) {
        let rows: unknown[];
        if (chain && failed === null) {
          const source = chain.source;
          const run = inMapTask(m, () => {
            const sourceRows = streamsSource(source) ? null : source.iterator(m);
            const out =
              sourceRows === null || primitiveRows(sourceRows)
                ? pipelinedMapTask(chain, sourceRows, m, s.info.numReduces, part, combineAgg, s.keyed)
                : null;
            return { sourceRows, out };
          });
          if (run.out !== null) {
            buckets.push(run.out);
            continue;
          }
          // A step threw: the steps one by one tell it as ever, over the same source rows when
          // the source was computed (a streamed source has no effect: it is read again).
          const kept = run.sourceRows === null || source.cached.has(m);
          if (!kept) source.cached.set(m, run.sourceRows!);
          try {
            rows = mapRows(m);
          } finally {
            if (!kept) source.cached.delete(m);
          }
        } else rows = mapRows(m);
        if (failed !== null) continue;
        try {
          buckets.push(bucketed(rows, m, part));
        } catch (error) {
          failed = { error };
        }
      }
      if (failed !== null) throw failed.error;
      s.buckets = buckets;
    }
    s.info.bytes = s.buckets.flatMap((b) => b.map((x) => sizeOf(x)));
    s.info.records = s.buckets.flatMap((b) => b.map((x) => x.length));
    return s.buckets;
  }

  /**
   * A reduce partition's rows: combiners merged (map-side combine), values combined here
   * (groupByKey), or the rows as they came, map output by map output (no aggregator).
   */
  private reduceSide(s: ShuffleState, r: number): unknown[] {
    const buckets = this.materialize(s);
    if (!s.agg) return buckets.flatMap((b) => b[r]!);
    const agg = s.agg;
    const m = new Map<unknown, Pair>();
    for (const b of buckets) {
      for (const [k, v] of b[r]! as Pair[]) {
        const id = keyId(k);
        const c = m.get(id);
        if (c === undefined) m.set(id, [k, s.mapSideCombine ? v : agg.create(v)]);
        else c[1] = s.mapSideCombine ? agg.combine(c[1], v) : agg.merge(c[1], v);
      }
    }
    return [...m.values()];
  }

  /**
   * Spark's ShuffledRDD by key: `partitioner` places each key; with an aggregator the values of a
   * key are combined (on the map side too when `mapSideCombine`). `name` is the pair function.
   */
  shuffle(
    parent: Rdd,
    partitioner: Partitioner,
    agg: Aggregator | null,
    name: string,
    mapSideCombine = agg !== null,
  ): Rdd {
    const s = this.newShuffle(
      parent,
      partitioner.numPartitions,
      agg,
      () => (row) => partitioner.getPartition((row as Pair)[0]),
      name,
      true,
      mapSideCombine,
      false,
      partitioner instanceof HashPartitioner,
    );
    const dep: RddDep = { kind: 'shuffle', parent: parent.id, parents: null, shuffleId: s.info.id };
    const rdd = new Rdd(this.rt, name, partitioner.numPartitions, [dep], (r) => this.reduceSide(s, r), partitioner);
    rdd.sparkClass = 'ShuffledRDD';
    return rdd;
  }

  /**
   * Spark's CoGroupedRDD: for each key, its values in each of `rdds` (`[k, [vs0, vs1, ...]]`). A
   * parent already partitioned by `partitioner` is read narrowly (no shuffle), as in Spark.
   */
  cogroup(rdds: Rdd[], partitioner: Partitioner, name = 'cogroup'): Rdd {
    const n = partitioner.numPartitions;
    const site = new Error('call site');
    const sides = rdds.map((x): { dep: RddDep; rows: (p: number) => Pair[] } => {
      if (partitioner.equals(x.partitioner))
        return {
          dep: { kind: 'narrow', parent: x.id, parents: null, shuffleId: -1 },
          rows: (p) => asPairs(x.iterator(p), name, site),
        };
      const s = this.newShuffle(x, n, null, () => (row) => partitioner.getPartition((row as Pair)[0]), name, true);
      return {
        dep: { kind: 'shuffle', parent: x.id, parents: null, shuffleId: s.info.id },
        rows: (p) => this.reduceSide(s, p) as Pair[],
      };
    });
    const rdd = new Rdd(
      this.rt,
      'cogroup',
      n,
      sides.map((x) => x.dep),
      (p) => {
        const m = new Map<unknown, [unknown, unknown[][]]>();
        sides.forEach((side, i) => {
          for (const [k, v] of side.rows(p)) {
            const id = keyId(k);
            let e = m.get(id);
            if (!e) m.set(id, (e = [k, rdds.map(() => [])]));
            e[1][i]!.push(v);
          }
        });
        return [...m.values()];
      },
      partitioner,
    );
    rdd.sparkClass = 'CoGroupedRDD';
    return rdd;
  }

  /**
   * sortByKey: a shuffle by Spark's RangePartitioner (fitted on the map side's keys), each reduce
   * partition sorted by key (or by `keyfunc(key)`), so the partitions in order are sorted.
   */
  sortShuffle(parent: Rdd, ascending: boolean, n: number, keyfunc: ((k: unknown) => unknown) | null): Rdd {
    const dir = ascending ? 1 : -1;
    const sortKey = keyfunc ?? ((k: unknown) => k);
    const rp = new RangePartitioner(n, ascending, sortKey, parent.id);
    const s = this.newShuffle(
      parent,
      n,
      null,
      (maps) => {
        rp.fit(maps().map((rows) => rows.map((r) => (r as Pair)[0])));
        return (row) => rp.getPartition((row as Pair)[0]);
      },
      'sortByKey',
      true,
      false,
      true,
    );
    const rdd = new Rdd(
      this.rt,
      'sortByKey',
      n,
      [{ kind: 'shuffle', parent: parent.id, parents: null, shuffleId: s.info.id }],
      (r) => {
        const rows = this.reduceSide(s, r) as Pair[];
        const keyed = rows.map((row) => [sortKey(row[0]), row] as const);
        keyed.sort((x, y) => dir * compareKeys(x[0], y[0]));
        return keyed.map((x) => x[1]);
      },
      rp,
    );
    rdd.sparkClass = 'ShuffledRDD';
    return rdd;
  }

  /**
   * repartition / coalesce(n, true): as Spark's distributePartition, map task m starts at a
   * position drawn from a generator seeded by m and deals its rows round-robin from there.
   */
  roundRobin(parent: Rdd, n: number): Rdd {
    const s = this.newShuffle(
      parent,
      n,
      null,
      () => {
        const position = new Map<number, number>();
        return (_row, m) => {
          const next = ((position.get(m) ?? createRng(m).int(n)) + 1) % n;
          position.set(m, next);
          return next;
        };
      },
      'repartition',
      false,
      false,
      false,
      true,
    );
    const rdd = new Rdd(
      this.rt,
      'repartition',
      n,
      [{ kind: 'shuffle', parent: parent.id, parents: null, shuffleId: s.info.id }],
      (r) => this.reduceSide(s, r),
    );
    rdd.sparkClass = 'ShuffledRDD';
    return rdd;
  }
}
