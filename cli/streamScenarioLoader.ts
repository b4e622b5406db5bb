/**
 * Loads a learner's streaming scenario file (JS or TS with `export default { ... }`) safely:
 * sucrase strips the types and turns the export into `exports.default` (keeping line numbers),
 * and the code runs in a sealed `vm` context (cli/sealedRealm.ts, as job files do) that has no
 * require, no process, no imports and no code generation from strings.
 * Errors name the file and, where there is one, the line.
 */
import { basename, extname, resolve } from 'node:path';
import vm from 'node:vm';
import { transform } from 'sucrase';
import { UsageError } from './cliIo';
import { didYouMean } from './missingFile';
import { readLocalText } from './localInput';
import { createSealedContext } from './sealedRealm';
import { createHeapCheck } from './heapGuard';
import { consoleLine, LOOP_GUARD } from '../engine/sandbox';
import { guardLoops } from '../engine/sandbox/compile';

/** How long the file's top level may run (it only builds the scenario object). */
const LOAD_LIMIT_MS = 2000;

export interface LoadedScenario {
  /** The file name as errors show it, e.g. `car-gps.js`. */
  file: string;
  /** The default export, not yet validated. */
  raw: unknown;
}

/** The `file:line` of the first stack frame inside the scenario file, if any. */
export function scenarioLine(error: unknown, file: string): number | undefined {
  let stack = '';
  try {
    const s = typeof error === 'object' && error !== null ? (error as { stack?: unknown }).stack : undefined;
    if (typeof s === 'string') stack = s;
  } catch {
    // a thrown object whose stack getter throws has no line to show
  }
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${escaped}:(\\d+)`).exec(stack);
  return m ? Number(m[1]) : undefined;
}

/** What was thrown, as text; never throws (a hostile getter or Proxy included). */
export function thrownText(error: unknown): string {
  try {
    if (typeof error === 'object' && error !== null) {
      const m = (error as { message?: unknown }).message;
      return typeof m === 'string' ? m : 'an object that is not an Error';
    }
    return typeof error === 'function' ? 'a function' : String(error);
  } catch {
    return 'a value that cannot be shown';
  }
}
const message = thrownText;

/** Reads, compiles and evaluates a scenario file; `log` receives the file's console output. */
export function loadScenarioFile(path: string, cwd: string, log: (text: string) => void): LoadedScenario {
  const full = resolve(cwd, path);
  const file = basename(full);
  const ext = extname(file);
  if (!['.js', '.mjs', '.ts'].includes(ext))
    throw new UsageError(`${file}: a scenario file must end in .js, .mjs or .ts`);
  let source: string;
  try {
    // A regular file of at most 4 MB (a FIFO or a device would hang or fill memory).
    source = readLocalText(full, file, `${file}: cannot read ${full} (ENOENT)`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(
      `${file}: cannot read ${full} (${(e as NodeJS.ErrnoException).code ?? message(e)})${didYouMean(full)}`,
    );
  }
  let code: string;
  try {
    code = transform(source, {
      transforms: ext === '.ts' ? ['typescript', 'imports'] : ['imports'],
      filePath: file,
    }).code;
    // Every loop calls a guard: here it only looks at the heap (the parent's budget ends endless loops).
    code = guardLoops(code, file);
  } catch (e) {
    throw new UsageError(`${file}: syntax error: ${message(e)}`);
  }
  const exportsObject: Record<string, unknown> = {};
  // The same text as a job's console line (engine/sandbox/consoleShim.ts): never throws.
  const say = (...args: unknown[]): void => log(`${consoleLine(args)}\n`);
  const context = createSealedContext({
    exports: exportsObject,
    module: { exports: exportsObject },
    console: { log: say, info: say, warn: say, error: say },
    [LOOP_GUARD]: createHeapCheck(),
  });
  try {
    new vm.Script(code, { filename: file }).runInContext(context, { timeout: LOAD_LIMIT_MS });
  } catch (e) {
    const line = scenarioLine(e, file);
    const text = message(e);
    if (/^Script execution timed out/.test(text))
      throw new UsageError(
        `${file}: the top level of the file ran longer than ${LOAD_LIMIT_MS / 1000} s (an endless loop?); it should only describe the scenario`,
      );
    if (/require is not defined/.test(text))
      throw new UsageError(
        `${file}${line ? `:${line}` : ''}: scenario files cannot import modules; write everything in the file`,
      );
    throw new UsageError(`${file}${line ? `:${line}` : ''}: ${text}`);
  }
  const raw = exportsObject.default;
  if (raw === undefined) throw new UsageError(`${file}: must have \`export default { ... }\` (the scenario)`);
  return { file, raw };
}
