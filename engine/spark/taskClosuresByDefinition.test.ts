import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { compileJobSource } from '../sandbox/compile';
import { runJob } from '../api/runJob';

/** Runs `export default async (sc) => { <body> }` (after `top`, the file's top level) through the real compile and runJob path. */
async function runSpark(body: string, top = ''): Promise<unknown> {
  const runner = createFunctionRunner();
  try {
    const source = compileJobSource(`${top}\nexport default async (sc) => {\n${body}\n};`, 'job.js');
    const report = await runJob({ source, runner, cluster: 'classroom', seed: 1, snapshots: false });
    return report.result;
  } finally {
    await runner.close();
  }
}

const data = 'const rdd = sc.parallelize([1, 2, 3, 4], 2);';

describe('closures are copied per task however they reach the task', () => {
  it('an alias', async () => {
    expect(await runSpark(`let n = 0; const add = (x) => { n += x }; ${data} await rdd.foreach(add); return [n, add.name, add.length];`)).toEqual([0, 'add', 1]);
  });
  it('a hoisted declaration', async () => {
    expect(await runSpark(`let n = 0; ${data} await rdd.foreach(add); add(5); return [n, add.name, add.length];\nfunction add(x, y = 1) { n += x }`)).toEqual([5, 'add', 1]);
  });
  it('a method', async () => {
    expect(await runSpark(`let n = 0; const ops = { add(x) { n += x } }; ${data} await rdd.foreach(ops.add); return [n, ops.add.name, ops.add.length];`)).toEqual([0, 'add', 1]);
  });
  it('a factory', async () => {
    expect(await runSpark(`let n = 0; const make = () => (x) => { n += x }; ${data} await rdd.foreach(make()); return n;`)).toEqual(0);
  });
  it('computed members', async () => {
    expect(await runSpark(`let n = 0; ${data} await rdd['foreach'](x => { n += x }); const f = 'foreach'; await rdd[f]((x) => { n += x }); return n;`)).toEqual(0);
  });
  it('bind', async () => {
    expect(await runSpark(`let n = 0; ${data} const go = rdd.foreach.bind(rdd); await go(x => { n += x }); return n;`)).toEqual(0);
  });
  it('a class instance', async () => {
    expect(await runSpark(`class Counter { total = 0; add(x) { this.total += x } }\nconst c = new Counter(); ${data} await rdd.foreach(x => c.add(x)); return c.total;`)).toEqual(0);
  });
  it('a task-made closure stays live', async () => {
    expect(await runSpark(`${data} return rdd.mapPartitions((it) => { let c = 0; const inc = () => c++; for (const x of it) inc(); return [c]; }).collect();`)).toEqual([2, 2]);
  });
  it('private', async () => {
    await expect(runSpark(`class Counter { #total = 0; add(x) { this.#total += x } }\nconst c = new Counter(); ${data} await rdd.foreach(x => c.add(x)); return 1;`)).rejects.toThrow(/Task not serializable/);
  });
});
