/**
 * Rewrites each `x.split(/re/...)` of compiled job code (a call of a property named `split` whose
 * first argument is a regular expression literal) into `__clusterlabSplit(x, "x", "/re/")(/re/...)`: the
 * helper (engine/sandbox/regexpSplit.ts) reads `x.split` as the call would, then splits on V8's
 * fast path where the call is String.prototype.split with that literal. The order of evaluation is
 * the call's (the receiver, its `split`, then the arguments), and every line keeps its number.
 * Left as they are: calls in an optional chain (`x?.split(...)`, `a?.b.split(...)`,
 * `x.split?.(...)`), `x['split'](...)`, `super.split(...)`, a spread argument, and any other first
 * argument.
 */
import type { Node } from 'acorn';
import { SPLIT_CALL } from '../regexpSplit';
import { parseJob, visit } from './jobAst';

type Call = Node & {
  callee: Node & { computed?: boolean; optional?: boolean; object?: Node; property?: Node & { name?: string } };
  arguments: (Node & { regex?: unknown })[];
  optional?: boolean;
};

/** The receiver's text in the helper's error ("x.split is not a function"), at most this long. */
const MAX_TEXT = 60;

export function fastSplits(code: string, fileName: string): string {
  const ast = parseJob(code, fileName);
  const edits: { from: number; to: number; text: string }[] = [];
  // Calls in an optional chain (`a?.b.split(/x/)`): taking the receiver out would end the chain's
  // short-circuit. A chain is visited before the calls in it.
  const chained = new Set<Node>();
  visit(ast, (node) => {
    if (node.type === 'ChainExpression') markChain((node as Node & { expression: Node }).expression, chained);
    if (node.type !== 'CallExpression' || chained.has(node)) return;
    const call = node as Call;
    const { callee } = call;
    const first = call.arguments[0];
    if (call.optional || callee.type !== 'MemberExpression' || callee.computed || callee.optional) return;
    if (callee.property?.type !== 'Identifier' || callee.property.name !== 'split') return;
    if (callee.object === undefined || callee.object.type === 'Super') return;
    if (first?.type !== 'Literal' || first.regex === undefined) return;
    if (call.arguments.some((a) => a.type === 'SpreadElement')) return;
    const object = callee.object;
    const dot = dotAfter(code, object.end);
    if (dot < 0 || dot > callee.property.start) return;
    const text = code.slice(object.start, object.end).replace(/\s+/g, ' ');
    const name = JSON.stringify(text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);
    // The callee's own start (before any parenthesis around the receiver) opens the helper's call;
    // `.split` becomes the receiver's text argument and the closing parenthesis, newlines kept.
    // A space first: `return(x).split(...)` must not become one word with the helper's name.
    edits.push({ from: callee.start, to: callee.start, text: ` ${SPLIT_CALL}(` });
    const newlines = code.slice(dot, callee.property.end).replace(/[^\r\n\u2028\u2029]/g, '');
    const literal = JSON.stringify(code.slice(first.start, first.end));
    edits.push({ from: dot, to: callee.property.end, text: `, ${name}, ${literal})${newlines}` });
  });
  // Later positions first, so earlier offsets stay valid; at one position, the later edit first.
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.from - a.from || b.i - a.i);
  let out = code;
  for (const e of ordered) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

/** Every call and member access of a chain's links (`a?.b.c(x).split`): callee and object, down. */
function markChain(node: Node, into: Set<Node>): void {
  let n: (Node & { callee?: Node; object?: Node }) | undefined = node;
  while (n !== undefined && (n.type === 'CallExpression' || n.type === 'MemberExpression')) {
    into.add(n);
    n = n.type === 'CallExpression' ? n.callee : n.object;
  }
}

/**
 * Where the member access's `.` is, after the receiver's end: past closing parentheses of the
 * receiver, white space and comments; -1 if something else comes first.
 */
function dotAfter(code: string, from: number): number {
  let i = from;
  while (i < code.length) {
    const c = code[i]!;
    if (c === '.') return i;
    if (c === ')' || /\s/.test(c)) i++;
    else if (code.startsWith('/*', i)) {
      const end = code.indexOf('*/', i + 2);
      if (end < 0) return -1;
      i = end + 2;
    } else if (code.startsWith('//', i)) {
      const end = code.indexOf('\n', i);
      if (end < 0) return -1;
      i = end;
    } else return -1;
  }
  return -1;
}
