/**
 * Closures are copied by definition: however a function reaches a task (an alias, a hoisted
 * declaration, a method, a factory, a computed member, bind, a helper), the task works on its
 * own copy of the driver's variables, and accumulators still count.
 */
import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { compileJobSource } from '../sandbox/compile';
import { runJob } from '../api/runJob';

/** Runs `<top>` then `export default async (sc) => { <body> }` as job.js through the real compile and runJob path. */
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

/**
 * `defs` defines `n` (0) and a way to add to it; `action` runs it over 1..4 in two tasks
 * (`rdd` and the accumulator `acc` are in scope). Returns [n on the driver, acc.value].
 */
function counted(defs: string, action: string): Promise<unknown> {
  return runSpark(
    [
      'let n = 0;',
      'const acc = sc.longAccumulator("seen");',
      defs,
      'const rdd = sc.parallelize([1, 2, 3, 4], 2);',
      `await ${action};`,
      'return [n, acc.value];',
    ].join('\n'),
  );
}

describe('a function reaches a task indirectly: the driver’s variables stay as they were', () => {
  it('through an alias, keeping its name and length', async () => {
    expect(await counted('const add = (x) => { n += x; acc.add(x); };', 'rdd.foreach(add)')).toEqual([0, 10]);
    expect(await runSpark('let n = 0;\nconst add = (x, y = 1) => { n += x };\nreturn [add.name, add.length];')).toEqual(
      ['add', 1],
    );
  });

  it('through a hoisted function declaration, live when the driver calls it', async () => {
    const body = [
      'let n = 0;',
      'const acc = sc.longAccumulator();',
      'await sc.parallelize([1, 2, 3, 4], 2).foreach(add);',
      'const afterJob = n;',
      'add(5);',
      'return [afterJob, n, acc.value, add.name, add.length];',
      'function add(x, y = 2) { n += x; acc.add(x); }',
    ].join('\n');
    expect(await runSpark(body)).toEqual([0, 5, 15, 'add', 1]);
  });

  it('through an object’s method, its getter, and a method using super', async () => {
    expect(
      await counted(
        'const base = { note(x) { acc.add(x); } };\nconst ops = { __proto__: base, add(x) { n += x; super.note(x); } };',
        'rdd.foreach((x) => ops.add(x))',
      ),
    ).toEqual([0, 10]);
    expect(await counted('const ops = { add(x) { n += x; acc.add(x); } };', 'rdd.foreach(ops.add)')).toEqual([0, 10]);
    expect(
      await counted(
        'const ops = { get add() { return (x) => { n += x; acc.add(x); }; }, set total(v) { n = v; } };',
        'rdd.foreach((x) => { ops.total = x; ops.add(x); })',
      ),
    ).toEqual([0, 10]);
  });

  it('through a factory, also one whose object has accessors and computed methods', async () => {
    expect(
      await runSpark(
        [
          'const seen = [];',
          'const key = "put";',
          'const wrap = (list) => ({ get size() { return list.length; }, [key](x) { list.push(x); } });',
          'const box = wrap(seen);',
          'const sizes = await sc.parallelize([1, 2, 3, 4], 2).map((x) => { box.put(x); return box.size; }).collect();',
          'box.put(0);',
          'return [sizes, seen];',
        ].join('\n'),
      ),
    ).toEqual([[1, 2, 1, 2], [0]]);
    expect(await counted('const make = () => (x) => { n += x; acc.add(x); };', 'rdd.foreach(make())')).toEqual([0, 10]);
  });

  it('through computed members: rdd["foreach"] and rdd[name]', async () => {
    expect(await counted('', 'rdd["foreach"]((x) => { n += x; acc.add(x); })')).toEqual([0, 10]);
    expect(await counted('const f = "foreach";', 'rdd[f]((x) => { n += x; acc.add(x); })')).toEqual([0, 10]);
  });

  it('through a bound RDD method', async () => {
    expect(await counted('', 'rdd.foreach.bind(rdd)((x) => { n += x; acc.add(x); })')).toEqual([0, 10]);
  });

  it('through a class instance the closure captures, and a class whose members use the driver’s variables', async () => {
    expect(
      await runSpark(
        [
          'const c = new Counter();',
          'await sc.parallelize([1, 2, 3, 4], 2).foreach((x) => c.add(x));',
          'return c.total;',
        ].join('\n'),
        'class Counter { total = 0; add(x) { this.total += x; } }',
      ),
    ).toEqual(0);
    // A constructor and a method that change a variable of the driver change the task's copy.
    expect(
      await runSpark(
        [
          'const ids = await sc.parallelize([1, 2, 3, 4], 2).map(() => new Point().id).collect();',
          'Point.reset(); new Point();',
          'return [ids, nextId];',
        ].join('\n'),
        'let nextId = 0;\nclass Point { constructor() { this.id = nextId++; } static reset() { nextId = 10; } }',
      ),
    ).toEqual([[0, 1, 0, 1], 11]);
  });

  it('through two levels of indirection: a helper of a helper, kept in a table', async () => {
    expect(
      await counted(
        [
          'const inner = (x) => { n += x; acc.add(x); };',
          'function outer(x) { inner(x); }',
          'const table = { ops: [(x) => outer(x)] };',
          'const pick = () => table.ops[0];',
        ].join('\n'),
        'rdd.foreach(pick())',
      ),
    ).toEqual([0, 10]);
  });
});

