/**
 * A shuffle's map side (shuffleManager.ts keeps the shuffles): run once, the first time a reduce
 * partition needs it, each map task's rows partitioned into buckets and combined there when the
 * shuffle combines on the map side; map tasks pipelined row by row where nothing can tell
 * (fusedMapSide.ts), step by step otherwise.
 */
import type { ShuffleInfo } from './jobRecord';
import { combineRows, sizeOf, type Aggregator, type Pair, type Rdd } from './rdd';
import { aggregatorEffectFree, pipelinedMapTask, pipelinedSteps, primitiveRows, streamsSource } from './fusedMapSide';
import { asPairs } from './rddArgs';
import { atTask } from './sparkTaskError';
import { runAsTask } from './taskContext';

/** A shuffle as the ShuffleManager keeps it: what its map side needs, and its output once run. */
export interface ShuffleState {
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

/**
 * Runs the shuffle's map side once: partition (and pre-combine) every map partition's rows.
 * Step by step, the learner's code runs in the same order and tasks as ever: every map
 * partition's rows, then each map task's bucketing and combining (a pipelined map task does both
 * row by row, only where nothing can tell: fusedMapSide.ts). A partitioner fitted on all map output (sortByKey's)
 * needs every map partition's rows at once; any other takes each map partition's rows straight
 * into its buckets, so only one map partition's rows are alive at a time (word count over a
 * million lines held every partition's pairs at once and ran out of memory).
 */
export function materializeMapSide(s: ShuffleState): unknown[][][] {
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
