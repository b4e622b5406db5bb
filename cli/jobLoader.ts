/**
 * Loads a learner's job file from any folder: TypeScript or JavaScript, compiled with sucrase
 * (types stripped, `export default` turned into `exports.default`) with line numbers preserved,
 * so errors raised in the sandbox point at the learner's own lines, and loops guarded
 * (engine/sandbox/compile, the same compile as the app's).
 */
import { relative, resolve } from 'node:path';
import type { JobSource } from '../engine/sandbox';
import { JobCompileError, compileJobSource } from '../engine/sandbox/compile';
import { UsageError } from './cliIo';
import { readLocalText } from './localInput';

export function compileJob(text: string, fileName: string): JobSource {
  try {
    return compileJobSource(text, fileName);
  } catch (error) {
    if (error instanceof JobCompileError) throw new UsageError(error.message);
    throw error;
  }
}

export function loadJobFile(path: string, cwd: string): JobSource {
  const full = resolve(cwd, path);
  const text = readLocalText(full, `job file ${path}`, `job file not found: ${path}`);
  // Errors name the file as the user typed it (relative to cwd), which keeps stdout stable.
  const shown = relative(cwd, full) || path;
  return compileJob(text, shown.startsWith('..') ? full : shown);
}
