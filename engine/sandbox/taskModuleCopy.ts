/**
 * A MapReduce task's functions from its own run of the module's top level: Hadoop runs each task
 * attempt in a JVM of its own, so what one task leaves in the module's variables never reaches
 * another, whichever worker runs them and in whatever order.
 */
import { JobSpecError } from './contract/jobCodeError';
import { readJobModule } from '../mapreduce/jobModule';
import type { MapReduceFunctions } from '../mapreduce/mapTaskCompute';

/** Job `jobIndex`'s functions from `exported`, the exports of a fresh run of the module (ExecutorRuntime.evaluate). */
export function taskFunctionsOf(exported: unknown, fileName: string, jobIndex: number): MapReduceFunctions {
  const e = exported as Record<string, unknown> | null | undefined;
  const fns = readJobModule(e?.default, fileName, e?.conf).mapreduce[jobIndex];
  if (!fns)
    throw new JobSpecError(
      fileName,
      `default export: a task ran the module again and found no job ${jobIndex + 1}; its top level must give the same jobs every time`,
    );
  return fns;
}
