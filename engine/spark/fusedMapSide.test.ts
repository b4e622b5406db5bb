/**
 * Pipelined map tasks (fusedMapSide.ts): a shuffle's map side run row by row gives the same
 * result, job log and trace as step by step, fails with the same error, and is used only for
 * functions whose call order nothing can tell.
 */
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../api/__tests__/runInProcess';
import { RunawayLoopError } from '../sandbox/contract/jobCodeError';
import { effectFree } from './fusedMapSide';
import { drive, type AnyRdd, type TestSc } from './rddTestDriver';
import { sparkClosure } from './taskClosures';

/** A job file whose functions are made step by step when `stepwise` (a name with an effect in a comment). */
function jobFile(body: string, stepwise: boolean): string {
  return `exports.default = async (sc) => {\n  return ${stepwise ? body.replace(/=> /g, '=> /* console */ ') : body};\n};`;
}

const WORD_COUNT =
  "sc.textFile('/data/corpus.txt').flatMap((l) => l.split(/\\s+/)).filter((w) => w.length > 0).map((w) => [w, 1]).reduceByKey((a, b) => a + b).sortByKey().collect()";
const DAILY_AVERAGE =
  "sc.textFile('/data/sensors.csv').map((line) => { const [ts, , v] = line.split(','); return [ts.slice(0, 10), [Number(v), 1]]; }).reduceByKey((a, b) => [a[0] + b[0], a[1] + b[1]]).mapValues(([s, n]) => s / n).sortByKey().collect()";
const GROUPED =
  "sc.textFile('/data/corpus.txt').flatMap((l) => l.split(' ')).map((w) => [w.length, w]).groupByKey(3).mapValues((ws) => ws.length).collect()";
const MIXED_FLATMAP =
  "sc.textFile('/data/corpus.txt').flatMap((l) => [l.length, l, [l, 2], l.length % 3]).map((x) => [typeof x, 1]).reduceByKey((a, b) => a + b).sortByKey().collect()";
const MIXED_KEYS =
  "sc.textFile('/data/corpus.txt').flatMap((l) => l.split(' ')).map((w) => [w.length % 5 === 0 ? NaN : w.length % 3 === 0 ? '' : w.slice(0, 1) + w.slice(-1) + w.length, 1]).reduceByKey((a, b) => a + b).collect()";
const REPARTITIONED =
  "sc.textFile('/data/corpus.txt').filter((l) => l.includes('data')).repartition(5).glom().map((p) => p.length).collect()";

