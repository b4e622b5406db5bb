/**
 * Compiles a learner's job text to the JobSource the sandbox loads: sucrase strips TypeScript
 * types and turns `export default` into `exports.default`, keeping line numbers; then every loop
 * gets a guard (`LOOP_GUARD(line);` at the top of its body, see engine/sandbox/loopGuard.ts) so
 * a runaway loop is stopped with its line (jobSourceFromCode.ts). A job of plain JavaScript whose
 * one export is `export default <expression>` gets the same code without sucrase
 * (compilePlainJob.ts). Pure JavaScript, so it runs in a Web Worker as well as in Node.
 */
import { transform } from 'sucrase';
import type { JobSource } from '../contract/taskRunner';
import { MAY_EXPORT_SEVERAL, splitExportedDeclarators } from './exportedDeclarators';
import { JobCompileError } from './jobCompileError';
import { jobSourceFromCode } from './jobSourceFromCode';
import { compilePlainJob } from './compilePlainJob';
import { hashbangAsComment } from './hashbangAsComment';

export { JobCompileError } from './jobCompileError';
export { guardLoops } from './jobSourceFromCode';

export function compileJobSource(text: string, fileName: string): JobSource {
  return compilePlainJob(text, fileName) ?? compileWithSucrase(text, fileName);
}

/** compileJobSource for a job compilePlainJob has already left to sucrase (the CLI's, cli/jobLoader.ts). */
export function compileWithSucrase(text: string, fileName: string): JobSource {
  const source = hashbangAsComment(text);
  let code: string;
  try {
    // Modern syntax (`?.`, `??`, class fields) is kept as written: the sandboxes run ES2022, and
    // the Spark closure transform must see `rdd?.map(x => ...)` as the call it is.
    const options = { filePath: fileName, disableESTransforms: true };
    if (MAY_EXPORT_SEVERAL.test(text)) {
      // Types stripped first, then `export const a = 1, b = 2` split, then CommonJS.
      const stripped = transform(source, { ...options, transforms: ['typescript'] }).code;
      code = transform(splitExportedDeclarators(stripped), { ...options, transforms: ['imports'] }).code;
    } else code = transform(source, { ...options, transforms: ['typescript', 'imports'] }).code;
  } catch (error) {
    const e = error as { message?: string; loc?: { line: number } };
    throw new JobCompileError(
      fileName,
      e.loc ? e.loc.line : null,
      (e.message ?? String(error)).replace(/^Error transforming [^:]*: /, ''),
    );
  }
  return jobSourceFromCode(code, text, fileName);
}
