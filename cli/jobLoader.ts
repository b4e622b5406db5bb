/**
 * Loads a learner's job file from any folder: TypeScript or JavaScript, compiled with sucrase
 * (types stripped, `export default` turned into `exports.default`) with line numbers preserved,
 * so errors raised in the sandbox point at the learner's own lines, and loops guarded
 * (engine/sandbox/compile, the same compile as the app's). A plain JavaScript job with one
 * `export default` compiles to the same code without sucrase, which is then never loaded
 * (engine/sandbox/compile/plain: 60 ms of a run's start).
 */
import { relative, resolve } from 'node:path';
import type { JobSource } from '../engine/sandbox';
import { JobCompileError, compilePlainJob } from '../engine/sandbox/compile/plain';
import { UsageError } from './cliIo';
import { readLocalText } from './localInput';

export async function compileJob(text: string, fileName: string): Promise<JobSource> {
  try {
    return (
      compilePlainJob(text, fileName) ?? (await import('../engine/sandbox/compile')).compileWithSucrase(text, fileName)
    );
  } catch (error) {
    if (error instanceof JobCompileError) throw new UsageError(error.message);
    throw error;
  }
}

export async function loadJobFile(path: string, cwd: string): Promise<JobSource> {
  const full = resolve(cwd, path);
  const text = readLocalText(full, `job file ${path}`, `job file not found: ${path}`);
  // Errors name the file as the user typed it (relative to cwd), which keeps stdout stable.
  const shown = relative(cwd, full) || path;
  return compileJob(text, shown.startsWith('..') ? full : shown);
}
