/**
 * Which functions of a job file capture driver bindings, and how each is to be rewritten
 * (sparkClosures.ts does the rewriting). A "unit" is every function the file defines, of four kinds:
 *
 * - `make`: an arrow or a function expression. Wrapped where it is written:
 *   `__sparkClosure(($env) => <the function>, <its env>)`.
 * - `method`: an object literal's plain method `add(x) {...}` (a non-computed key). Wrapped the
 *   same way, as the property's value: `add: __sparkClosure(($env) => ({ add(x) {...} })["add"], ...)`.
 * - `member`: a function declaration, a class's method, accessor or constructor, an object
 *   literal's accessor, computed method or method using `super`. It stays where and what it is
 *   (hoisted, `super`, `new`...), and its body starts with `const $env = __sparkClosure.env($h1);`,
 *   where `$h1`, a *holder*, is made at the start of the statement list around it (its
 *   *container*: the program, a block, a function's body, or an arrow whose body is an
 *   expression) with the env of the container's members.
 * - `field`: a class field's initializer, read through the holder the same way.
 *
 * A reference to a captured name becomes `$env.name` when the innermost unit around it reaches
 * that name through its `$env`; otherwise it stays as written (declared inside that unit, or a
 * name a member's holder cannot see: see `included`).
 */
import type { Node } from 'acorn';
import { collectReferences, declaringScope, type Reference, type Scope } from './closureScopes';

export type AnyNode = Node & Record<string, unknown>;
export type UnitKind = 'make' | 'method' | 'member' | 'field';

export interface Capture {
  readonly kind: 'const' | 'mutable';
  readonly scope: Scope;
}

export interface Unit {
  /** The function node (for `field`, the PropertyDefinition). */
  readonly node: AnyNode;
  readonly kind: UnitKind;
  /** The text that gets wrapped: the Property for `method`, else `node`. */
  readonly outer: AnyNode;
  readonly parent: Unit | null;
  readonly depth: number;
  /** Names it uses that are declared outside it (globals are not captured). */
  readonly captured: Map<string, Capture>;
  /** For `member` and `field`: the captured names its holder reaches; the others stay live. */
  readonly included: Set<string>;
  /** For `member`: where its body's statements start (references before it, in parameters, stay live). */
  bodyStart: number;
  /** For `member` and `field`: its container. */
  container: Container | null;
}

/**
 * A statement list whose start makes the holder of the members inside it, or an arrow whose body
 * is an expression (that body becomes `{ const $env_h1 = ...; return (<body>); }`).
 */
export interface Container {
  readonly node: AnyNode;
  readonly index: number;
  /**
   * Where the holder's declaration goes: before the list's first statement that is not a
   * directive; for an arrow, just after its `=>`.
   */
  readonly at: number;
  readonly members: Unit[];
}

export interface Analysis {
  readonly units: Unit[];
  readonly refs: Reference[];
  readonly containers: Container[];
  /** The innermost unit a reference is made in. */
  unitOf(r: Reference): Unit | null;
  /** The innermost unit around a node (the node itself when it is one). */
  unitAround(node: Node): Unit | null;
  parentOf(node: Node): AnyNode | null;
}

const isNode = (value: unknown): value is AnyNode =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';

export const contains = (outer: Node, inner: Node) => inner.start >= outer.start && inner.end <= outer.end;

const FUNCTIONS = new Set(['ArrowFunctionExpression', 'FunctionExpression', 'FunctionDeclaration']);

function unitKind(node: AnyNode, parent: AnyNode | null): UnitKind | null {
  if (node.type === 'PropertyDefinition') return node.value ? 'field' : null;
  if (!FUNCTIONS.has(node.type)) return null;
  if (node.type === 'FunctionDeclaration') return 'member';
  if (parent?.type === 'MethodDefinition' && parent.value === node) return 'member';
  if (parent?.type === 'Property' && parent.value === node && (parent.method || parent.kind !== 'init'))
    return parent.kind === 'init' && !parent.computed && keyName(parent) !== null && !usesSuper(node.body)
      ? 'method'
      : 'member';
  return 'make';
}

/** Whether a method's body uses `super` (its own, not a nested function's): it must stay that object's method. */
function usesSuper(node: unknown): boolean {
  if (!isNode(node)) return false;
  if (node.type === 'Super') return true;
  if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ClassBody')
    return false;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    if (Array.isArray(value) ? value.some(usesSuper) : usesSuper(value)) return true;
  }
  return false;
}

