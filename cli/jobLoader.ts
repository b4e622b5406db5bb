/**
 * Loads a learner's job file from any folder: TypeScript or JavaScript, compiled with sucrase
 * (types stripped, `export default` turned into `exports.default`) with line numbers preserved,
 * so errors raised in the sandbox point at the learner's own lines.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { transform } from 'sucrase';
import { UsageError } from './cliIo';
import { didYouMean } from './missingFile';
import type { JobSource } from '../engine/sandbox/taskRunner';

export function compileJob(text: string, fileName: string): JobSource {
  try {
    const code = transform(text, { transforms: ['typescript', 'imports'], filePath: fileName }).code;
    return { fileName, code };
  } catch (error) {
    const e = error as { message?: string; loc?: { line: number } };
    const line = e.loc ? `:${e.loc.line}` : '';
    throw new UsageError(
      `${fileName}${line}: SyntaxError: ${(e.message ?? String(error)).replace(/^Error transforming [^:]*: /, '')}`,
    );
  }
}

export function loadJobFile(path: string, cwd: string): JobSource {
  const full = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch {
    throw new UsageError(`job file not found: ${path}${didYouMean(full)}`);
  }
  // Errors name the file as the user typed it (relative to cwd), which keeps stdout stable.
  const shown = relative(cwd, full) || path;
  return compileJob(text, shown.startsWith('..') ? full : shown);
}
