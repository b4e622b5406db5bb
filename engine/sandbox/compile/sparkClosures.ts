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
 * A function bound to a name (`function increment(x) {...}`, `const f = (x) => ...`) is a closure
 * too when it is given by name (`rdd.foreach(increment)`) or used by a closure: a declaration
 * stays hoisted and makes its wrapped self on its first call.
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

/**
 * The function literals passed to closure-taking methods (not walked into), and the identifiers
 * passed to them (`rdd.foreach(increment)`: the function bound to that name is a closure too).
 */
function findClosures(program: Node): { literals: FunctionNode[]; named: Set<number> } {
  const literals: FunctionNode[] = [];
  const named = new Set<number>();
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
            literals.push(arg as FunctionNode);
          else {
            if (arg.type === 'Identifier') named.add(arg.start);
            walk(arg);
          }
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
  return { literals, named };
}

/** A name for the environment parameter that the code does not use anywhere. */
function freshName(code: string): string {
  let name = '$env';
  for (let i = 1; code.includes(name); i++) name = `$env${i}`;
  return name;
}

const within = (inner: Node, outer: Node) => inner.start >= outer.start && inner.end <= outer.end;

/**
 * Rewrites the closures of `program` (parsed from `code`, with ranges) as described above;
 * returns `code` unchanged when no closure captures anything. A closure is a function literal
 * given to a closure-taking method, or a function bound to a name (`function f`, `const f = ...`)
 * that such a method is given or that a closure calls: a task gets its copy of what they capture.
 */
export function wrapSparkClosures(code: string, program: Node): string {
  const { literals, named } = findClosures(program);
  if (literals.length === 0 && named.size === 0) return code;
  const refs = collectReferences(program);
  const env = freshName(code);
  // References sorted by position, so each closure finds its own with two binary searches.
  const sorted = refs.slice().sort((a, b) => a.id.start - b.id.start);
  const refsIn = (fn: Node): Reference[] => {
    const out: Reference[] = [];
    for (let i = firstAt(sorted, fn.start); i < sorted.length && sorted[i]!.id.start < fn.end; i++)
      out.push(sorted[i]!);
    return out;
  };
  // The closures: the literals, then the named functions they use or that are passed by name.
  const roots = new Set<Node>(literals);
  const namedFunction = (r: Reference): Node | null => declaringScope(r)?.functions.get(r.id.name) ?? null;
  for (const r of sorted) {
    const fn = named.has(r.id.start) ? namedFunction(r) : null;
    if (fn) roots.add(fn);
  }
  const queue = [...roots];
  while (queue.length > 0) {
    const root = queue.pop()!;
    for (const r of refsIn(root)) {
      const fn = namedFunction(r);
      if (fn && !roots.has(fn) && !within(fn, root)) {
        roots.add(fn);
        queue.push(fn);
      }
    }
  }
  const outermost = [...roots].filter((fn) => ![...roots].some((o) => o !== fn && within(fn, o)));
  const edits: { at: number; end: number; text: string }[] = [];
  let declarations = 0;
  for (const fn of outermost) {
    const captured = new Map<string, 'const' | 'mutable'>();
    const renames: { at: number; end: number; text: string }[] = [];
    for (const r of refsIn(fn)) {
      const scope = declaringScope(r);
      if (!scope || within(scope.node, fn)) continue;
      captured.set(r.id.name, scope.names.get(r.id.name)!);
      renames.push({ at: r.id.start, end: r.id.end, text: rewritten(r, env) });
    }
    if (captured.size === 0) continue;
    edits.push(...renames);
    const bindings = [...captured].map(([name, kind]) =>
      kind === 'const'
        ? `get ${name}() { return ${name}; }`
        : `get ${name}() { return ${name}; }, set ${name}(v) { ${name} = v; }`,
    );
    const envObject = `{ ${bindings.join(', ')} }`;
    if (fn.type === 'FunctionDeclaration') {
      // `function f(x) {...}` stays a hoisted declaration that makes its wrapped self on first call.
      const name = ((fn as AnyNode).id as AnyNode).name as string;
      const made = `${env}_${++declarations}`;
      edits.push({
        at: fn.start,
        end: fn.start,
        text: `function ${name}(...${env}_args) { return (${made} ??= ${SPARK_CLOSURE}((${env}) => `,
      });
      edits.push({ at: fn.end, end: fn.end, text: `, ${envObject})).apply(this, ${env}_args); } var ${made};` });
    } else {
      edits.push({ at: fn.start, end: fn.start, text: `${SPARK_CLOSURE}((${env}) => ` });
      edits.push({ at: fn.end, end: fn.end, text: `, ${envObject})` });
    }
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