/** A non-computed key's name (`add`, `"a b"`, `1`), or null. */
export function keyName(prop: AnyNode): string | null {
  if (prop.computed) return null;
  const key = prop.key as AnyNode;
  if (key.type === 'Identifier') return key.name as string;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number'))
    return String(key.value);
  return null;
}

const isArrowBody = (up: AnyNode, at: AnyNode) =>
  up.type === 'ArrowFunctionExpression' && up.expression === true && up.body === at;

/** The units of `program`, parsed from `code` with ranges. */
export function analyze(code: string, program: Node): Analysis {
  const parents = new Map<Node, AnyNode>();
  const units: Unit[] = [];
  const byNode = new Map<Node, Unit>();
  const walk = (node: AnyNode, parent: AnyNode | null, unit: Unit | null): void => {
    if (parent) parents.set(node, parent);
    const kind = unitKind(node, parent);
    let inner = unit;
    if (kind) {
      inner = {
        node,
        kind,
        outer: kind === 'method' ? parent! : node,
        parent: unit,
        depth: unit ? unit.depth + 1 : 0,
        captured: new Map(),
        included: new Set(),
        bodyStart: -1,
        container: null,
      };
      units.push(inner);
      byNode.set(node, inner);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'loc') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) walk(item, node, inner);
      } else if (isNode(value)) walk(value, node, inner);
    }
  };
  walk(program as AnyNode, null, null);

  const refs = collectReferences(program);
  const refUnits = new Map<Reference, Unit | null>();
  for (const r of refs) {
    let innermost: Unit | null = null;
    for (let s: Scope | null = r.scope; s && !innermost; s = s.parent)
      innermost = (s.isFunction && byNode.get(s.node)) || null;
    refUnits.set(r, innermost);
    const declared = declaringScope(r);
    if (!declared) continue;
    const kind = declared.names.get(r.id.name)!;
    for (let s: Scope | null = r.scope; s && s !== declared; s = s.parent) {
      const unit = s.isFunction ? byNode.get(s.node) : undefined;
      if (unit && !unit.captured.has(r.id.name)) unit.captured.set(r.id.name, { kind, scope: declared });
    }
  }
  const unitAround = (node: Node): Unit | null => {
    for (let n: Node | undefined = node; n; n = parents.get(n)) {
      const unit = byNode.get(n);
      if (unit) return unit;
    }
    return null;
  };

  const containers = new Map<Node, Container>();
  for (const unit of units) {
    if (unit.kind !== 'member' && unit.kind !== 'field') continue;
    if (unit.captured.size === 0) continue;
    if (unit.kind === 'member') {
      const body = unit.node.body as AnyNode;
      unit.bodyStart = firstStatement(body, body.end - 1);
    }
    let at: AnyNode = unit.outer;
    let up = parents.get(at) ?? null;
    while (
      up &&
      up.type !== 'Program' &&
      up.type !== 'BlockStatement' &&
      up.type !== 'StaticBlock' &&
      !isArrowBody(up, at)
    ) {
      at = up;
      up = parents.get(at) ?? null;
    }
    if (!up) continue;
    let container = containers.get(up);
    if (!container) {
      const start =
        up.type === 'ArrowFunctionExpression'
          ? code.lastIndexOf('=>', (up.body as AnyNode).start) + 2
          : firstStatement(up, up.end - 1);
      container = { node: up, index: containers.size + 1, at: start, members: [] };
      containers.set(up, container);
    }
    container.members.push(unit);
    unit.container = container;
    // A name declared between the container and the member (a for-head's `let`, a class's own
    // name) is not visible where the holder is made: it stays live.
    for (const [name, capture] of unit.captured) if (contains(capture.scope.node, up)) unit.included.add(name);
  }
  return {
    units,
    refs,
    containers: [...containers.values()],
    unitOf: (r) => refUnits.get(r) ?? null,
    unitAround,
    parentOf: (node) => parents.get(node) ?? null,
  };
}

/** Where the first statement of a list (a body, a block, the program) that is not a directive starts. */
function firstStatement(list: AnyNode, otherwise: number): number {
  const body = list.body as AnyNode[];
  for (const statement of body) if (typeof statement.directive !== 'string') return statement.start;
  return otherwise;
}
