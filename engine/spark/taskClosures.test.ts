import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { compileJobSource } from '../sandbox/compile';
import { runJob } from '../api/runJob';
import { resolveSparkConf, type SparkConfInput } from './sparkConf';
import { defaultParallelismOf } from './defaultParallelism';

/** Runs `export default async (sc) => { <body> }` as job.js through the real compile and runJob path. */
export async function runSpark(
  body: string,
  sparkConf?: SparkConfInput,
  cluster: 'classroom' | 'cookbook-9' = 'classroom',
): Promise<unknown> {
  const runner = createFunctionRunner();
  try {
    const report = await runJob({
      source: compileJobSource(`export default async (sc) => {\n${body}\n};`, 'job.js'),
      runner,
      cluster,
      seed: 1,
      snapshots: false,
      ...(sparkConf ? { sparkConf } : {}),
    });
    return report.result;
  } finally {
    await runner.close();
  }
}

describe("Spark's closures: each task works on its own copy of the driver's variables", () => {
  it('leaves a counter at 0 in the driver, as the guide’s example does', async () => {
    const result = await runSpark(
      [
        'let counter = 0;',
        'const rdd = sc.parallelize([1, 2, 3, 4, 5], 2);',
        'await rdd.map((x) => { counter += x; return x; }).count();',
        'return counter;',
      ].join('\n'),
    );
    expect(result).toBe(0);
  });

  it('leaves arrays, Maps and nested objects the tasks changed as they were in the driver', async () => {
    const result = await runSpark(
      [
        'const seen = [];',
        'const byKey = new Map([["a", 1]]);',
        'const deep = { list: [1], inner: { n: 1 } };',
        'const out = await sc.parallelize([1, 2, 3], 3).map((x) => {',
        '  seen.push(x);',
        '  byKey.set("x" + x, x);',
        '  deep.list.push(x); deep.inner.n += x;',
        '  return [byKey instanceof Map, Array.isArray(seen), byKey.size, deep.list.length];',
        '}).collect();',
        'return { seen, size: byKey.size, deep, out };',
      ].join('\n'),
    );
    expect(result).toEqual({
      seen: [],
      size: 1,
      deep: { list: [1], inner: { n: 1 } },
      out: [
        [true, true, 2, 2],
        [true, true, 2, 2],
        [true, true, 2, 2],
      ],
    });
  });

  it('gives each task a fresh copy, shared by the closures of that task; nested closures capture too', async () => {
    const result = await runSpark(
      [
        'let calls = 0;',
        'const seen = new Set();',
        'const out = await sc.parallelize([1, 2, 3, 4, 5, 6], 2)',
        '  .map((x) => { seen.add(x); return [x].map((y) => { calls += 1; return calls; })[0]; })',
        '  .filter(() => seen.size === 3)', // the same Set in both closures of a task
        '  .collect();',
        'return { out, calls, seen: seen.size };',
      ].join('\n'),
    );
    expect(result).toEqual({ out: [1, 2, 3, 1, 2, 3], calls: 0, seen: 0 });
  });

  it('keeps closures called on the driver live (a plain array’s map), and cycles in copies', async () => {
    const result = await runSpark(
      [
        'let total = 0;',
        'const loop = { name: "a" }; loop.self = loop;',
        '[1, 2, 3].map((x) => { total += x; return x; });',
        'const same = await sc.parallelize([1], 1).map(() => loop.self === loop && loop.self.self.name).collect();',
        'return { total, same };',
      ].join('\n'),
    );
    expect(result).toEqual({ total: 6, same: ['a'] });
  });

  it('copies for named functions too: the guide’s incrementCounter, and helpers a closure calls', async () => {
    const result = await runSpark(
      [
        'let counter = 0;',
        'const seen = [];',
        'const note = (x) => { seen.push(x); return x; };',
        'await sc.parallelize([1, 2, 3], 2).map(incrementCounter).map((x) => note(x)).count();',
        'const inTasks = counter;',
        'incrementCounter(5);',
        'return { inTasks, driver: counter, seen };',
        'function incrementCounter(x) {',
        '  counter += x;',
        '  return x;',
        '}',
      ].join('\n'),
    );
    expect(result).toEqual({ inTasks: 0, driver: 5, seen: [] });
  });

  it('copies for closures given through optional chaining (rdd?.foreach) too', async () => {
    expect(
      await runSpark(`let c = 0;
const r = sc.parallelize([1, 2, 3], 2);
await r?.foreach((x) => { c += x; });
const n = r.count?.() ?? 0;
return [c, await n];`),
    ).toEqual([0, 3]);
  });

  it('copies variables named like Object’s own members, getters, symbols and regular expressions faithfully', async () => {
    expect(
      await runSpark(`const toString = (v) => 'v' + v;
let constructor = 1;
const st = { n: 0, get double() { return this.n * 2; } };
const re = /a/g;
const hidden = Symbol('h');
const tagged = { [hidden]: 7 };
return sc.parallelize([1, 2, 3], 3).map((x) => { st.n = x; return [toString(x), constructor + x, st.double, re.test('a'), tagged[hidden]]; }).collect();`),
    ).toEqual([
      ['v1', 2, 2, true, 7],
      ['v2', 3, 4, true, 7],
      ['v3', 4, 6, true, 7],
    ]);
    await expect(runSpark('return sc.parallelize([5, 1, 4], 2).takeOrdered(2, (a, b) => b - a);')).rejects.toThrow(
      /job\.js:2.*takeOrdered: keyfunc is a key function of one element.*takes 2 arguments like a comparator/,
    );
    expect(await runSpark('return sc.parallelize([5, 1, 4], 2).takeOrdered(2, (x) => -x);')).toEqual([5, 4]);
    await expect(runSpark('return sc.broadcast(sc.parallelize([1]));')).rejects.toThrow(
      /Can not directly broadcast RDDs/,
    );
  });

  it('names the learner’s line of an error thrown inside a wrapped multi-line closure', async () => {
    const run = runSpark(
      [
        'const limit = 2;',
        'return sc.parallelize([1, 2, 3], 1).map((x) => {',
        '  const y = x * 2;',
        '  if (x > limit) throw new Error("too big: " + y);',
        '  return y;',
        '}).collect();',
      ].join('\n'),
    );
    await expect(run).rejects.toThrow(/job\.js:5.*too big: 6/);
  });
});

