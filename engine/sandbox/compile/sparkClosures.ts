/**
 * Spark's closures, as Spark's guide explains them ("Understanding closures"): a function given
 * to an RDD operation is serialized with the driver's variables it uses, and each task works on
 * its own copy, so `let n = 0; rdd.foreach(x => { n += x })` leaves n at 0 in the driver.
 *
 * The driver and its tasks run in one JavaScript realm here, so the compiler makes the copy
 * possible: every function or arrow literal passed to a call `.name(...)`, where `name` is one of
 * CLOSURE_METHODS, reads and writes the variables it captures (bound outside it in the job file;
 * globals are not captured) through an environment object, and is wrapped:
 *
 *   rdd.foreach(x => { n += x })
 *   rdd.foreach(__sparkClosure(($env) => x => { $env.n += x }, { get n() { return n }, set n(v) { n = v } }))
 *
 * At run time (engine/spark/taskClosures.ts) the wrapper calls the closure with those live
 * bindings on the driver, and with a copy of the captured values inside each task. Everything is
 * spliced on the closure's own lines: no line break is added, so errors keep the learner's lines.
 * Only outermost closures are wrapped (the ones nested in them capture through the same $env).
 */
import type { Node } from 'acorn';
import { collectReferences, declaringScope, type Reference } from './closureScopes';

/** The global the wrapped closures call (bound by the sandbox executor). */
export const SPARK_CLOSURE = '__sparkClosure';

/**
 * The RDD (and DataFrame) methods whose function arguments are closures shipped to tasks,
 * Spark's and PySpark's names. One list: add a method here when the API gets one that takes a function.
 */
export const CLOSURE_METHODS: readonly string[] = [
  'map',
  'flatMap',
  'filter',
  'foreach',
  'foreachPartition',
  'mapPartitions',
  'mapPartitionsWithIndex',
  'mapValues',
  'flatMapValues',
  'reduce',
  'treeReduce',
  'fold',
  'aggregate',
  'treeAggregate',
  'reduceByKey',
  'reduceByKeyLocally',
  'foldByKey',
  'aggregateByKey',
  'combineByKey',
  'groupBy',
  'groupByKey',
  'keyBy',
  'sortBy',
  'sortByKey',
  'partitionBy',
  'repartitionAndSortWithinPartitions',
  'takeOrdered',
  'top',
  'max',
  'min',
  'zipPartitions',
];

const CLOSURE_NAMES = new Set(CLOSURE_METHODS);

type AnyNode = Node & Record<string, unknown>;
type FunctionNode = AnyNode & { start: number; end: number };

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The function literals passed to closure-taking methods, outermost only, in source order. */
function findClosures(program: Node): FunctionNode[] {
  const found: FunctionNode[] = [];
  const walk = (node: AnyNode): void => {
    if (node.type === 'CallExpression') {
      const callee = node.callee as AnyNode;
      const property = callee.property as AnyNode | undefined;
      if (
        callee.type === 'MemberExpression' &&
        !callee.computed &&
        property?.type === 'Identifier' &&
        CLOSURE_NAMES.has(property.name as string)
      ) {
        walk(callee);
        for (const arg of node.arguments as AnyNode[]) {
          if (arg.type === 'ArrowFunctionExpression' || arg.type === 'FunctionExpression')
            found.push(arg as FunctionNode); // outermost: not walked into
          else walk(arg);
        }
        return;
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) walk(item);
      } else if (isNode(value)) walk(value);
    }
  };
  walk(program as AnyNode);
  return found;
}

/** A name for the environment parameter that the code does not use anywhere. */
function freshName(code: string): string {
  let name = '$env';
  for (let i = 1; code.includes(name); i++) name = `$env${i}`;
  return name;
}

/**
 * Rewrites the closures of `program` (parsed from `code`, with ranges) as described above;
 * returns `code` unchanged when no closure captures anything.
 */
export function wrapSparkClosures(code: string, program: Node): string {
  const closures = findClosures(program);
  if (closures.length === 0) return code;
  const refs = collectReferences(program);
  const env = freshName(code);
  const edits: { at: number; end: number; text: string }[] = [];
  // References sorted by position, so each closure finds its own with two binary searches.
  const sorted = refs.slice().sort((a, b) => a.id.start - b.id.start);
  for (const fn of closures) {
    const captured = new Map<string, 'const' | 'mutable'>();
    for (let i = firstAt(sorted, fn.start); i < sorted.length && sorted[i]!.id.start < fn.end; i++) {
      const r = sorted[i]!;
      const scope = declaringScope(r);
      if (!scope || (scope.node.start >= fn.start && scope.node.end <= fn.end)) continue;
      captured.set(r.id.name, scope.names.get(r.id.name)!);
      edits.push({ at: r.id.start, end: r.id.end, text: rewritten(r, env) });
    }
    if (captured.size === 0) continue;
    const bindings = [...captured].map(([name, kind]) =>
      kind === 'const'
        ? `get ${name}() { return ${name}; }`
        : `get ${name}() { return ${name}; }, set ${name}(v) { ${name} = v; }`,
    );
    edits.push({ at: fn.start, end: fn.start, text: `${SPARK_CLOSURE}((${env}) => ` });
    edits.push({ at: fn.end, end: fn.end, text: `, { ${bindings.join(', ')} })` });
  }
  // Later positions first; at one position, a closure's end after the reference that ends there.
  edits.sort((a, b) => b.at - a.at || a.end - b.end);
  let out = code;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return out;
}

function rewritten(r: Reference, env: string): string {
  const name = r.id.name;
  if (r.shorthand) return `${name}: ${env}.${name}`;
  if (r.callee) return `(0, ${env}.${name})`; // called without `this`, as before
  return `${env}.${name}`;
}

function firstAt(sorted: Reference[], start: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.id.start < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
