/**
 * engine/sandbox/compile/plain: the compiler without sucrase, an entry of its own so that the CLI
 * loads sucrase's 700 KB only for a job that needs it (TypeScript, imports, named exports); a
 * plain JavaScript job with one `export default` compiles to the same code without it.
 */
export { compilePlainJob } from './compilePlainJob';
export { JobCompileError } from './jobCompileError';