describe('accumulators', () => {
  it('merges each task’s adds into the driver; two actions over an uncached RDD count twice', async () => {
    const result = await runSpark(
      [
        'const acc = sc.longAccumulator("records");',
        'const rdd = sc.parallelize([1, 2, 3, 4], 2).map((x) => { acc.add(1); return x; });',
        'await rdd.count();',
        'const once = acc.value;',
        'await rdd.collect();',
        'const twice = acc.value;',
        'const cached = sc.parallelize([1, 2, 3], 2).map((x) => { acc.add(x); return x; }).cache();',
        'acc.reset();',
        'await cached.count(); await cached.count();',
        'return { once, twice, cached: acc.value, count: acc.count, avg: acc.avg, name: acc.name, zero: acc.isZero() };',
      ].join('\n'),
    );
    expect(result).toEqual({ once: 4, twice: 8, cached: 6, count: 3, avg: 2, name: 'records', zero: false });
  });

  it('drops the adds of a failed task, keeps those of the tasks that finished', async () => {
    const result = await runSpark(
      [
        'const acc = sc.accumulator(0);',
        'try {',
        '  await sc.parallelize([1, 2, 3, 4], 2).map((x) => { acc.add(1); if (x === 4) throw new Error("no"); return x; }).count();',
        '} catch (e) {}',
        'return acc.value;',
      ].join('\n'),
    );
    expect(result).toBe(2);
  });

  it('has double and collection accumulators; reading value in a task is an error naming why', async () => {
    const result = await runSpark(
      [
        'const d = sc.doubleAccumulator();',
        'const c = sc.collectionAccumulator("seen");',
        'await sc.parallelize([0.5, 1.5, 2], 2).map((x) => { d.add(x); c.add({ x }); return x; }).count();',
        'return { d: d.value, c: c.value.map((o) => o.x).sort(), name: d.name };',
      ].join('\n'),
    );
    expect(result).toEqual({ d: 4, c: [0.5, 1.5, 2], name: null });
    const run = runSpark(
      'const acc = sc.longAccumulator();\nreturn sc.parallelize([1], 1).map((x) => acc.value + x).collect();',
    );
    await expect(run).rejects.toThrow(/job\.js:3.*LongAccumulator\.value cannot be accessed inside tasks/);
    await expect(runSpark('sc.longAccumulator().add(1.5);')).rejects.toThrow(/must be a whole number, got 1\.5/);
  });
});

