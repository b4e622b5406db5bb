/**
 * Spark's closures, as Spark's guide explains them ("Understanding closures"): a function shipped
 * to a task is serialized with the driver's variables it uses, and each task works on its own
 * copy, so `let n = 0; rdd.foreach(x => { n += x })` leaves n at 0 in the driver.
 *
 * The driver and its tasks run in one JavaScript realm here, so the compiler makes the copy
 * possible, by definition rather than at the call site: every function the job file defines
 * that captures variables bound outside it (globals are not captured) reads and writes them
 * through an environment object `$env`, however the function later reaches a task (given
 * directly, through an alias, a method, a getter, a factory, `rdd['foreach']`, `bind`, a helper):
 *
 *   const add = (x) => { n += x };
 *   const add = __sparkClosure(($env) => ({ "add": (x) => { $env.n += x } })["add"], { get n() { return n }, set n(v) { n = v } });
 *
 * (the property keeps the name JavaScript infers). A function that reaches everything it
 * captures through the `$env` around it shares that object: `__sparkClosure(($env) => ..., $env, ["n"])`.
 * Declarations, class members, object accessors and methods using `super` stay what they are
 * (hoisted, `super`, `new`): their body starts with `const $env = __sparkClosure.env($env_h1);`,
 * `$env_h1` being made where the statement list around them starts (closureUnits.ts tells which
 * is which). `f.bind(o, ...)` becomes `__sparkClosure.bind(f, o, ...)`. A class with #private
 * members gets a first static block that registers it, so copying an instance is refused by name.
 *
 * At run time (engine/spark/taskClosures.ts): made on the driver, a function is live on the
 * driver and works on a copy in each task; made inside a task, it is that task's own, live (so
 * `mapPartitions(it => { let c = 0; const inc = () => c++; ... })` counts).
 *
 * Everything is spliced on the functions' own lines: no line break is added, so errors keep the
 * learner's lines. Known limits, all rare: a member reads live the names declared between it and
 * its statement list (a `for (let i ...)` head whose body has no braces, a class expression's own
 * name) and the names its own parameter defaults use; a method called with `this` bound to a
 * driver object by other means than `bind` (call, apply) works on that object.
 */
import type { Node } from 'acorn';
import { declaringScope, type Reference, type Scope } from './closureScopes';
import { analyze, keyName, type AnyNode, type Capture, type Unit } from './closureUnits';

/** The global the wrapped functions call (bound by the sandbox executor to engine/spark's sparkClosure). */
export const SPARK_CLOSURE = '__sparkClosure';

interface Edit {
  readonly at: number;
  readonly end: number;
  readonly text: string;
  /** Order of edits at one position: closings (inner first), declarations, holders, openings (outer first), replacements. */
  readonly rank: number;
}
const CLOSE = 100_000;
const DECLARE = 200_000;
const HOLDER = 300_000;
const OPEN = 400_000;
const REPLACE = 900_000;

/** A name for the environment parameter that the code does not use anywhere. */
function freshName(code: string): string {
  let name = '$env';
  for (let i = 1; code.includes(name); i++) name = `$env${i}`;
  return name;
}

/**
 * Rewrites every function of `program` (parsed from `code`, with ranges and lines) that captures
 * outer bindings, as described above; returns `code` unchanged when none does.
 */
