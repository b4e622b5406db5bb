/**
 * A pack's code checked when the pack opens, not when a learner runs a step: every step's starter
 * and solution, data.js and checks.js go through the compiler the sandbox uses (a syntax error is
 * the teacher's, named with file:line:column), and every function lab.json names (a dataset's
 * `generate`, a script check's `function`) must be one its file exports. Otherwise a broken pack
 * would open and the learner would be blamed for it ("the job did not compile").
 */
import { parse, type Node } from 'acorn';
import { compileJobSource, JobCompileError } from '../../engine/sandbox/compile';
import { PackError } from './packError';

/** Compiles `text` as the sandbox would; a PackError naming `file`, line and column if it does not compile. */
export function compilePackFile(text: string, file: string): string {
  try {
    return compileJobSource(text, file).code;
  } catch (error) {
    if (!(error instanceof JobCompileError)) throw error;
    // sucrase ends its detail with "(line:column)"; acorn's is stripped, so its column is unknown.
    const at = /\s*\((\d+):(\d+)\)$/.exec(error.detail);
    const detail = at ? error.detail.slice(0, at.index) : error.detail;
    throw new PackError(
      file,
      '',
      `${error.errorName}: ${detail}: the pack's code must compile (fix it before giving the pack out)`,
      error.line,
      at ? Number(at[2]) : null,
    );
  }
}

/**
 * The names a compiled module (sucrase's CommonJS: `exports.name = ...`) exports, sorted. Read from
 * the assignments to `exports.x` in its parse, so nothing of the pack runs here.
 */
export function exportedNames(compiled: string): string[] {
  const names = new Set<string>();
  const target = (node: Node | null | undefined): void => {
    if (!node) return;
    const n = node as Node & Record<string, unknown>;
    if (n.type === 'MemberExpression') {
      const object = n.object as Node & { name?: string };
      const property = n.property as Node & { name?: string; value?: unknown };
      if (object.type !== 'Identifier' || object.name !== 'exports') return;
      const name = n.computed ? property.value : property.name;
      if (typeof name === 'string' && name !== 'default' && name !== '__esModule') names.add(name);
    } else if (n.type === 'ArrayPattern') for (const e of n.elements as (Node | null)[]) target(e);
    else if (n.type === 'ObjectPattern')
      for (const p of n.properties as (Node & { value?: Node; argument?: Node })[]) target(p.value ?? p.argument);
    else if (n.type === 'AssignmentPattern' || n.type === 'RestElement') target((n.left ?? n.argument) as Node);
  };
  // Only assignments the module makes when it loads (its top-level statements, as sucrase writes
  // them): `exports.x = 1` inside a function nobody calls exports nothing.
  const program = parse(compiled, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true });
  const assigned = (expression: Node): void => {
    const e = expression as Node & { left?: Node; right?: Node; expressions?: Node[] };
    if (e.type === 'AssignmentExpression') {
      target(e.left);
      assigned(e.right!); // exports.a = exports.b = ...
    } else if (e.type === 'SequenceExpression') for (const x of e.expressions!) assigned(x);
  };
  for (const statement of (program as Node & { body: Node[] }).body)
    if (statement.type === 'ExpressionStatement') assigned((statement as Node & { expression: Node }).expression);
  return [...names].sort();
}

/** A function lab.json names, where (`datasets[0].generate`) and in which file it must be exported. */
export interface NamedFunction {
  field: string;
  name: string;
}

/**
 * Throws a PackError for the first of `wanted` that `file` (compiled as `compiled`) does not
 * export; `position` gives the field's line and column in lab.json.
 */
export function requireExports(
  compiled: string,
  file: string,
  labFile: string,
  wanted: readonly NamedFunction[],
  position: (field: string) => { line: number; column: number } | null,
): void {
  const names = exportedNames(compiled);
  for (const w of wanted) {
    if (names.includes(w.name)) continue;
    const at = position(w.field);
    const has = names.length === 0 ? 'it exports nothing' : `it exports ${names.join(', ')}`;
    throw new PackError(
      labFile,
      w.field,
      `names ${w.name}(), which ${file} does not export (${has}): write \`export function ${w.name}(...)\` there or fix the name`,
      at?.line ?? null,
      at?.column ?? null,
    );
  }
}
