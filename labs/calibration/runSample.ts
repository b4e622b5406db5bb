/**
 * Runs one experiment's job on its sample: the job file compiled as a learner's would be, the
 * sample put into HDFS, the in-process runner, no snapshots (only the trace and attempts are read).
 */
import { runJob, type JobRunReport } from '../../engine/api';
import type { ClusterSpec } from '../../engine/cluster';
import { createFunctionRunner } from '../../engine/sandbox';
import { compileJobSource } from '../../engine/sandbox/compile';

export interface SampleRun {
  code: string;
  fileName: string;
  cluster: ClusterSpec;
  seed: number;
  /** dfs.blocksize of the sample: the published block over dataScale. */
  blockSize: number;
  input: { path: string; bytes: Uint8Array };
}

export async function runSample(run: SampleRun): Promise<JobRunReport> {
  const runner = createFunctionRunner();
  try {
    return await runJob({
      source: compileJobSource(run.code, run.fileName),
      runner,
      cluster: run.cluster,
      seed: run.seed,
      blockSize: run.blockSize,
      files: [run.input],
      sampleData: false,
      snapshots: false,
    });
  } finally {
    await runner.close();
  }
}
