/**
 * How many sandbox processes `clusterlab run` starts for a job, read from the job file's text
 * before anything is compiled: a Spark job's module exports a function as default
 * (engine/mapreduce/jobModule.ts readJobModule), and its driver and every one of its tasks run in
 * one sandbox, so a second process would only compete for the cores while the run starts. A
 * MapReduce job (an object, or an array of them) gets the default pool, its map and reduce
 * tasks spread over the processes. Only a hint for speed: a job read wrongly gets the other
 * count, and the same results (a pool's size never changes what a run computes).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** `export default` followed by a function: `async (sc) =>`, `function`, `sc =>`. */
const DEFAULT_FUNCTION = /^[ \t]*export\s+default\s+(?:async\s+)?(?:function\b|\(|[A-Za-z_$][\w$]*\s*=>)/m;

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
  '--timeout',
  '--workers',
  '--conf',
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

/** The pool size for the job at `path` (relative to `cwd`): 1 for a Spark job, else `poolSize`. */
export function sandboxesFor(path: string | null, cwd: string, poolSize: number): number {
  if (path === null) return poolSize;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), 'utf8');
  } catch {
    return poolSize; // told properly by the run command, which reads it again
  }
  return exportsDefaultFunction(text) ? 1 : poolSize;
}
