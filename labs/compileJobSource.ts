/**
 * Compiles a learner's job text to the JobSource the sandbox loads: sucrase strips TypeScript
 * types and turns `export default` into `exports.default`, keeping line numbers, exactly as the
 * CLI's job loader does. Pure JavaScript, so it runs in a Web Worker as well as in Node.
 */
import { transform } from 'sucrase';
import type { JobSource } from '../engine/sandbox/taskRunner';

/** The job text does not compile; names the file and line. */
export class JobCompileError extends Error {
  override name = 'JobCompileError';
  constructor(
    readonly fileName: string,
    readonly line: number | null,
    readonly detail: string,
  ) {
    super(`${fileName}${line === null ? '' : `:${line}`}: SyntaxError: ${detail}`);
  }
}

export function compileJobSource(text: string, fileName: string): JobSource {
  try {
    const code = transform(text, { transforms: ['typescript', 'imports'], filePath: fileName }).code;
    return { fileName, code };
  } catch (error) {
    const e = error as { message?: string; loc?: { line: number } };
    throw new JobCompileError(
      fileName,
      e.loc ? e.loc.line : null,
      (e.message ?? String(error)).replace(/^Error transforming [^:]*: /, ''),
    );
  }
}
