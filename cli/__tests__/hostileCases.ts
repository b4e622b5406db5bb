/**
 * The hostile cases of cli/hostileBoundary.test.ts: job files whose results, errors, records,
 * console lines or inputs try to break the sandbox boundary, each with the exit code and the one
 * message (or the result) the CLI must answer with.
 */

export const spark = (body: string) => `export default async (sc) => {\n${body}\n};\n`;
export const mapreduce = (map: string, reduce = 'ctx.write(k, [...vs].length);') =>
  `export default { kind: 'mapreduce', input: '/data/corpus.txt', output: '/out/x',\n` +
  `  map(offset, line, ctx) { if (offset > 0) return; ${map} },\n` +
  `  reduce(k, vs, ctx) { ${reduce} } };\n`;

export interface Case {
  family: 'result' | 'thrown' | 'record' | 'console' | 'realm' | 'input';
  name: string;
  source: string;
  code: 0 | 1 | 2;
  /** The one message on stderr (exit 1 or 2), or the --json result (exit 0). */
  message?: RegExp;
  result?: unknown;
  /** Console lines shown before the message (exit 0: all of stderr). */
  logs?: RegExp;
}

export const CASES: Case[] = [
  // What a Spark driver returns.
  {
    family: 'result',
    name: 'an RDD',
    source: spark(`const words = sc.parallelize(['a', 'b']);\nreturn words.map((w) => w + '!');`),
    code: 1,
    message:
      /rdd-\d+\.js: the driver returned an RDD \(its lineage starts at line 2\) — did you mean `await rdd\.collect\(\)`\?$/,
  },
  {
    family: 'result',
    name: 'a function',
    source: spark('return () => 1;'),
    code: 1,
    message: /the driver returned a function, which is not data/,
  },
  { family: 'result', name: 'a Symbol', source: spark(`return Symbol('x');`), code: 1, message: /returned a Symbol/ },
  { family: 'result', name: 'a small BigInt', source: spark('return 10n;'), code: 0, result: 10 },
  {
    family: 'result',
    name: 'a huge BigInt',
    source: spark('return 2n ** 70n;'),
    code: 0,
    result: '1180591620717411303424',
  },
  {
    family: 'result',
    name: 'a cycle',
    source: spark('const a = [1]; a.push(a); return a;'),
    code: 1,
    message: /at result\[1\], the driver's result holds a reference to itself \(a cycle\)/,
  },
  {
    family: 'result',
    name: 'a 200,000-deep nesting',
    source: spark('let a = []; for (let i = 0; i < 200000; i++) a = [a]; return a;'),
    code: 1,
    message: /nested more than 100 levels deep/,
  },
  {
    family: 'result',
    name: 'a Promise inside the result',
    // The job's own (an action's, never awaited, is named at its line instead: awaitedActions.ts).
    source: spark('return [1, Promise.resolve(1)];'),
    code: 1,
    message: /at result\[1\], the driver's result holds a Promise — did you forget `await`\?/,
  },
  {
    family: 'result',
    name: 'the SparkContext',
    source: spark('return sc;'),
    code: 1,
    message: /at result\.textFile, the driver's result holds a function/,
  },
  {
    family: 'result',
    name: 'a getter that throws',
    source: spark(`return { get n() {\n throw new Error('nope'); } };`),
    code: 1,
    message: /getter-\d+\.js:3: the driver's result could not be read at result\.n: Error: nope$/,
  },
  {
    family: 'result',
    name: 'a Proxy whose traps throw',
    source: spark(
      `return new Proxy({}, { ownKeys() { throw new Error('trap'); }, get() { throw new Error('trap'); } });`,
    ),
    code: 1,
    // Awaiting the driver's value reads its `then`: the trap throws in the learner's code, at its line.
    message: /result-10\.js:2: Error: trap$/,
  },
  {
    family: 'result',
    name: 'a revoked Proxy',
    source: spark('const { proxy, revoke } = Proxy.revocable([], {}); revoke(); return [proxy];'),
    code: 1,
    message: /could not be read at result\[0\]/,
  },
  {
    family: 'result',
    name: 'too many values',
    source: spark('return Array.from({ length: 2100000 }, () => 0);'),
    code: 1,
    message: /the driver returned more than 2,000,000 values in all — return less, e.g\. `await rdd\.take\(100\)`/,
  },
  {
    family: 'result',
    name: 'a Map, a Set, a Date and a null-prototype object',
    source: spark(
      `const o = Object.create(null); o.a = 1;\nreturn [new Map([['k', 1]]), new Set([2]), new Date(0), o, undefined];`,
    ),
    code: 0,
    result: [[['k', 1]], [2], '1970-01-01T00:00:00.000Z', { a: 1 }, null],
  },
  // What a job throws.
  {
    family: 'thrown',
    name: 'a null-prototype object',
    source: spark('throw Object.create(null);'),
    code: 1,
    message: /threw an object that is not an Error/,
  },
  {
    family: 'thrown',
    name: 'a Proxy whose get throws',
    source: spark(`throw new Proxy({}, { get() { throw new Error('boom'); } });`),
    code: 1,
    message: /threw an object that is not an Error/,
  },
  {
    family: 'thrown',
    name: 'an Error whose stack getter throws',
    source: spark(
      `const e = new Error('x');\nObject.defineProperty(e, 'stack', { get() { throw new Error('gotcha'); } });\nthrow e;`,
    ),
    code: 1,
    message: /Error: x$/,
  },
  { family: 'thrown', name: 'a Symbol', source: spark(`throw Symbol('s');`), code: 1, message: /threw a Symbol/ },
  { family: 'thrown', name: 'null', source: spark('throw null;'), code: 1, message: /threw null/ },
  { family: 'thrown', name: 'a BigInt', source: spark('throw 10n;'), code: 1, message: /threw 10n/ },
  {
    family: 'thrown',
    name: 'a revoked Proxy',
    source: spark('const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); throw proxy;'),
    code: 1,
    message: /threw (an object that is not an Error|something that is not an Error)/,
  },
  {
    family: 'thrown',
    name: 'a 10 MB message',
    source: spark(`\nthrow new Error('x'.repeat(10_000_000));`),
    code: 1,
    message: /:3: Error: x{2000}… \(9998000 more characters\)$/,
  },
  // What ctx.write and RDD functions are given.
  {
    family: 'record',
    name: 'a Symbol key in map',
    source: mapreduce(`\nctx.write(Symbol('k'), 1);`),
    code: 1,
    message: /:3: TypeError: ctx\.write\(key, value\): the key is a Symbol, which is not data/,
  },
  {
    family: 'record',
    name: 'a function value in map',
    source: mapreduce(`ctx.write('a', () => 1);`),
    code: 1,
    message: /:2: TypeError: ctx\.write\(key, value\): the value is a function/,
  },
  {
    family: 'record',
    name: 'a Proxy key in map',
    source: mapreduce(`ctx.write(new Proxy({}, { ownKeys() { throw new Error('boom'); } }), 1);`),
    code: 1,
    message: /:2: Error: boom/,
  },
  {
    family: 'record',
    name: 'a Promise value in map',
    source: mapreduce(`ctx.write('a', Promise.resolve(1));`),
    code: 1,
    message: /the value is a Promise — did you forget `await`\?/,
  },
  {
    family: 'record',
    name: 'a cyclic value in map',
    source: mapreduce(`const a = {}; a.self = a; ctx.write('a', a);`),
    code: 1,
    message: /at value\.self, the value holds a reference to itself/,
  },
  {
    family: 'record',
    name: 'a Symbol value in reduce',
    source: mapreduce(`ctx.write('a', 1);`, `\nctx.write(k, Symbol('v'));`),
    code: 1,
    message: /:4: TypeError: ctx\.write\(key, value\): the value is a Symbol/,
  },
  {
    family: 'record',
    name: 'Symbols from an RDD map',
    source: spark('return sc.parallelize([1, 2]).map((x) => Symbol(x)).collect();'),
    code: 1,
    message: /at result\[0\], the driver's result holds a Symbol/,
  },
  {
    family: 'record',
    name: 'function keys through reduceByKey',
    source: spark('return sc.parallelize([1, 2]).map((x) => [() => x, 1]).reduceByKey((a, b) => a + b).collect();'),
    code: 1,
    message: /at result\[0\]\[0\], the driver's result holds a function/,
  },
  // A map, combine or reduce that is async: its writes would come after its task ended.
  {
    family: 'record',
    name: 'an async map',
    source: mapreduce('')
      .replace('map(offset', 'async map(offset')
      .replace('return; ', 'return; await null; ctx.write(line, 1);'),
    code: 1,
    message:
      /record-\d+\.js: map returned a Promise — map, combine and reduce must be synchronous in MapReduce \(no async\/await\); write with ctx\.write before map returns \(task_/,
  },
  {
    family: 'record',
    name: 'a thenable returned by map',
    source: mapreduce(`ctx.write('a', 1); return { then() {} };`),
    code: 1,
    message: /record-\d+\.js: map returned a Promise — map, combine and reduce must be synchronous/,
  },
  {
    family: 'record',
    name: 'a Promise returned by reduce',
    source: mapreduce(`ctx.write('a', 1);`, 'return Promise.resolve().then(() => ctx.write(k, 1));'),
    code: 1,
    message: /record-\d+\.js: reduce returned a Promise — .*write with ctx\.write before reduce returns \(task_/,
  },
  {
    family: 'record',
    name: 'an async combine',
    source: mapreduce(`ctx.write('a', 1);`).replace(
      '  reduce(k, vs, ctx)',
      '  async combine(k, vs, ctx) { ctx.write(k, [...vs].length); },\n  reduce(k, vs, ctx)',
    ),
    code: 1,
    message: /record-\d+\.js: combine returned a Promise — .*before combine returns \(task_/,
  },
  {
    family: 'record',
    name: 'a ctx kept by map and written after its task ended',
    source: mapreduce(`ctx.write('a', 1); Promise.resolve().then(() => ctx.write('late', 1));`),
    code: 1,
    message: /ctx\.write was called after its map task ended/,
  },
  {
    family: 'record',
    name: 'map returns a Proxy whose then getter throws (not a Promise: the value is ignored)',
    source: mapreduce(`ctx.write('a', 1); return new Proxy({}, { get() { throw new Error('then'); } });`),
    code: 0,
    result: [['a', 1]],
  },
  // What a job logs.
  {
    family: 'console',
    name: 'a BigInt, a cycle and a throwing Proxy',
    source: spark(
      `const a = []; a.push(a);\nconsole.log(10n, a, new Proxy({}, { get() { throw new Error('p'); } }), Symbol('s'));\nreturn 1;`,
    ),
    code: 0,
    result: 1,
    logs: /^10n \[a value that cannot be shown: it refers to itself, or reading it throws\] \[a value that cannot be shown.*\] Symbol\(s\)\n$/,
  },
  {
    family: 'console',
    name: '5,000 lines',
    source: spark('for (let i = 0; i < 5000; i++) console.log(i);\nreturn 1;'),
    code: 0,
    result: 1,
    logs: /^0\n1\n(.|\n)*\n999\n… 4,000 more lines of console output not shown \(at most 1,000 lines or 200,000 characters a run\)\n$/,
  },
  // Monkeypatching the engine's classes to fake what the host sees.
  {
    family: 'realm',
    name: 'a replaced RDD.prototype.collect',
    source: spark(
      `const rdd = sc.parallelize([1, 2]);\nObject.getPrototypeOf(rdd).collect = async () => ['FAKE'];\nreturn rdd.collect();`,
    ),
    code: 1,
    message: /:3: TypeError: Cannot assign to read only property 'collect'/,
  },
  {
    family: 'realm',
    name: 'a getter planted on Object.prototype',
    source: spark(
      `const proto = Object.getPrototypeOf(sc);\nObject.defineProperty(proto, 'result', { get() { return 'FAKE'; } });\nreturn 1;`,
    ),
    code: 1,
    message: /:3: TypeError: Cannot define property result, object is not extensible/,
  },
  {
    family: 'realm',
    name: 'a replaced Promise.prototype.then',
    source: spark(
      `const counting = sc.parallelize([1, 2]).count();\nObject.getPrototypeOf(counting).then = () => 'FAKE';\nreturn counting;`,
    ),
    code: 1,
    // An action's Promise-like has no prototype (engine/spark/awaitedActions.ts).
    message: /:3: TypeError: Cannot set properties of null \(setting 'then'\)/,
  },
  {
    family: 'realm',
    name: 'a replaced Object.keys of the engine',
    source: spark(`\nObject.getPrototypeOf(sc).constructor.keys = () => [];\nreturn 1;`),
    code: 1,
    message: /:3: TypeError: Cannot assign to read only property 'keys'/,
  },
  // The runtime's bookkeeping behind an RDD: the learner holds a handle (engine/spark/rddHandle.ts), not the Rdd.
  {
    family: 'realm',
    name: "the runtime's job log through rdd.rt",
    source: spark(`const rdd = sc.parallelize([1, 2]);\nrdd.rt.jobs.length = 0;\nreturn rdd.collect();`),
    code: 1,
    message: /:3: TypeError: Cannot read properties of undefined \(reading 'jobs'\)/,
  },
  {
    family: 'realm',
    name: 'record counts written onto an RDD',
    source: spark(`const rdd = sc.parallelize([1, 2]);\nrdd.records = [1e9];\nreturn rdd.count();`),
    code: 1,
    message: /:3: TypeError: Cannot add property records, object is not extensible/,
  },
  {
    family: 'realm',
    name: "an RDD's partition count rewritten",
    source: spark(`const rdd = sc.parallelize([1, 2], 2);\nrdd.numPartitions = 1;\nreturn rdd.getNumPartitions();`),
    code: 1,
    message: /:3: TypeError: Cannot assign to read only property 'numPartitions'/,
  },
  // Bad job files: bad input, exit 2.
  {
    family: 'input',
    name: 'a default export that is a number',
    source: 'export default 42;\n',
    code: 2,
    message: /default: must be a job object, got 42$/,
  },
  {
    family: 'input',
    name: 'a default export that is a Proxy whose traps throw',
    source: `export default new Proxy({}, { get() { throw new Error('spec'); } });\n`,
    code: 1,
    message: /:1: Error: spec/,
  },
];