describe('a pipelined map side', () => {
  it.each([
    ['word count', WORD_COUNT],
    ['daily average', DAILY_AVERAGE],
    ['groupByKey', GROUPED],
    ['repartition', REPARTITIONED],
    ['flatMap of strings then objects', MIXED_FLATMAP],
    ['string keys sharing slots, empty and NaN keys', MIXED_KEYS],
  ])('gives the same result and byte-identical trace as step by step (%s)', async (_name, body) => {
    const run = (stepwise: boolean) =>
      runInProcess({
        source: { fileName: 'job.js', code: jobFile(body, stepwise) },
        cluster: 'classroom',
        seed: 3,
        blockSize: 64 * 1024,
      });
    const [pipelined, stepwise] = [await run(false), await run(true)];
    expect(JSON.stringify(pipelined.result)).toBe(JSON.stringify(stepwise.result));
    expect(JSON.stringify(pipelined.trace)).toBe(JSON.stringify(stepwise.trace));
    expect(pipelined.simulatedMs).toBe(stepwise.simulatedMs);
  });

  it('runs effect-free steps row by row, and steps that name an effect one after another', async () => {
    const calls: string[] = [];
    // Local stand-ins for two built-ins a pipelined step may call: they note the order of calls.
    // (A job that reassigns a built-in's name this way sees the row-by-row order; see the file comment.)
    const String = (x: number) => (calls.push(`m${x}`), x);
    const Boolean = (x: number) => (calls.push(`f${x}`), x > 0);
    const pipelined = (x: number) => String(x);
    const keep = (x: number) => Boolean(x);
    const stepwise = (x: number) => (calls.push(`m${x}`), Math.abs(x));
    const pairs = (x: number) => [x, 1];
    const sum = (a: number, b: number) => a + b;
    const order = async (map: (x: number) => number) => {
      calls.length = 0;
      await drive(async (sc: TestSc) =>
        sc.parallelize([1, 2], 1).map(map).filter(keep).map(pairs).reduceByKey(sum).collect(),
      );
      return calls.join(' ');
    };
    expect(await order(pipelined)).toBe('m1 f1 m2 f2');
    expect(await order(stepwise)).toBe('m1 m2 f1 f2');
  });

  it('records every RDD’s rows and bytes as step by step, whatever the keys', async () => {
    // The keys are made in the steps (the source's rows are numbers, so the steps may be pipelined).
    const key = (i: number): unknown =>
      ['a', '\u0000number:1', 1, 0, -0, NaN, [NaN], [null], { k: 1 }, null, true, 'a', 2 ** 40, 1.5][i];
    const job = (stepwise: boolean) => async (sc: TestSc) => {
      const f = stepwise ? (i: number) => [key(i), Math.abs(1)] : (i: number) => [key(i), 1];
      const numbers = Array.from({ length: 14 }, (_, i) => i);
      const rdd: AnyRdd = sc
        .parallelize(numbers, 3)
        .flatMap((i: number) => [i, i])
        .map(f);
      return [
        await rdd
          .reduceByKey((a: number, b: number) => a + b, 4)
          .glom()
          .collect(),
        await rdd.groupByKey(2).glom().collect(),
        await rdd.partitionBy(3).glom().collect(),
      ];
    };
    const [pipelined, stepwise] = [await drive(job(false)), await drive(job(true))];
    expect(JSON.stringify(pipelined.value)).toBe(JSON.stringify(stepwise.value));
    expect(JSON.stringify(pipelined.log)).toBe(JSON.stringify(stepwise.log));
  });

  it('runs step by step over source rows that share an object (a step may change what another reads)', async () => {
    const shared = { n: 0 };
    const { value } = await drive(async (sc: TestSc) =>
      sc
        .parallelize([shared, shared], 1)
        .map((x: { n: number }) => (x.n++, x))
        .map((x: { n: number }) => [x.n, 1])
        .reduceByKey((a: number, b: number) => a + b)
        .collect(),
    );
    expect(value).toEqual([[2, 2]]);
  });

  it('tells a loop stopped at the deadline where it ran, not the first loop a rerun would meet', async () => {
    // As the loop guard: once a loop has run past the deadline, every loop stops at once.
    const guard = { tripped: false };
    const stop = (line: number) => {
      throw new RunawayLoopError('job.js', line, 9, 10);
    };
    const { log } = await drive(async (sc: TestSc) =>
      sc
        .parallelize([1, 2, 3], 1)
        .map((x: number) => (guard.tripped ? stop(10) : x))
        .map((x: number) => (x === 1 ? ((guard.tripped = true), stop(20)) : [x, 1]))
        .reduceByKey((a: number, b: number) => a + b)
        .collect(),
    );
    expect(log.jobs.at(-1)?.failed?.error.line).toBe(20);
  });

  it('fails with the error step by step meets first, not the one a row meets first', async () => {
    const job = async (sc: TestSc) =>
      sc
        .parallelize([1, 2, 3], 1)
        .flatMap((x: number) => {
          if (x === 3) throw new RangeError('flatMap met 3');
          return [x];
        })
        .map((x: number) => {
          if (x === 1) throw new RangeError('map met 1');
          return [x, x];
        })
        .reduceByKey((a: number, b: number) => a + b)
        .collect();
    const { log } = await drive(job);
    expect(log.aborted).toBe(true);
    expect(log.jobs.at(-1)?.failed?.error.detail).toBe('flatMap met 3');
  });
});

describe('effectFree', () => {
  it('lets through functions that name nothing with an effect', () => {
    expect(effectFree((x: number) => x + 1)).toBe(true);
    expect(effectFree((l: string) => l.split(/\s+/))).toBe(true);
  });

  it('refuses anything whose call order could show', () => {
    expect(effectFree((x: number) => Math.floor(x))).toBe(false);
    expect(effectFree((x: unknown) => (console.log(x), x))).toBe(false);
    expect(effectFree((x: number[]) => x.constructor)).toBe(false); // leads to shared built-ins
    expect(
      effectFree(function (this: unknown) {
        return this;
      }),
    ).toBe(false);
    expect(effectFree(Number)).toBe(false); // native: nothing to read
    expect(effectFree(((x: number) => x).bind(null))).toBe(false);
    expect(effectFree(new Proxy((x: number) => x, {}))).toBe(false);
    expect(effectFree(sparkClosure(() => (x: unknown) => x, {}))).toBe(false); // captures the job’s bindings
    expect(effectFree('x => x')).toBe(false);
  });
});
