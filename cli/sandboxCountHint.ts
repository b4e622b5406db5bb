/**
 * How many sandbox processes `clusterlab run` starts for a job, read from the job file's text
 * before anything is compiled: a Spark job's module exports a function as default
 * (engine/mapreduce/jobModule.ts readJobModule), and its driver and every one of its tasks run in
 * one sandbox, so a second process would only compete for the cores while the run starts. A
 * MapReduce job (an object, or an array of them) gets the default pool, its map and reduce
 * tasks spread over the processes. Only a hint for speed, read narrowly: a job that keeps no
 * state of its own between calls computes the same with either count (one that counts calls in
 * a module-level variable sees its tasks share a process, or not, as with `--workers`).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `export default` followed by a function: `async (sc, spark) =>` (a parameter list with no
 * parentheses inside, then `=>`, a TypeScript return type allowed), `function`, `sc =>`. Not an
 * object in parentheses, `({ map() {...} })`, which is a MapReduce job.
 */
const DEFAULT_FUNCTION =
  /^[ \t]*export\s+default\s+(?:async\s+)?(?:function\b|\([^()]*\)\s*(?::[^=;{}]*)?=>|[A-Za-z_$][\w$]*\s*=>)/m;

export function exportsDefaultFunction(text: string): boolean {
  return DEFAULT_FUNCTION.test(text);
}

/** The run's options that take a value (cli/runArgs.ts): what follows one is not the job file. */
export const RUN_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  '--put',
  '--nodes',
  '--cluster',
  '--seed',
  '--block-size',
  '--fail-node',
  '--slow-node',
  '--partition-rack',
  '--timeout',
  '--workers',
  '--conf',
  '--lang',
]);

/** The job file named in `clusterlab run`'s arguments, or null. */
export function jobArgument(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (RUN_VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return null;
}

/** How much of the job file the hint reads: a job's `export default` is near its top. */
const HINT_BYTES = 256 * 1024;

/**
 * The pool size for the job at `path` (relative to `cwd`): 1 for a Spark job, else `poolSize`.
 * Reads only a regular file that says its size, and at most HINT_BYTES of it: a FIFO would block
 * the open, and a /proc file that reports no size may never end (cli/localInput.ts tells the
 * learner about those when the run command reads the file).
 */
export function sandboxesFor(path: string | null, cwd: string, poolSize: number): number {
  if (path === null) return poolSize;
  let text: string;
  try {
    const full = resolve(cwd, path);
    const stat = statSync(full);
    if (!stat.isFile() || stat.size === 0) return poolSize;
    const bytes = Buffer.alloc(Math.min(stat.size, HINT_BYTES));
    const fd = openSync(full, 'r');
    try {
      text = bytes.toString('utf8', 0, readSync(fd, bytes, 0, bytes.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return poolSize;
  }
  return exportsDefaultFunction(text) ? 1 : poolSize;
}
