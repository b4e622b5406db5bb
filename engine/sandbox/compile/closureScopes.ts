/**
 * A small scope analysis of a parsed job file (acorn's ESTree), enough to tell, for every
 * identifier that reads or writes a variable, which scope declared that variable: the program's,
 * a function's, a block's, or none (a global such as `console` or `Math`). Spark's closures are
 * rewritten from it (sparkClosures.ts): a name a closure uses but does not declare itself is
 * captured from the driver. Strict-mode JavaScript (sucrase's output is a strict module):
 * `var` belongs to its function, `let`, `const`, `class` and function declarations to their block.
 */
import type { Node } from 'acorn';

export interface Scope {
  readonly parent: Scope | null;
  /** The node that opened it (the Program, a function, a block, a class...). */
  readonly node: Node;
  /** Whether `var` declarations stop here (a function or the program). */
  readonly isFunction: boolean;
  /** Declared names with their kind: `const` (and a class expression's own name) cannot be assigned. */
  readonly names: Map<string, 'const' | 'mutable'>;
  /** Names bound to a function literal here: `function f() {}`, `const f = (x) => ...`. */
  readonly functions: Map<string, Node>;
}

/** An identifier that reads or writes a variable. */
export interface Reference {
  readonly id: Node & { name: string };
  readonly scope: Scope;
  /** `{ n }` or `({ n } = o)`: the identifier is also the property's key. */
  readonly shorthand: boolean;
  /** `n(...)` or a tag `` n`...` ``: called without a receiver. */
  readonly callee: boolean;
}

type AnyNode = Node & Record<string, unknown>;

