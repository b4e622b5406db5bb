import { describe, expect, it } from 'vitest';
import { DagScheduler, type Stage, type StageRunner } from './dagScheduler';
import type { RddInfo, SparkLog } from './jobRecord';

// textFile(0) -> map(1) -> reduceByKey(2, shuffle 0) -> mapValues(3) -> groupByKey(4, shuffle 1)
const rdd = (id: number, deps: RddInfo['deps'], n = 2): RddInfo => ({
  id,
  name: `r${id}`,
  numPartitions: n,
  deps,
  source: null,
  records: [1, 1],
  bytes: [1, 1],
});
const log: SparkLog = {
  rdds: [
    rdd(0, []),
    rdd(1, [{ kind: 'narrow', parent: 0, parents: null, shuffleId: -1 }]),
    rdd(2, [{ kind: 'shuffle', parent: 1, parents: null, shuffleId: 0 }]),
    rdd(3, [{ kind: 'narrow', parent: 2, parents: null, shuffleId: -1 }]),
    rdd(4, [{ kind: 'shuffle', parent: 3, parents: null, shuffleId: 1 }]),
  ],
  shuffles: [
    { id: 0, mapRdd: 1, numMaps: 2, numReduces: 2, bytes: [1, 1, 1, 1], records: [1, 1, 1, 1], combined: false },
    { id: 1, mapRdd: 3, numMaps: 2, numReduces: 2, bytes: [1, 1, 1, 1], records: [1, 1, 1, 1], combined: false },
  ],
  jobs: [],
  accumulators: [],
  aborted: false,
};
const job = (persisted: number[] = []) => ({
  id: 0,
  action: 'collect',
  rdd: 4,
  partitions: [0, 1],
  persisted,
  resultBytes: [1, 1],
  output: null,
  failed: null,
});

/** A recording fake of the task scheduler side: it logs stages and finishes them on demand. */
class RecordingRunner implements StageRunner {
  readonly log: string[] = [];
  readonly running: [Stage, () => void][] = [];
  runStage(stage: Stage, onDone: () => void): void {
    this.log.push(`run s${stage.id} rdd${stage.rdd} shuffle${stage.shuffleId} parts[${stage.partitions.join(',')}]`);
    this.running.push([stage, onDone]);
  }
  stageSkipped(stage: Stage): void {
    this.log.push(`skip s${stage.id} shuffle${stage.shuffleId}`);
  }
  stagesResubmitted(stages: readonly Stage[]): void {
    this.log.push(`resubmit ${stages.map((s) => `s${s.id}`).join(',')}`);
  }
  finishAll(): void {
    while (this.running.length > 0) this.running.shift()![1]();
  }
}