export function wrapSparkClosures(code: string, program: Node): string {
  const a = analyze(code, program);
  const env = freshName(code);
  const edits: Edit[] = [];
  const insert = (at: number, text: string, rank: number) => edits.push({ at, end: at, text, rank });

  /** Where `$env` is this unit's own: all of a wrapped function, a member's body, a field's value. */
  const envRegion = (u: Unit): [number, number] | null => {
    if (u.kind === 'make' || u.kind === 'method') return u.captured.size > 0 ? [u.outer.start, u.outer.end] : null;
    if (u.included.size === 0) return null;
    if (u.kind === 'member') return [u.bodyStart, (u.node.body as AnyNode).end];
    const value = u.node.value as AnyNode;
    return [value.start, value.end];
  };
  /** Whether code at `pos`, in unit `u`, reaches the binding `name` of `scope` through `$env`. */
  const reaches = (u: Unit | null, name: string, scope: Scope, pos: number): boolean => {
    if (!u || u.captured.get(name)?.scope !== scope) return false;
    const region = envRegion(u);
    if (!region || pos < region[0] || pos > region[1]) return false;
    return u.kind === 'make' || u.kind === 'method' || u.included.has(name);
  };
  const envObject = (names: Iterable<[string, Capture]>, context: Unit | null, pos: number): string => {
    const bindings: string[] = [];
    for (const [name, capture] of names) {
      const x = reaches(context, name, capture.scope, pos) ? `${env}.${name}` : name;
      bindings.push(`get ${name}() { return ${x}; }`);
      if (capture.kind === 'mutable') bindings.push(`set ${name}(${env}_v) { ${x} = ${env}_v; }`);
    }
    return `{ ${bindings.join(', ')} }`;
  };

  /**
   * The env of a wrapped function or a holder: when every name it captures is reached through
   * the `$env` around it, that very object and the names a task copies from it (nothing
   * allocated each time the function is made, in a task for each record); else an object of its own.
   */
  const envOf = (names: Map<string, Capture>, context: Unit | null, pos: number): string => {
    for (const [name, capture] of names)
      if (!reaches(context, name, capture.scope, pos)) return envObject(names, context, pos);
    return `${env}, ${JSON.stringify([...names.keys()])}`;
  };
  const closureEnv = (u: Unit): string => envOf(u.captured, u.parent, u.outer.end);

  for (const r of a.refs) {
    const scope = declaringScope(r);
    if (scope && reaches(a.unitOf(r), r.id.name, scope, r.id.start))
      edits.push({ at: r.id.start, end: r.id.end, text: rewritten(r, env), rank: REPLACE });
  }

  for (const u of a.units) {
    const depth = u.depth;
    if (u.kind === 'make' && u.captured.size > 0) {
      // A name JavaScript would infer (`const add = (x) => ...`) is kept by a property of that name.
      const name = inferredName(u, a.parentOf(u.node));
      const [open, close] = name === null ? ['', ''] : [`({ ${JSON.stringify(name)}: `, ` })[${JSON.stringify(name)}]`];
      insert(u.outer.start, `${SPARK_CLOSURE}((${env}) => ${open}`, OPEN + 2 * depth);
      insert(u.outer.end, `${close}, ${closureEnv(u)})`, CLOSE - 2 * depth);
    } else if (u.kind === 'method' && u.captured.size > 0) {
      // `add(x) {...}` becomes `add: <the wrapped method>`, the method kept as a method.
      const key = keyName(u.outer)!;
      const keyText =
        key === '__proto__'
          ? '["__proto__"]'
          : code.slice((u.outer.key as AnyNode).start, (u.outer.key as AnyNode).end);
      insert(u.outer.start, `${keyText}: ${SPARK_CLOSURE}((${env}) => ({ `, OPEN + 2 * depth);
      insert(u.outer.end, ` })[${JSON.stringify(key)}], ${closureEnv(u)})`, CLOSE - 2 * depth);
    } else if (u.kind === 'member' && u.included.size > 0) {
      insert(u.bodyStart, `const ${env} = ${SPARK_CLOSURE}.env(${env}_h${u.container!.index}); `, DECLARE);
    } else if (u.kind === 'field' && u.included.size > 0) {
      const value = u.node.value as AnyNode;
      insert(value.start, `((${env}) => (`, OPEN + 2 * depth);
      insert(value.end, `))(${SPARK_CLOSURE}.env(${env}_h${u.container!.index}))`, CLOSE - 2 * depth);
    }
  }

  for (const c of a.containers) {
    const names = new Map<string, Capture>();
    for (const m of c.members) for (const name of m.included) names.set(name, m.captured.get(name)!);
    if (names.size === 0) continue;
    const context = a.unitAround(c.node);
    const holder = `const ${env}_h${c.index} = ${SPARK_CLOSURE}.site(${envOf(names, context, c.at)});`;
    if (c.node.type !== 'ArrowFunctionExpression') insert(c.at, `${holder} `, HOLDER);
    else {
      // `(x) => <expression>` becomes `(x) => {const $env_h1 = ...; return (<expression>);}`
      insert(c.at, `{${holder} return (`, HOLDER);
      insert(c.node.end, ');}', CLOSE - 2 * (context ? context.depth : 0) - 1);
    }
  }

  markPrivateClasses(program as AnyNode, insert);
  rewriteBinds(code, program as AnyNode, edits);
  if (edits.length === 0) return code;
  edits.sort((x, y) => x.at - y.at || x.rank - y.rank);
  const out: string[] = [];
  let cursor = 0;
  for (const e of edits) {
    out.push(code.slice(cursor, e.at), e.text);
    cursor = e.end;
  }
  out.push(code.slice(cursor));
  return out.join('');
}