describe('one copy per task', () => {
  it('is shared by a closure and the functions made with it on the driver', async () => {
    const body = [
      'let c = 0;',
      'const counter = () => ({ inc: () => c++, get: () => c });',
      'const { inc, get } = counter();',
      'const seen = await sc.parallelize([1, 2, 3, 4], 2).map(() => { inc(); return get(); }).collect();',
      'return [seen, c];',
    ].join('\n');
    expect(await runSpark(body)).toEqual([[1, 2, 1, 2], 0]);
  });
});

describe('functions made inside a task', () => {
  it('stay live in their task: a counter made in mapPartitions counts', async () => {
    const body = [
      'return sc.parallelize([1, 2, 3, 4, 5], 2).mapPartitions((it) => {',
      '  let c = 0;',
      '  const inc = () => c++;',
      '  function incTwice() { inc(); inc(); }',
      '  const tally = { add(x) { c += x; } };',
      '  for (const x of it) { incTwice(); tally.add(x); }',
      '  return [c, inc.name, incTwice.name, tally.add.name];',
      '}).collect();',
    ].join('\n');
    expect(await runSpark(body)).toEqual([
      2 * 2 + 1 + 2,
      'inc',
      'incTwice',
      'add',
      3 * 2 + 3 + 4 + 5,
      'inc',
      'incTwice',
      'add',
    ]);
  });

  it('stay their task’s own when another task calls them (a cached RDD of functions): never the driver’s', async () => {
    const body = [
      'const fns = sc.parallelize([1], 1).map((x) => { let c = x; return () => ++c; }).cache();',
      'await fns.count();',
      'const first = await fns.map((f) => [f(), f()]).collect();',
      'const again = await fns.map((f) => f()).collect();',
      'return [first, again];',
    ].join('\n');
    expect(await runSpark(body)).toEqual([[[2, 3]], [4]]);
  });
});

describe('what cannot be copied', () => {
  it('an instance of a class with #private fields is Spark’s Task not serializable, naming the class and its line', async () => {
    const run = runSpark(
      ['const c = new Counter();', 'await sc.parallelize([1, 2], 1).foreach((x) => c.add(x));', 'return c.total;'].join(
        '\n',
      ),
      'class Counter {\n  #total = 0;\n  add(x) { this.#total += x; }\n  get total() { return this.#total; }\n}',
    );
    await expect(run).rejects.toThrow(/job\.js: NotSerializableException: /);
    await expect(run).rejects.toThrow(
      /Task not serializable: .*`c`, which holds an instance of class Counter \(line 1\).*private fields \(#total\) cannot be copied.*this\.total/,
    );
    // A broadcast value is serialized too.
    await expect(runSpark('sc.broadcast(new Counter());', 'class Counter { #t = 0; }')).rejects.toThrow(
      /Task not serializable: a task needs its own copy of an instance of class Counter \(line 1\)/,
    );
    // On the driver it is an ordinary class.
    expect(
      await runSpark(
        'const c = new Counter(); c.add(2); return c.total;',
        'class Counter { #t = 0; add(x) { this.#t += x; } get total() { return this.#t; } }',
      ),
    ).toBe(2);
  });

  it('a WeakMap is Task not serializable, naming the variable; an ArrayBuffer is copied', async () => {
    await expect(
      runSpark('const cache = new WeakMap();\nawait sc.parallelize([1], 1).foreach((x) => cache.set({}, x));'),
    ).rejects.toThrow(
      /Task not serializable: .*`cache`, which holds an instance of WeakMap, and its entries cannot be listed/,
    );
    const body = [
      'const buf = new ArrayBuffer(2);',
      'await sc.parallelize([1, 2], 2).foreach((x) => { new Uint8Array(buf)[x - 1] = 9; });',
      'return [...new Uint8Array(buf)];',
    ].join('\n');
    expect(await runSpark(body)).toEqual([0, 0]);
  });

  it('a variable a task copies before its line ran stays uninitialized in the copy', async () => {
    const body = [
      'const r = await sc.parallelize([1], 1).map((x) => x + late).collect();',
      'let late = 1;',
      'return r;',
    ].join('\n');
    await expect(runSpark(`return (async () => { ${body} })();`)).rejects.toThrow(
      /job\.js:\d+.*ReferenceError: Cannot access 'late' before initialization/,
    );
  });
});

describe('bind', () => {
  it('copies the object a method is bound to, and the bound arguments, for each other task', async () => {
    const body = [
      'const counter = { total: 0, add(x) { this.total += x; } };',
      'const seen = [];',
      'const note = function (list, x) { list.push(x); };',
      'await sc.parallelize([1, 2, 3, 4], 2).foreach(counter.add.bind(counter));',
      'await sc.parallelize([1, 2], 2).foreach(note.bind(null, seen));',
      'const driverSide = counter.add.bind(counter);',
      'driverSide(5);',
      'const inTask = await sc.parallelize([1, 2, 3], 1).mapPartitions((it) => {',
      '  const o = { t: 0, add(x) { this.t += x; } };',
      '  const f = o.add.bind(o);',
      '  for (const x of it) f(x);',
      '  return [o.t, f.name, f.length];',
      '}).collect();',
      'const notAFunction = { bind: (x) => x * 2 }.bind(21);',
      'return [counter.total, seen, inTask, driverSide.name, notAFunction];',
    ].join('\n');
    expect(await runSpark(body)).toEqual([5, [], [6, 'bound add', 1], 'bound add', 42]);
  });
});
