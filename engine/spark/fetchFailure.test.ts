import { describe, expect, it } from 'vitest';
import { createFunctionRunner } from '../sandbox/inProcessRunner';
import { runJob } from '../api/runJob';
import { JobFailedError } from '../api/jobFailedError';
import type { RunJobOptions } from '../api/jobTypes';
import type { TraceEvent } from '../core';

// A word count: a map stage (textFile → flatMap → map) writing shuffle 0, and a result stage reading it.
const JOB = `exports.default = async (sc) =>
  sc.textFile('/data/corpus.txt', 6).flatMap((l) => l.split(/\\s+/)).filter((w) => w).map((w) => [w, 1])
    .reduceByKey((a, b) => a + b).collect();`;

async function run(extra: Partial<RunJobOptions> = {}) {
  const r = createFunctionRunner();
  try {
    return await runJob({
      source: { fileName: 'wc.js', code: JOB },
      runner: r,
      cluster: 'cookbook-9',
      seed: 5,
      blockSize: 256 * 1024,
      ...extra,
    });
  } finally {
    await r.close();
  }
}
const ofType = (trace: TraceEvent[], type: string) => trace.filter((e) => e.type === type);

/** Kills a node holding a map output just after the reduce stage was submitted. */
async function killMapOutputNode() {
  const base = await run();
  const reduce = ofType(base.trace, 'stageSubmitted').find((e) => e.stage === 1)!;
  const victim = ofType(base.trace, 'taskFinished').find((e) => e.taskSet === 'stage-0')!.node as string;
  const faults: RunJobOptions['faults'] = [{ atMs: reduce.t + 1, kind: 'killNode', node: victim }];
  return { base, victim, faults };
}

describe('Spark fetch failures (DAGScheduler: FetchFailed resubmits the map stage)', () => {
  it('a map output lost while the reduce stage runs: fetch failures, the map stage resubmitted, the same result', async () => {
    const { base, victim, faults } = await killMapOutputNode();
    const faulty = await run({ faults });
    const t = faulty.trace;
    expect(faulty.result).toEqual(base.result);
    const fetchFailed = ofType(t, 'fetchFailed');
    expect(fetchFailed.length).toBeGreaterThan(0);
    expect(fetchFailed.every((e) => e.from === victim && e.stage === 1 && e.mapStage === 0)).toBe(true);
    // Each fetch failure is a failed task attempt whose reason says FetchFailed.
    for (const e of fetchFailed) {
      const failed = faulty.attempts.find((a) => a.attemptId === e.attemptId)!;
      expect([failed.status, failed.reason?.startsWith('FetchFailed(')]).toEqual(['failed', true]);
    }
    // The reduce stage's attempt failed once, then the map stage ran again for the lost outputs only, then the reduce stage.
    const stageFailed = ofType(t, 'stageFailed');
    expect(stageFailed.map((e) => [e.stage, e.attempt, e.willRetry])).toEqual([[1, 0, true]]);
    expect(ofType(t, 'stageResubmitted').map((e) => e.stages)).toEqual([[1, 0]]);
    const resubmitted = ofType(t, 'stageSubmitted').filter((e) => (e.attempt as number) > 0);
    expect(resubmitted.map((e) => [e.stage, e.attempt])).toEqual([
      [0, 1],
      [1, 1],
    ]);
    const lostMaps = ofType(base.trace, 'taskFinished').filter((e) => e.taskSet === 'stage-0' && e.node === victim);
    expect(resubmitted[0]!.tasks).toBe(lostMaps.length);
    // Spark's RESUBMIT_TIMEOUT: 200 ms after the first fetch failure.
    expect(ofType(t, 'stageResubmitted')[0]!.t).toBeCloseTo(fetchFailed[0]!.t + 200, 3);
    expect(ofType(t, 'jobFinished')).toHaveLength(1);
    // No attempt of the resubmitted stages reads from the dead node.
    expect(faulty.attempts.filter((a) => a.taskSet.endsWith('.1')).every((a) => a.node !== victim)).toBe(true);
    expect(faulty.metrics.failedAttempts).toBe(fetchFailed.length);
    const again = await run({ faults });
    expect(JSON.stringify(again.trace)).toBe(JSON.stringify(t));
    expect(JSON.stringify(again.attempts)).toBe(JSON.stringify(faulty.attempts));
  });

  it('waits spark.shuffle.io.maxRetries × spark.shuffle.io.retryWait before the fetch fails', async () => {
    const { faults } = await killMapOutputNode();
    const first = async (sparkConf: RunJobOptions['sparkConf']) =>
      ofType((await run({ faults, sparkConf })).trace, 'fetchFailed')[0]!.t;
    const defaults = await first({});
    const quick = await first({ 'spark.shuffle.io.maxRetries': 1, 'spark.shuffle.io.retryWait': '1s' });
    expect(defaults - quick).toBeCloseTo(15_000 - 1000, 3);
  });

  it('aborts the job when the stage failed spark.stage.maxConsecutiveAttempts times', async () => {
    const { faults } = await killMapOutputNode();
    const failed = await run({ faults, sparkConf: { 'spark.stage.maxConsecutiveAttempts': 1 } }).catch((e) => e);
    expect(failed).toBeInstanceOf(JobFailedError);
    expect((failed as JobFailedError).message).toMatch(
      /Job aborted due to stage failure: stage 1 has failed the maximum allowable number of times: 1 \(spark\.stage\.maxConsecutiveAttempts\)/,
    );
    const t = (failed as JobFailedError).report.trace;
    expect(ofType(t, 'stageFailed').map((e) => e.willRetry)).toEqual([false]);
    expect(ofType(t, 'stageResubmitted')).toHaveLength(0);
    expect(ofType(t, 'jobFailed')).toHaveLength(1);
    expect((failed as JobFailedError).report.result).toBeNull();
  });
});
