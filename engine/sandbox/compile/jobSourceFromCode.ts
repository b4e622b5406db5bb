/**
 * What a job's code becomes once it is a script (CommonJS, types gone): its modules checked, Spark's
 * closures wrapped, its loops guarded. The part of compiling that needs acorn only, not sucrase,
 * shared by compileJobSource.ts and compilePlainJob.ts.
 */
import type { Node } from 'acorn';
import { LOOP_GUARD } from '../loopGuard';
import type { JobSource } from '../contract/taskRunner';
import { wrapSparkClosures } from './sparkClosures';
import { JobCompileError } from './jobCompileError';
import { fastSplits } from './fastSplits';
import { parseJob, visit } from './jobAst';

/** `code` (a script compiled from the learner's `text`) as the JobSource a sandbox loads. */
export function jobSourceFromCode(code: string, text: string, fileName: string): JobSource {
  const ast = parseJob(code, fileName);
  const modules = importedModules(ast, fileName);
  // An import TypeScript drops as unused (only its types used, or nothing) still marks a
  // streaming program when it names 'kafkajs'.
  if (!modules.includes('kafkajs') && KAFKAJS_IMPORT.test(text)) modules.push('kafkajs');
  // Spark's closures read their captured variables through a copy in each task (sparkClosures.ts).
  const wrapped = wrapSparkClosures(code, ast);
  // `text.split(/re/)` calls a helper that keeps V8's fast path (engine/sandbox/regexpSplit.ts).
  return {
    fileName,
    code: guardLoops(fastSplits(wrapped, fileName), fileName),
    ...(modules.length > 0 ? { modules } : {}),
  };
}

/** `import ... from 'kafkajs'` or `require('kafkajs')` anywhere in the text. */
const KAFKAJS_IMPORT = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*)['"]kafkajs['"]/;

/** The modules there are for a job to import: ClusterLab's KafkaJS. */
const MODULES: ReadonlySet<string> = new Set(['kafkajs']);

/**
 * The modules `ast` (sucrase's output: imports are `require('name')` calls, those TypeScript
 * keeps: an import used only for its types is gone) imports, in order; an import of any other
 * module is a JobCompileError at its line.
 */
function importedModules(ast: Node, fileName: string): string[] {
  const found: string[] = [];
  visit(ast, (node) => {
    if (node.type !== 'CallExpression') return;
    const call = node as Node & { callee: Node & { name?: string }; arguments: (Node & { value?: unknown })[] };
    const arg = call.arguments[0];
    if (call.callee.type !== 'Identifier' || call.callee.name !== 'require' || arg?.type !== 'Literal') return;
    if (typeof arg.value !== 'string') return;
    if (!MODULES.has(arg.value))
      throw new JobCompileError(
        fileName,
        (node as Node & { loc: { start: { line: number } } }).loc.start.line,
        `Cannot find module '${arg.value.slice(0, 100)}': a job can import only 'kafkajs' (in a streaming program); what a job reads comes from HDFS or from its arguments`,
        'Error',
      );
    if (!found.includes(arg.value)) found.push(arg.value);
  });
  return found;
}

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

type LoopNode = Node & { body: Node; loc: { start: { line: number } } };

/**
 * Puts `LOOP_GUARD(line);` first in every loop body of `code` (plain JavaScript), and
 * `LOOP_GUARD(-line);` before the loop (each entry into it).
 */
export function guardLoops(code: string, fileName: string): string {
  const ast = parseJob(code, fileName);
  const inserts: { at: number; text: string }[] = [];
  // Where each loop statement starts with its labels (`outer: for ...`): the entry mark goes
  // before the labels, so `continue outer` still names a loop.
  const labelled = new Map<Node, number>();
  visit(ast, (node) => {
    if (node.type === 'LabeledStatement' && !labelled.has(node)) {
      let inner = (node as Node & { body: Node }).body;
      while (inner.type === 'LabeledStatement') {
        labelled.set(inner, node.start);
        inner = (inner as Node & { body: Node }).body;
      }
      if (LOOPS.has(inner.type)) labelled.set(inner, node.start);
    }
    if (!LOOPS.has(node.type)) return;
    const loop = node as LoopNode;
    const guard = `${LOOP_GUARD}(${loop.loc.start.line});`;
    // Each entry into the loop: `{LOOP_GUARD(-line); for (...) ...}` (a block is a statement
    // wherever the loop was one).
    const start = labelled.get(loop) ?? loop.start;
    inserts.push({ at: start, text: `{${LOOP_GUARD}(-${loop.loc.start.line});` }, { at: loop.end, text: '}' });
    const body = loop.body;
    if (body.type === 'BlockStatement') inserts.push({ at: body.start + 1, text: guard });
    else inserts.push({ at: body.start, text: `{${guard}` }, { at: body.end, text: '}' });
  });
  // Later positions first, so earlier offsets stay valid; at one position, the order of the list.
  const ordered = inserts.map((x, i) => ({ ...x, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  let out = code;
  for (const x of ordered) out = out.slice(0, x.at) + x.text + out.slice(x.at);
  return out;
}
