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
import { checkPartitionCount, Rdd, type Aggregator, type Pair } from './rdd';
import { HashPartitioner, type Partitioner } from './hashPartitioner';
import { asPairs } from './rddArgs';
import { materializeMapSide, type ShuffleState } from './shuffleMapSide';
import type { SparkRuntime } from './sparkRuntime';

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
   * A reduce partition's rows: combiners merged (map-side combine), values combined here
   * (groupByKey), or the rows as they came, map output by map output (no aggregator).
   */
  private reduceSide(s: ShuffleState, r: number): unknown[] {
    const buckets = materializeMapSide(s);
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
