/**
 * A property of closures copied by definition: however many ways a function is passed on (an
 * alias, a declaration, a method, a getter, a factory, bind, a table, a class), inside tasks it
 * changes only the tasks' copies (the driver's `n` stays 0, the accumulator counts every
 * record), and on the driver it is live. Programs are drawn from a seeded generator.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core/rng';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { compileJobSource } from '../sandbox/compile';
import { runJob } from '../api/runJob';

/** One way of passing a function on: the definitions it adds, and the expression that gives the function. */
const STEPS: ((e: string, k: number) => { def: string; expr: string })[] = [
  (e, k) => ({ def: `const f${k} = ${e};`, expr: `f${k}` }),
  (e, k) => ({ def: `function f${k}(x) { return (${e})(x); }`, expr: `f${k}` }),
  (e, k) => ({ def: `const o${k} = { m(x) { return (${e})(x); } };`, expr: `o${k}.m` }),
  (e, k) => ({ def: `const g${k} = { get f() { return ${e}; } };`, expr: `g${k}.f` }),
  (e, k) => ({ def: `const mk${k} = () => ${e};`, expr: `mk${k}()` }),
  (e, k) => ({ def: `const b${k} = (${e}).bind(null);`, expr: `b${k}` }),
  (e, k) => ({ def: `const t${k} = [${e}];`, expr: `t${k}[0]` }),
  (e, k) => ({
    def: `class C${k} { run(x) { return (${e})(x); } }\nconst c${k} = new C${k}();`,
    expr: `(x) => c${k}.run(x)`,
  }),
  (e, k) => ({ def: `const s${k} = { k: ${e}, ["call"](x) { return this.k(x); } };`, expr: `(x) => s${k}.call(x)` }),
];

const ACTIONS = [
  (e: string) => `rdd.foreach(${e})`,
  (e: string) => `rdd['foreach'](${e})`,
  (e: string) => `rdd.foreach.bind(rdd)(${e})`,
  (e: string) => `rdd.foreachPartition((it) => { for (const x of it) (${e})(x); })`,
  (e: string) => `rdd.map((x) => { (${e})(x); return x; }).count()`,
];

function program(rng: Rng): string {
  const defs: string[] = [];
  let expr = '(x) => { n += x; acc.add(x); }';
  const depth = 1 + rng.int(4);
  for (let k = 0; k < depth; k++) {
    const step = STEPS[rng.int(STEPS.length)]!(expr, k);
    defs.push(step.def);
    expr = step.expr;
  }
  return [
    'let n = 0;',
    'const acc = sc.longAccumulator();',
    ...defs,
    'const rdd = sc.parallelize([1, 2, 3, 4], 2);',
    `await ${ACTIONS[rng.int(ACTIONS.length)]!(expr)};`,
    'const inTasks = [n, acc.value];',
    `(${expr})(5);`,
    'return [...inTasks, n, acc.value];',
  ].join('\n');
}

describe('closures copied by definition, on generated programs', () => {
  it('leave the driver’s variables alone in tasks, count with accumulators, and are live on the driver', async () => {
    const rng = createRng('closures-by-definition');
    const runner = createFunctionRunner();
    try {
      for (let i = 0; i < 40; i++) {
        const body = program(rng);
        const source = compileJobSource(`export default async (sc) => {\n${body}\n};`, 'job.js');
        const report = await runJob({ source, runner, cluster: 'classroom', seed: 1, snapshots: false });
        expect({ body, result: report.result }).toEqual({ body, result: [0, 10, 5, 15] });
      }
    } finally {
      await runner.close();
    }
  }, 60_000);
});