describe('broadcast variables', () => {
  it('ships a read-only snapshot taken at broadcast time; the driver keeps its own value', async () => {
    const result = await runSpark(
      [
        'const table = { a: 1, nested: { b: 2 } };',
        'const bc = sc.broadcast(table);',
        'table.a = 100;',
        'const seen = await sc.parallelize(["a"], 1).map((k) => bc.value[k] + bc.value.nested.b).collect();',
        'return { seen, driver: bc.value.a, id: bc.id, text: String(bc) };',
      ].join('\n'),
    );
    expect(result).toEqual({ seen: [3], driver: 100, id: 0, text: 'Broadcast(0)' });
  });

  it('refuses writes in a task with a clear error, and any use after destroy() with Spark’s message', async () => {
    await expect(
      runSpark(
        'const bc = sc.broadcast({ a: [1] });\nreturn sc.parallelize([1], 1).map((x) => bc.value.a.push(x)).collect();',
      ),
    ).rejects.toThrow(/job\.js:3.*TypeError/);
    await expect(
      runSpark(
        'const bc = sc.broadcast(new Map());\nreturn sc.parallelize([1], 1).map((x) => bc.value.set(x, x)).collect();',
      ),
    ).rejects.toThrow(/a broadcast value is read-only: set\(\) cannot change it/);
    await expect(
      runSpark('const bc = sc.broadcast([1]);\nbc.unpersist();\nbc.destroy();\nreturn bc.value;'),
    ).rejects.toThrow(/Attempted to use Broadcast\(0\) after it was destroyed \(destroy at job\.js:4\)/);
  });
});

describe('sc', () => {
  it('has Spark’s defaultParallelism (executor cores, or spark.default.parallelism) as parallelize’s default', async () => {
    const body =
      'return [sc.defaultParallelism, sc.parallelize([1, 2, 3]).getNumPartitions(), sc.master, sc.version, sc.appName];';
    expect(await runSpark(body, undefined, 'cookbook-9')).toEqual([36, 36, 'yarn', '3.5.1', 'job.js']);
    expect(await runSpark(body, { 'spark.default.parallelism': '5' }, 'cookbook-9')).toEqual([
      5,
      5,
      'yarn',
      '3.5.1',
      'job.js',
    ]);
  });

  it('follows Spark’s rule: max(executor cores, 2), or spark.default.parallelism; shuffles see only the setting', async () => {
    expect([defaultParallelismOf(1), defaultParallelismOf(36), defaultParallelismOf(36, 5)]).toEqual([2, 36, 5]);
    const body = `const pairs = sc.parallelize([1, 2, 3], 3).map((x) => [x, 1]);
return [sc.defaultParallelism, pairs.reduceByKey((a, b) => a + b).getNumPartitions()];`;
    expect(await runSpark(body)).toEqual([12, 3]);
    expect(await runSpark(body, { 'spark.default.parallelism': '7' })).toEqual([7, 7]);
    expect(resolveSparkConf({ 'spark.default.parallelism': '8' }).defaultParallelism).toBe(8);
    expect(() => resolveSparkConf({ 'spark.default.parallelism': '0' })).toThrow(
      /spark\.default\.parallelism.*whole number/,
    );
  });

  it('has range, union and emptyRDD as Spark’s', async () => {
    const result = await runSpark(
      [
        'const r = await sc.range(5).collect();',
        'const s = await sc.range(10, 0, -3, 2).collect();',
        'const u = sc.union([sc.parallelize([1], 1), sc.parallelize([2, 3], 2), sc.range(4, 5)]);',
        'return { r, s, u: await u.collect(), parts: u.getNumPartitions(), empty: await sc.emptyRDD().count() };',
      ].join('\n'),
      { 'spark.default.parallelism': 2 },
    );
    expect(result).toEqual({ r: [0, 1, 2, 3, 4], s: [10, 7, 4, 1], u: [1, 2, 3, 4], parts: 5, empty: 0 });
    await expect(runSpark('sc.range(0, 10, 0);')).rejects.toThrow(/step cannot be 0/);
  });

  it('suggests the right name for a mistyped member, checks setLogLevel, and refuses use after stop()', async () => {
    await expect(runSpark('sc.textfile("/data/x");')).rejects.toThrow(
      /job\.js:2.*sc\.textfile is not a SparkContext member: did you mean sc\.textFile\?/,
    );
    await expect(runSpark('sc.setLogLevel("LOUD");')).rejects.toThrow(/Supplied level LOUD did not match one of/);
    expect(await runSpark('sc.setLogLevel("warn"); return sc.undefinedThing === undefined;')).toBe(true);
    await expect(runSpark('sc.stop();\nsc.parallelize([1]);')).rejects.toThrow(
      /Cannot call methods on a stopped SparkContext/,
    );
    await expect(runSpark('const rdd = sc.parallelize([1]);\nsc.stop();\nreturn rdd.count();')).rejects.toThrow(
      /job\.js:4.*Cannot call methods on a stopped SparkContext: count/,
    );
    await expect(runSpark('return sc.parallelize([1], 1).map((x) => sc.parallelize([x])).collect();')).rejects.toThrow(
      /job\.js:2.*sc\.parallelize was called inside a task.*SPARK-5063/,
    );
  });
});
