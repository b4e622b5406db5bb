/**
 * A Spark run with fetch failures, for the tests that word an attempt's reason (the timeline's
 * attempts, the Spark stage page's Errors): a word count on cookbook-9 (map stage 0 writes shuffle 0,
 * result stage 1 reads it) run again with the node that ran the first map task killed as the reduce
 * stage starts, so that the reduce stage's fetches from it fail with Spark's FetchFailed(...).
 */
import { runJob, type JobRunReport, type RunJobOptions } from '../../../../engine/api';
import { createFunctionRunner } from '../../../../engine/sandbox';

const JOB = `exports.default = async (sc) =>
  sc.textFile('/data/corpus.txt', 6).flatMap((l) => l.split(/\\s+/)).filter((w) => w).map((w) => [w, 1])
    .reduceByKey((a, b) => a + b).collect();`;

/** cookbook-9's nodes, three to a rack. */
export const COOKBOOK_9_NODES = Array.from({ length: 9 }, (_, i) => ({
  id: `n${i + 1}`,
  rack: `r${Math.floor(i / 3) + 1}`,
}));

/** The word count on cookbook-9 (seed 5) with these faults. */
export async function wordCountRun(faults: RunJobOptions['faults'] = []): Promise<JobRunReport> {
  const runner = createFunctionRunner();
  try {
    const source = { fileName: 'wc.js', code: JOB };
    return await runJob({ source, runner, cluster: 'cookbook-9', seed: 5, blockSize: 256 * 1024, faults });
  } finally {
    await runner.close();
  }
}

/** The word count with the node holding the first map output killed as the reduce stage starts. */
export async function fetchFailureRun(): Promise<JobRunReport> {
  const base = await wordCountRun();
  const reduce = base.trace.find((e) => e.type === 'stageSubmitted' && e.stage === 1)!;
  const victim = base.trace.flatMap((e) => (e.type === 'taskFinished' && e.taskSet === 'stage-0' ? [e.node] : []))[0]!;
  return wordCountRun([{ atMs: reduce.t + 1, kind: 'killNode', node: victim }]);
}