describe('DagScheduler', () => {
  it('cuts stages at shuffles, numbers parents first and the result stage last, runs parents first', () => {
    const missing = new Map<number, number[]>([
      [0, [0, 1]],
      [1, [0, 1]],
    ]);
    const runner = new RecordingRunner();
    const dag = new DagScheduler(log, { missingMapOutputs: (s) => missing.get(s)!, isCached: () => false }, runner);
    let done = false;
    dag.runJob(job(), () => (done = true));
    expect(runner.log).toEqual(['run s0 rdd1 shuffle0 parts[0,1]']);
    missing.set(0, []);
    runner.running.shift()![1]();
    expect(runner.log.at(-1)).toBe('run s1 rdd3 shuffle1 parts[0,1]');
    missing.set(1, []);
    runner.running.shift()![1]();
    expect(runner.log.at(-1)).toBe('run s2 rdd4 shufflenull parts[0,1]');
    expect(done).toBe(false);
    runner.finishAll();
    expect(done).toBe(true);
  });

  it('a later job reuses the stages (and ids) of its shuffles and skips those whose output exists', () => {
    const missing = new Map<number, number[]>([
      [0, []],
      [1, [1]],
    ]);
    const runner = new RecordingRunner();
    const dag = new DagScheduler(log, { missingMapOutputs: (s) => missing.get(s)!, isCached: () => false }, runner);
    dag.runJob(job(), () => {});
    // Shuffle 1 lost map partition 1: only that task runs; shuffle 0 below it still exists: skipped.
    expect(runner.log).toEqual(['skip s0 shuffle0', 'run s1 rdd3 shuffle1 parts[1]']);
    missing.set(1, []);
    runner.finishAll();
    expect(runner.log.at(-1)).toBe('run s2 rdd4 shufflenull parts[0,1]');
    runner.finishAll();
    runner.log.length = 0;
    dag.runJob({ ...job(), id: 1 }, () => {});
    // The second job: same shuffle stages 0 and 1, both skipped; a new result stage 3.
    expect(runner.log).toEqual(['skip s0 shuffle0', 'skip s1 shuffle1', 'run s3 rdd4 shufflenull parts[0,1]']);
  });

  it('runs a stage shared by several children once per job', () => {
    // rdd 5 = cogroup of rdd 2 (reads shuffle 0) and rdd 4 (reads shuffle 1, whose map side reads shuffle 0).
    const shared: SparkLog = {
      ...log,
      rdds: [
        ...log.rdds,
        rdd(5, [
          { kind: 'narrow', parent: 2, parents: null, shuffleId: -1 },
          { kind: 'narrow', parent: 4, parents: null, shuffleId: -1 },
        ]),
      ],
    };
    const missing = new Map<number, number[]>([
      [0, [0, 1]],
      [1, [0, 1]],
    ]);
    const runner = new RecordingRunner();
    const dag = new DagScheduler(shared, { missingMapOutputs: (s) => missing.get(s)!, isCached: () => false }, runner);
    dag.runJob({ ...job(), rdd: 5 }, () => {});
    missing.set(0, []);
    runner.running.shift()![1]();
    missing.set(1, []);
    runner.finishAll();
    runner.finishAll();
    expect(runner.log).toEqual([
      'run s0 rdd1 shuffle0 parts[0,1]',
      'run s1 rdd3 shuffle1 parts[0,1]',
      'run s2 rdd5 shufflenull parts[0,1]',
    ]);
  });

  it('tells the runner every stage of the job and which it skips', () => {
    const seen: string[] = [];
    const dag = new DagScheduler(
      log,
      { missingMapOutputs: (s) => (s === 1 ? [1] : []), isCached: () => false },
      {
        jobStarted: (_job, stages, skipped) =>
          seen.push(
            `stages ${stages.map((s) => `${s.id}<-[${s.parents.join(',')}] rdds[${s.rdds.join(',')}]`).join(' ')}; skipped ${skipped.map((s) => s.id).join(',')}`,
          ),
        runStage: () => {},
        stageSkipped: () => {},
      },
    );
    dag.runJob(job(), () => {});
    expect(seen).toEqual(['stages 0<-[] rdds[0,1] 1<-[0] rdds[2,3] 2<-[1] rdds[4]; skipped 0']);
  });

  it('does not descend below a fully cached RDD: the stages below it are skipped', () => {
    const runner = new RecordingRunner();
    const dag = new DagScheduler(log, { missingMapOutputs: () => [0, 1], isCached: (r) => r === 3 }, runner);
    dag.runJob(job([3]), () => {});
    // rdd 3 is cached: shuffle 0 (below it) is not needed, though its output is missing.
    expect(runner.log).toEqual(['skip s0 shuffle0', 'run s1 rdd3 shuffle1 parts[0,1]']);
  });

  it('on a fetch failure fails the stage attempt, resubmits the map stage for its lost outputs, then the unfinished partitions', () => {
    // textFile(0) -> map(1) -> reduceByKey(2, shuffle 0): a map stage and a result stage.
    const missing = new Map<number, number[]>([[0, [0, 1]]]);
    const runner = new RecordingRunner();
    const later: (() => void)[] = [];
    const dag = new DagScheduler(
      log,
      { missingMapOutputs: (s) => missing.get(s)!, isCached: () => false, schedule: (_ms, fn) => later.push(fn) },
      runner,
      2,
    );
    let done = false;
    dag.runJob({ ...job(), rdd: 2 }, () => (done = true));
    missing.set(0, []);
    runner.running.shift()![1]();
    const [result, resultDone] = runner.running.shift()!;
    expect(runner.log).toEqual(['run s0 rdd1 shuffle0 parts[0,1]', 'run s1 rdd2 shufflenull parts[0,1]']);
    // Partition 0 finished; partition 1 could not fetch map output 1.
    dag.resultPartitionFinished(0);
    missing.set(0, [1]);
    expect(dag.fetchFailed(result, 0, 0, 'FetchFailed(n2)')).toEqual({ kind: 'retry', stageFailed: true });
    // A second failure of the same attempt changes nothing more; one of an older attempt is ignored later.
    expect(dag.fetchFailed(result, 0, 0, 'FetchFailed(n2)')).toEqual({ kind: 'retry', stageFailed: false });
    expect(later).toHaveLength(1);
    resultDone(); // the failed attempt's set finishing (it never does: a zombie) would change nothing
    expect(done).toBe(false);
    later.shift()!();
    expect(runner.log.slice(-2)).toEqual(['resubmit s1,s0', 'run s0 rdd1 shuffle0 parts[1]']);
    missing.set(0, []);
    runner.running.shift()![1]();
    expect(runner.log.at(-1)).toBe('run s1 rdd2 shufflenull parts[1]');
    expect(dag.fetchFailed(result, 0, 0, 'late')).toEqual({ kind: 'ignored' });
    // The second attempt fails too: with maxConsecutiveAttempts = 2 the job aborts.
    const outcome = dag.fetchFailed(result, 1, 0, 'FetchFailed(n3)');
    expect(outcome.kind).toBe('abort');
    expect(outcome.kind === 'abort' && outcome.message).toBe(
      'Job aborted due to stage failure: stage 1 has failed the maximum allowable number of times: 2 (spark.stage.maxConsecutiveAttempts). Most recent failure reason: FetchFailed(n3)',
    );
    expect(done).toBe(false);
  });
});