/**
 * A class with #private members gets `static { __sparkClosure.privateFields(this, line, names); }`
 * first in its body, so a task's copy of one of its instances is refused by name.
 */
function markPrivateClasses(node: AnyNode, insert: (at: number, text: string, rank: number) => void): void {
  if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') {
    const body = node.body as AnyNode;
    const names = (body.body as AnyNode[])
      .map((m) => m.key as AnyNode | undefined)
      .filter((k): k is AnyNode => k?.type === 'PrivateIdentifier')
      .map((k) => `#${k.name as string}`);
    if (names.length > 0) {
      const line = (node.loc as { start: { line: number } } | undefined)?.start.line ?? 0;
      insert(
        body.start + 1,
        `static { ${SPARK_CLOSURE}.privateFields(this, ${line}, ${JSON.stringify([...new Set(names)])}); }`,
        DECLARE,
      );
    }
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) markPrivateClasses(item, insert);
    } else if (isNode(value)) markPrivateClasses(value, insert);
  }
}

/**
 * `f.bind(obj, ...args)` becomes `__sparkClosure.bind(f, obj, ...args)`: called in another task,
 * the bound function gets that task's copy of `obj` and of the bound arguments, as Spark
 * serializes the object a method is bound to (`rdd.foreach(counter.add.bind(counter))`).
 */
function rewriteBinds(code: string, node: AnyNode, edits: Edit[]): void {
  const callee = node.callee as AnyNode | undefined;
  const property = callee?.property as AnyNode | undefined;
  if (
    node.type === 'CallExpression' &&
    !node.optional &&
    callee!.type === 'MemberExpression' &&
    !callee!.computed &&
    !callee!.optional &&
    property!.type === 'Identifier' &&
    property!.name === 'bind' &&
    (node.arguments as AnyNode[]).length > 0
  ) {
    const dot = code.lastIndexOf('.', property!.start);
    const paren = code.indexOf('(', property!.end);
    const newlines = code.slice(dot, paren + 1).replace(/[^\n]/g, '');
    edits.push({ at: node.start, end: node.start, text: `${SPARK_CLOSURE}.bind(`, rank: OPEN - 1 });
    edits.push({ at: dot, end: paren + 1, text: `, ${newlines}`, rank: REPLACE });
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) rewriteBinds(code, item, edits);
    } else if (isNode(value)) rewriteBinds(code, value, edits);
  }
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The name JavaScript gives an anonymous function from where it is written (`const add = (x) => ...`). */
function inferredName(u: Unit, parent: AnyNode | null): string | null {
  const node = u.node;
  if (!parent || (node.type === 'FunctionExpression' && node.id)) return null;
  const id = (n: unknown) => ((n as AnyNode | null)?.type === 'Identifier' ? ((n as AnyNode).name as string) : null);
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.init === node ? id(parent.id) : null;
    case 'AssignmentExpression':
      return parent.right === node && ['=', '||=', '&&=', '??='].includes(parent.operator as string)
        ? id(parent.left)
        : null;
    case 'AssignmentPattern':
      return parent.right === node ? id(parent.left) : null;
    case 'Property':
      return parent.value === node && parent.kind === 'init' ? keyName(parent) : null;
    case 'PropertyDefinition': {
      const key = parent.key as AnyNode;
      if (parent.computed) return null;
      return key.type === 'PrivateIdentifier' ? `#${key.name as string}` : keyName(parent);
    }
    default:
      return null;
  }
}

function rewritten(r: Reference, env: string): string {
  const name = r.id.name;
  if (r.shorthand) return `${name}: ${env}.${name}`;
  if (r.callee) return `(0, ${env}.${name})`; // called without `this`, as before
  return `${env}.${name}`;
}
