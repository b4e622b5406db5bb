/**
 * `clusterlab run`'s sandbox processes, started before the run command's own modules load: a
 * process takes a few hundred ms to start and load its bundle, about as long as the CLI takes to
 * load the engine, so the two overlap instead of following each other. The pool takes them
 * (cli/sandboxProcess.ts, forkSandboxProcess); runCommand ends any it did not take. Only from
 * the bundle (from sources the bundle is built when the pool needs it), and not for --help or
 * --workers (a pool of another size).
 */
import { jobArgument, sandboxesFor } from './sandboxCountHint';

export async function prestartRun(argv: readonly string[]): Promise<void> {
  if (argv.length === 0 || argv.some((a) => a === '--help' || a === '-h' || a === '--workers')) return;
  const { bundledSandboxEntry, defaultPoolSize, prestartSandboxProcesses, workerMemoryMb } =
    await import('./sandboxProcess');
  const entry = bundledSandboxEntry();
  // As many as the run will take (cli/sandboxCountHint.ts: one for a Spark job).
  const count = sandboxesFor(jobArgument(argv), process.cwd(), defaultPoolSize());
  if (entry !== null) prestartSandboxProcesses(entry, count, workerMemoryMb());
}
