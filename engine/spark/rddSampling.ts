/**
 * Random sampling of RDDs, seeded: sample (Bernoulli without replacement, Poisson with),
 * takeSample (Spark's over-sampling fraction, then a shuffle in the driver) and randomSplit
 * (Bernoulli cells over one random stream per partition, so the splits are disjoint). Partition p
 * draws from a generator seeded with `seed + p`, as Spark's samplers are; without a seed the
 * seed is DEFAULT_SEED (42; Spark would draw a random one), so runs repeat.
 */
import { LIMITS, createRng, formatCount, type Rng } from '../core';
import type { Rdd } from './rdd';
import { boolArg, countArg, describeArg, numberArg, seedArg } from './rddArgs';
import { collect, count } from './rddActions';

/** A Poisson(mean) draw (Knuth's method, in steps of 30 for large means). */
function poisson(rng: Rng, mean: number): number {
  let k = 0;
  let left = mean;
  while (left > 0) {
    const step = Math.min(left, 30);
    left -= step;
    const limit = Math.exp(-step);
    let p = rng.next();
    while (p > limit) {
      k++;
      p *= rng.next();
    }
  }
  return k;
}

function sampler(withReplacement: boolean, fraction: number, seed: number): (rows: unknown[], p: number) => unknown[] {
  return (rows, p) => {
    const rng = createRng((seed + p) >>> 0);
    const out: unknown[] = [];
    for (const x of rows) {
      if (withReplacement) for (let k = poisson(rng, fraction); k > 0; k--) out.push(x);
      else if (rng.next() < fraction) out.push(x);
    }
    return out;
  };
}

function fractionArg(method: string, withReplacement: boolean, fraction: unknown): number {
  const f = numberArg(method, 'fraction', fraction);
  if (f < 0) throw new RangeError(`${method}: Negative fraction value: ${f}`);
  if (!withReplacement && f > 1)
    throw new RangeError(
      `${method}: without replacement the fraction is each element's chance to be kept, from 0 to 1, got ${f}`,
    );
  if (f > 1000) throw new RangeError(`${method}: a fraction of ${f} is more than the simulator's limit of 1000`);
  return f;
}

export function sample(rdd: Rdd, withReplacement: unknown, fraction: unknown, seed?: unknown): Rdd {
  const wr = boolArg('sample', 'withReplacement', withReplacement, false);
  if (withReplacement === undefined) throw new TypeError('sample: withReplacement (true or false) is required');
  const f = fractionArg('sample', wr, fraction);
  const s = rdd.narrow('sample', sampler(wr, f, seedArg('sample', seed)), true);
  s.sparkClass = 'PartitionwiseSampledRDD';
  return s;
}

/** Spark's SamplingUtils.computeFractionForSampleSize: a fraction that gives num elements 99.99% of the time. */
function fractionFor(num: number, total: number, withReplacement: boolean): number {
  if (withReplacement) {
    const numStd = num < 6 ? 12 : num < 16 ? 9 : 6;
    return Math.max(num + numStd * Math.sqrt(num), 1e-10) / total;
  }
  const fraction = num / total;
  const gamma = -Math.log(1e-4) / total;
  return Math.min(1, Math.max(1e-10, fraction + gamma + Math.sqrt(gamma * gamma + 2 * gamma * fraction)));
}

function shuffleInPlace(items: unknown[], rng: Rng): unknown[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** takeSample: a count job, then sample jobs until there are enough, shuffled in the driver. */
export async function takeSample(rdd: Rdd, withReplacement: unknown, num: unknown, seed?: unknown): Promise<unknown[]> {
  if (withReplacement === undefined) throw new TypeError('takeSample: withReplacement (true or false) is required');
  const wr = boolArg('takeSample', 'withReplacement', withReplacement, false);
  const n = countArg('takeSample', 'num', num);
  // Checked before any job runs (Spark refuses a num near Int.MaxValue): 1e9 filled the sandbox's memory.
  if (n > LIMITS.maxParallelizeElements)
    throw new RangeError(
      `takeSample: num ${formatCount(n)} is more than the simulator's limit of ${formatCount(LIMITS.maxParallelizeElements)} elements brought back to the driver`,
    );
  const rng = createRng(seedArg('takeSample', seed) >>> 0);
  if (n === 0) return [];
  const total = await count(rdd);
  if (total === 0) return [];
  if (!wr && n >= total) return shuffleInPlace(await collect(rdd), rng);
  const fraction = fractionFor(n, total, wr);
  let samples: unknown[] = [];
  for (let attempt = 0; samples.length < n && attempt < 100; attempt++)
    samples = await collect(rdd.narrow('sample', sampler(wr, fraction, rng.int(2 ** 31)), true));
  return shuffleInPlace(samples, rng).slice(0, n);
}

/** randomSplit(weights, seed?): RDDs that split this one at random, in proportion to the weights. */
export function randomSplit(rdd: Rdd, weights: unknown, seed?: unknown): Rdd[] {
  if (!Array.isArray(weights) || weights.length === 0)
    throw new TypeError(`randomSplit: weights must be an array of numbers, got ${describeArg(weights)}`);
  for (const w of weights as unknown[])
    if (typeof w !== 'number' || !(w >= 0) || !Number.isFinite(w))
      throw new RangeError(`randomSplit: Weights must be nonnegative, got ${describeArg(w)}`);
  const total = (weights as number[]).reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new RangeError('randomSplit: Sum of weights must be positive');
  const s = seedArg('randomSplit', seed);
  const bounds = [0];
  for (const w of weights as number[]) bounds.push(bounds[bounds.length - 1]! + w / total);
  bounds[bounds.length - 1] = 1;
  return (weights as number[]).map((_, i) =>
    rdd.narrow(
      'randomSplit',
      (rows, p) => {
        // The same draws for every split (seeded by partition): each element falls in one cell.
        const rng = createRng((s + p) >>> 0);
        return rows.filter(() => {
          const x = rng.next();
          return x >= bounds[i]! && x < bounds[i + 1]!;
        });
      },
      true,
    ),
  );
}
