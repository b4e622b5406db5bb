/**
 * engine/sandbox/compile: compiling a learner's job text to the JobSource a sandbox loads (sucrase
 * strips TypeScript types, acorn places the loop guards and the split helper's calls). An entry of its own so that sandbox
 * workers, which only run compiled code, do not carry the compiler; engine/sandbox/compile/plain
 * is the part without sucrase.
 */
export { compileJobSource, compileWithSucrase, guardLoops, JobCompileError } from './compileJobSource';
export { compilePlainJob } from './compilePlainJob';
export { fastSplits } from './fastSplits';
