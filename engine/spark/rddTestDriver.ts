/**
 * Test harness: runs a driver function in-process through runSparkDriver and the runtime's real
 * runJob (no cluster simulation), giving the driver's value, what it captured and the job log.
 */
import { runSparkDriver } from './sparkDriver';
import type { SparkLog } from './jobRecord';
import { decodeUtf8 } from '../core';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the learner's view of sc and its RDDs is untyped
export type AnyRdd = any;
export interface TestSc {
  parallelize(data: unknown[], numSlices?: number): AnyRdd;
}

export async function drive<T>(fn: (sc: TestSc) => Promise<T>): Promise<{ value: T; log: SparkLog }> {
  let value: T | undefined;
  const out = await runSparkDriver(
    async (sc) => {
      value = await fn(sc as TestSc);
      return null;
    },
    { catalog: [], readFiles: () => Promise.resolve([]) },
    decodeUtf8,
  );
  return { value: value as T, log: out.jobs[0] as SparkLog };
}