const child = (node: Node, key: string): AnyNode | null => {
  const value = (node as AnyNode)[key];
  return isNode(value) ? (value as AnyNode) : null;
};
const children = (node: Node, key: string): (AnyNode | null)[] => {
  const value = (node as AnyNode)[key];
  return Array.isArray(value) ? value.map((x) => (isNode(x) ? (x as AnyNode) : null)) : [];
};

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Every variable reference of `program`, each with the scope it was made in. */
export function collectReferences(program: Node): Reference[] {
  const refs: Reference[] = [];
  const newScope = (parent: Scope | null, node: Node, isFunction: boolean): Scope => ({
    parent,
    node,
    isFunction,
    names: new Map(),
    functions: new Map(),
  });
  const functionScopeOf = (scope: Scope): Scope => {
    let s = scope;
    while (!s.isFunction && s.parent) s = s.parent;
    return s;
  };
  const ref = (id: AnyNode, scope: Scope, shorthand = false, callee = false) =>
    refs.push({ id: id as unknown as Node & { name: string }, scope, shorthand, callee });

  /** A binding pattern of a declaration (`const { a, b: [c] = d } = ...`). */
  const declare = (pattern: AnyNode | null, scope: Scope, kind: 'const' | 'mutable', init: Scope): void => {
    if (!pattern) return;
    switch (pattern.type) {
      case 'Identifier':
        scope.names.set(pattern.name as string, kind);
        return;
      case 'ObjectPattern':
        for (const p of children(pattern, 'properties')) {
          if (!p) continue;
          if (p.type === 'RestElement') declare(child(p, 'argument'), scope, kind, init);
          else {
            if (p.computed) visit(child(p, 'key'), init);
            declare(child(p, 'value'), scope, kind, init);
          }
        }
        return;
      case 'ArrayPattern':
        for (const e of children(pattern, 'elements')) declare(e, scope, kind, init);
        return;
      case 'RestElement':
        declare(child(pattern, 'argument'), scope, kind, init);
        return;
      case 'AssignmentPattern':
        declare(child(pattern, 'left'), scope, kind, init);
        visit(child(pattern, 'right'), init);
        return;
      default:
        visit(pattern, init);
    }
  };

  /** The target of an assignment (`n = 1`, `[a, b] = ...`, `({ n } = o)`, `n++`, `for (n of xs)`). */
  const assign = (target: AnyNode | null, scope: Scope): void => {
    if (!target) return;
    switch (target.type) {
      case 'Identifier':
        ref(target, scope);
        return;
      case 'ObjectPattern':
        for (const p of children(target, 'properties')) {
          if (!p) continue;
          if (p.type === 'RestElement') {
            assign(child(p, 'argument'), scope);
            continue;
          }
          if (p.computed) visit(child(p, 'key'), scope);
          const value = child(p, 'value');
          if (p.shorthand && value?.type === 'Identifier') ref(value, scope, true);
          else if (p.shorthand && value?.type === 'AssignmentPattern' && child(value, 'left')?.type === 'Identifier') {
            ref(child(value, 'left')!, scope, true);
            visit(child(value, 'right'), scope);
          } else assign(value, scope);
        }
        return;
      case 'ArrayPattern':
        for (const e of children(target, 'elements')) assign(e, scope);
        return;
      case 'RestElement':
        assign(child(target, 'argument'), scope);
        return;
      case 'AssignmentPattern':
        assign(child(target, 'left'), scope);
        visit(child(target, 'right'), scope);
        return;
      default:
        visit(target, scope); // a member expression, or a parenthesized one
    }
  };

  const visitFunction = (fn: AnyNode, scope: Scope): void => {
    const id = child(fn, 'id');
    if (fn.type === 'FunctionDeclaration' && id) {
      scope.names.set(id.name as string, 'mutable');
      scope.functions.set(id.name as string, fn);
    }
    const fs = newScope(scope, fn, true);
    if (fn.type === 'FunctionExpression' && id) fs.names.set(id.name as string, 'const');
    for (const p of children(fn, 'params')) declare(p, fs, 'mutable', fs);
    const body = child(fn, 'body');
    if (body?.type === 'BlockStatement') visitAll(children(body, 'body'), fs);
    else visit(body, fs);
  };

  const visitClass = (cls: AnyNode, scope: Scope): void => {
    const id = child(cls, 'id');
    if (cls.type === 'ClassDeclaration' && id) scope.names.set(id.name as string, 'mutable');
    visit(child(cls, 'superClass'), scope);
    const cs = newScope(scope, cls, false);
    if (cls.type === 'ClassExpression' && id) cs.names.set(id.name as string, 'const');
    for (const member of children(child(cls, 'body')!, 'body')) {
      if (!member) continue;
      if (member.computed) visit(child(member, 'key'), cs);
      const value = child(member, 'value');
      if (member.type === 'MethodDefinition' && value) visitFunction(value, cs);
      else if (member.type === 'PropertyDefinition') visit(value, newScope(cs, member, true));
      else if (member.type === 'StaticBlock') visitAll(children(member, 'body'), newScope(cs, member, true));
    }
  };

  const visitAll = (nodes: (AnyNode | null)[], scope: Scope) => {
    for (const n of nodes) visit(n, scope);
  };

  function visit(node: AnyNode | null, scope: Scope): void {
    if (!node) return;
    switch (node.type) {
      case 'Identifier':
        ref(node, scope);
        return;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        visitFunction(node, scope);
        return;
      case 'ClassDeclaration':
      case 'ClassExpression':
        visitClass(node, scope);
        return;
      case 'VariableDeclaration': {
        const kind = node.kind === 'const' ? 'const' : 'mutable';
        const target = node.kind === 'var' ? functionScopeOf(scope) : scope;
        for (const d of children(node, 'declarations')) {
          if (!d) continue;
          const id = child(d, 'id');
          const init = child(d, 'init');
          declare(id, target, kind, scope);
          if (
            id?.type === 'Identifier' &&
            (init?.type === 'ArrowFunctionExpression' || init?.type === 'FunctionExpression')
          )
            target.functions.set(id.name as string, init);
          visit(init, scope);
        }
        return;
      }
      case 'BlockStatement':
        visitAll(children(node, 'body'), newScope(scope, node, false));
        return;
      case 'ForStatement': {
        const fs = newScope(scope, node, false);
        for (const key of ['init', 'test', 'update', 'body']) visit(child(node, key), fs);
        return;
      }
      case 'ForInStatement':
      case 'ForOfStatement': {
        const fs = newScope(scope, node, false);
        const left = child(node, 'left');
        if (left?.type === 'VariableDeclaration') visit(left, fs);
        else assign(left, fs);
        visit(child(node, 'right'), fs);
        visit(child(node, 'body'), fs);
        return;
      }
      case 'CatchClause': {
        const cs = newScope(scope, node, false);
        declare(child(node, 'param'), cs, 'mutable', cs);
        visit(child(node, 'body'), cs);
        return;
      }
      case 'SwitchStatement': {
        visit(child(node, 'discriminant'), scope);
        const ss = newScope(scope, node, false);
        for (const c of children(node, 'cases')) {
          if (!c) continue;
          visit(child(c, 'test'), ss);
          visitAll(children(c, 'consequent'), ss);
        }
        return;
      }
      case 'AssignmentExpression':
        assign(child(node, 'left'), scope);
        visit(child(node, 'right'), scope);
        return;
      case 'UpdateExpression':
        assign(child(node, 'argument'), scope);
        return;
      case 'CallExpression':
      case 'NewExpression': {
        const callee = child(node, 'callee');
        if (node.type === 'CallExpression' && callee?.type === 'Identifier') ref(callee, scope, false, true);
        else visit(callee, scope);
        visitAll(children(node, 'arguments'), scope);
        return;
      }
      case 'TaggedTemplateExpression': {
        const tag = child(node, 'tag');
        if (tag?.type === 'Identifier') ref(tag, scope, false, true);
        else visit(tag, scope);
        visit(child(node, 'quasi'), scope);
        return;
      }
      case 'MemberExpression':
        visit(child(node, 'object'), scope);
        if (node.computed) visit(child(node, 'property'), scope);
        return;
      case 'Property': {
        if (node.computed) visit(child(node, 'key'), scope);
        const value = child(node, 'value');
        if (node.shorthand && value?.type === 'Identifier') ref(value, scope, true);
        else visit(value, scope);
        return;
      }
      case 'LabeledStatement':
        visit(child(node, 'body'), scope);
        return;
      case 'BreakStatement':
      case 'ContinueStatement':
      case 'MetaProperty':
      case 'PrivateIdentifier':
      case 'Literal':
      case 'TemplateElement':
      case 'ThisExpression':
      case 'Super':
        return;
      default:
        for (const [key, value] of Object.entries(node)) {
          if (key === 'loc') continue;
          if (Array.isArray(value)) {
            for (const item of value) if (isNode(item)) visit(item as AnyNode, scope);
          } else if (isNode(value)) visit(value as AnyNode, scope);
        }
    }
  }

  const top = newScope(null, program, true);
  visitAll(children(program, 'body'), top);
  return refs;
}

/** The scope that declares the reference's name, or null for a global. */
export function declaringScope(r: Reference): Scope | null {
  for (let s: Scope | null = r.scope; s; s = s.parent) if (s.names.has(r.id.name)) return s;
  return null;
}
