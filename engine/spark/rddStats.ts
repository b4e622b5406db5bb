/**
 * Spark's DoubleRDDFunctions for RDDs of numbers: sum, mean, stats (a StatCounter), variance and
 * standard deviations (population and sample), histogram. Each is one job whose partitions are
 * summarised in a StatCounter and merged in the driver, as Spark does.
 */
import { LIMITS, formatCount } from '../core';
import type { Rdd } from './rdd';
import { asNumber, atSite, callSite, describeArg } from './rddArgs';

/**
 * Spark's StatCounter: count, mean, sum, min, max, variance and standard deviations of numbers,
 * computed in one pass (Welford's running mean and squared deviations, merged per partition).
 * Methods as Spark's (`stats.mean()`); its own fields are Spark's own (n, mu, m2, maxValue, minValue),
 * which is what a driver returning it shows.
 */
export class StatCounter {
  n = 0;
  mu = 0;
  m2 = 0;
  maxValue = -Infinity;
  minValue = Infinity;

  constructor(values: Iterable<number> = []) {
    for (const v of values) this.merge(v);
  }

  /** Adds a number, or every number of another StatCounter. */
  merge(value: number | StatCounter): StatCounter {
    if (value instanceof StatCounter) return this.#mergeStats(value);
    if (typeof value !== 'number')
      throw new TypeError(`StatCounter.merge: give a number or a StatCounter, got ${describeArg(value)}`);
    const delta = value - this.mu;
    this.n += 1;
    this.mu += delta / this.n;
    this.m2 += delta * (value - this.mu);
    this.maxValue = Math.max(this.maxValue, value);
    this.minValue = Math.min(this.minValue, value);
    return this;
  }

  #mergeStats(other: StatCounter): StatCounter {
    if (other === this) return this.#mergeStats(other.copy());
    if (this.n === 0) {
      Object.assign(this, {
        n: other.n,
        mu: other.mu,
        m2: other.m2,
        maxValue: other.maxValue,
        minValue: other.minValue,
      });
    } else if (other.n !== 0) {
      const delta = other.mu - this.mu;
      if (other.n * 10 < this.n) this.mu = this.mu + (delta * other.n) / (this.n + other.n);
      else if (this.n * 10 < other.n) this.mu = other.mu - (delta * this.n) / (this.n + other.n);
      else this.mu = (this.mu * this.n + other.mu * other.n) / (this.n + other.n);
      this.m2 += other.m2 + (delta * delta * this.n * other.n) / (this.n + other.n);
      this.n += other.n;
      this.maxValue = Math.max(this.maxValue, other.maxValue);
      this.minValue = Math.min(this.minValue, other.minValue);
    }
    return this;
  }

  copy(): StatCounter {
    const c = new StatCounter();
    Object.assign(c, { n: this.n, mu: this.mu, m2: this.m2, maxValue: this.maxValue, minValue: this.minValue });
    return c;
  }
  count(): number {
    return this.n;
  }
  mean(): number {
    return this.n === 0 ? NaN : this.mu;
  }
  sum(): number {
    return this.n * this.mu;
  }
  max(): number {
    return this.maxValue;
  }
  min(): number {
    return this.minValue;
  }
  /** Population variance (divides by n); NaN when empty. */
  variance(): number {
    return this.n === 0 ? NaN : this.m2 / this.n;
  }
  /** Sample variance (divides by n - 1); NaN below 2 elements. */
  sampleVariance(): number {
    return this.n <= 1 ? NaN : this.m2 / (this.n - 1);
  }
  stdev(): number {
    return Math.sqrt(this.variance());
  }
  sampleStdev(): number {
    return Math.sqrt(this.sampleVariance());
  }
  toString(): string {
    const f = (x: number) => (Number.isFinite(x) ? x.toFixed(6) : String(x));
    return `(count: ${this.n}, mean: ${f(this.mean())}, stdev: ${f(this.stdev())}, max: ${f(this.maxValue)}, min: ${f(this.minValue)})`;
  }
}
Object.freeze(StatCounter.prototype);

export async function stats(rdd: Rdd, action = 'stats', site = callSite()): Promise<StatCounter> {
  const parts = await rdd.rt.runJob(rdd, action, (rows) => new StatCounter(rows.map((x) => asNumber(x, action, site))));
  return parts.reduce((a, b) => a.merge(b), new StatCounter());
}

