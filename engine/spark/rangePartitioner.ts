/**
 * Spark's RangePartitioner, used by sortByKey and sortBy: it samples the keys of every parent
 * partition (a reservoir of `ceil(3 * min(20 * partitions, 1e6) / parentPartitions)` keys each,
 * seeded by the partition index and the RDD's id as Spark's sketch is), weights each sample by
 * how many keys it stands for, and cuts the weighted, sorted candidates into ranges of equal
 * weight (RangePartitioner.determineBounds, duplicates skipped). A key goes to the first range
 * whose bound is not below it; descending order counts ranges from the end.
 *
 * One difference: Spark runs this sampling as a job when sortByKey is called, and can end with
 * fewer partitions than asked for (when there are fewer distinct keys). Here the bounds are
 * computed when the shuffle's map side runs, from the same sample, and the RDD keeps the number
 * of partitions asked for: ranges past the last bound are empty partitions.
 */
import { createRng } from '../core';
import { compareKeys } from '../exec/keyOrder';
import type { Partitioner } from './hashPartitioner';

/** Scala's hashing.byteswap32 (a 32-bit MurmurHash3 finalizer-like scramble). */
function byteswap32(v: number): number {
  let hc = Math.imul(v, 0x9e3779b9);
  hc = ((hc & 0xff) << 24) | ((hc & 0xff00) << 8) | ((hc >>> 8) & 0xff00) | (hc >>> 24);
  return hc | 0;
}

/** Reservoir sampling of up to k items, and how many there were (SamplingUtils.reservoirSampleAndCount). */
function reservoir(items: unknown[], k: number, seed: number): unknown[] {
  if (items.length <= k) return items.slice();
  const out = items.slice(0, k);
  const rng = createRng(seed >>> 0);
  for (let i = k; i < items.length; i++) {
    const j = Math.floor(rng.next() * (i + 1));
    if (j < k) out[j] = items[i];
  }
  return out;
}

export class RangePartitioner implements Partitioner {
  private bounds: unknown[] | null = null;

  constructor(
    readonly numPartitions: number,
    readonly ascending: boolean,
    /** What is sorted on: the key itself, or PySpark's keyfunc(key). */
    readonly sortKey: (key: unknown) => unknown,
    /** The id of the RDD being sorted (Spark's sketch seeds with it). */
    private readonly rddId: number,
  ) {}

  /** The bounds found (null until the map side ran). */
  get rangeBounds(): readonly unknown[] | null {
    return this.bounds;
  }

  /** Samples the parent's keys (one array of keys per parent partition) and sets the bounds. */
  fit(keysByPartition: unknown[][]): void {
    if (this.bounds) return;
    const n = this.numPartitions;
    if (n <= 1) {
      this.bounds = [];
      return;
    }
    const sampleSize = Math.min(20 * n, 1e6);
    const perPartition = Math.ceil((3 * sampleSize) / Math.max(1, keysByPartition.length));
    const numItems = keysByPartition.reduce((s, k) => s + k.length, 0);
    if (numItems === 0) {
      this.bounds = [];
      return;
    }
    const fraction = Math.min(sampleSize / numItems, 1);
    const candidates: [unknown, number][] = [];
    keysByPartition.forEach((keys, idx) => {
      if (keys.length === 0) return;
      const sample = reservoir(keys, perPartition, byteswap32(idx ^ (this.rddId << 16)));
      // A partition much bigger than its share is re-sampled at `fraction` by Spark; its
      // reservoir here is weighted the same way (each sampled key stands for n / sample keys).
      const weight = fraction * keys.length > perPartition ? 1 / fraction : keys.length / sample.length;
      const kept =
        fraction * keys.length > perPartition ? reservoir(keys, Math.ceil(fraction * keys.length), idx) : sample;
      for (const k of kept) candidates.push([this.sortKey(k), weight]);
    });
    this.bounds = determineBounds(candidates, Math.min(n, candidates.length));
  }

  getPartition(key: unknown): number {
    const bounds = this.bounds ?? [];
    const k = this.sortKey(key);
    let lo = 0;
    let hi = bounds.length;
    // The first bound not below k (Spark: linear up to 128 bounds, then binary search; same answer).
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(k, bounds[mid]) > 0) lo = mid + 1;
      else hi = mid;
    }
    return this.ascending ? lo : bounds.length - lo;
  }

  equals(other: Partitioner | null): boolean {
    return other === this;
  }
}

/** Spark's RangePartitioner.determineBounds over (key, weight) candidates. */
export function determineBounds(candidates: [unknown, number][], partitions: number): unknown[] {
  const ordered = candidates.slice().sort((a, b) => compareKeys(a[0], b[0]));
  const sumWeights = ordered.reduce((s, c) => s + c[1], 0);
  const step = sumWeights / partitions;
  let cumWeight = 0;
  let target = step;
  const bounds: unknown[] = [];
  let previous: { key: unknown } | null = null;
  for (let i = 0; i < ordered.length && bounds.length < partitions - 1; i++) {
    const [key, weight] = ordered[i]!;
    cumWeight += weight;
    if (cumWeight >= target && (previous === null || compareKeys(key, previous.key) > 0)) {
      bounds.push(key);
      target += step;
      previous = { key };
    }
  }
  return bounds;
}