/** Spark's sum is a fold from 0: 0 for an empty RDD. */
export async function sum(rdd: Rdd): Promise<number> {
  const site = callSite();
  const parts = await rdd.rt.runJob(rdd, 'sum', (rows) =>
    rows.reduce<number>((s, x) => s + asNumber(x, 'sum', site), 0),
  );
  return parts.reduce((a, b) => a + b, 0);
}

export const mean = async (rdd: Rdd): Promise<number> => (await stats(rdd, 'mean')).mean();
export const variance = async (rdd: Rdd): Promise<number> => (await stats(rdd, 'variance')).variance();
export const stdev = async (rdd: Rdd): Promise<number> => (await stats(rdd, 'stdev')).stdev();
export const sampleVariance = async (rdd: Rdd): Promise<number> =>
  (await stats(rdd, 'sampleVariance')).sampleVariance();
export const sampleStdev = async (rdd: Rdd): Promise<number> => (await stats(rdd, 'sampleStdev')).sampleStdev();

/**
 * histogram(buckets): with a number, that many even buckets from the min to the max (a job
 * finds them; an empty RDD or one holding an infinity or NaN gets Spark's error); with an array,
 * its sorted bounds. Every bucket is [lo, hi) but the last, [lo, hi]; elements outside are not
 * counted. Returns [buckets, counts] (PySpark's pair; Scala's histogram(Array) gives the counts).
 */
export async function histogram(rdd: Rdd, buckets: unknown): Promise<[number[], number[]]> {
  const site = callSite();
  let bounds: number[];
  let even = false;
  if (typeof buckets === 'number') {
    if (!Number.isInteger(buckets) || buckets < 1)
      throw new RangeError(`histogram: the number of buckets must be a whole number >= 1, got ${buckets}`);
    // Checked before any job runs: 1e9 buckets filled the sandbox's memory after 20 s.
    if (buckets > LIMITS.maxHistogramBuckets)
      throw new RangeError(
        `histogram: ${formatCount(buckets)} buckets is more than the simulator's limit of ${formatCount(LIMITS.maxHistogramBuckets)}`,
      );
    const st = await stats(rdd, 'histogram', site);
    const lo = st.minValue;
    const hi = st.maxValue;
    if (Number.isNaN(lo) || Number.isNaN(hi) || !Number.isFinite(lo) || !Number.isFinite(hi))
      throw atSite(
        new RangeError('histogram: Histogram on either an empty RDD or RDD containing +/-infinity or NaN'),
        site,
      );
    bounds = lo === hi ? [lo, lo] : [...Array.from({ length: buckets }, (_, s) => lo + (s * (hi - lo)) / buckets), hi];
    even = lo !== hi;
  } else if (Array.isArray(buckets)) {
    if (buckets.length < 2) throw new RangeError('histogram: buckets array must have at least two elements');
    for (let i = 0; i < buckets.length; i++) {
      const b: unknown = buckets[i];
      if (typeof b !== 'number' || Number.isNaN(b))
        throw new TypeError(`histogram: bucket bounds must be numbers, buckets[${i}] is ${describeArg(b)}`);
      if (i > 0 && b <= (buckets[i - 1] as number))
        throw new RangeError('histogram: buckets must be sorted and not contain any duplicates');
    }
    bounds = (buckets as number[]).slice();
  } else {
    throw new TypeError(
      `histogram: buckets must be a number of buckets or an array of bounds, got ${describeArg(buckets)}`,
    );
  }
  const nb = bounds.length - 1;
  const lo = bounds[0]!;
  const hi = bounds[nb]!;
  const bucketOf = (x: number): number => {
    if (Number.isNaN(x) || x < lo || x > hi) return -1;
    if (even) {
      const b = Math.floor(((x - lo) / (hi - lo)) * nb);
      return b >= nb ? nb - 1 : b;
    }
    let a = 0;
    let z = nb; // the last bucket whose lower bound <= x
    while (a < z) {
      const mid = (a + z + 1) >>> 1;
      if (bounds[mid]! <= x) a = mid;
      else z = mid - 1;
    }
    return a >= nb ? nb - 1 : a;
  };
  const parts = await rdd.rt.runJob(rdd, 'histogram', (rows) => {
    const counts = new Array<number>(nb).fill(0);
    for (const x of rows) {
      const b = bucketOf(asNumber(x, 'histogram', site));
      if (b >= 0) counts[b]! += 1;
    }
    return counts;
  });
  const counts = new Array<number>(nb).fill(0);
  for (const c of parts) c.forEach((v, i) => (counts[i]! += v));
  return [bounds, counts];
}
