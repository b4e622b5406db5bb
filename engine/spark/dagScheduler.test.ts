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
    { id: 0, mapRdd: 1, numMaps: 2, numReduces: 2, bytes: [1, 1, 1, 1] },
    { id: 1, mapRdd: 3, numMaps: 2, numReduces: 2, bytes: [1, 1, 1, 1] },
  ],
  jobs: [],
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
  finishAll(): void {
    while (this.running.length > 0) this.running.shift()![1]();
  }
}

describe('DagScheduler', () => {
  it('cuts stages at shuffles and runs parents first', () => {
    const missing = new Map<number, number[]>([
      [0, [0, 1]],
      [1, [0, 1]],
    ]);
    const runner = new RecordingRunner();
    const dag = new DagScheduler(log, { missingMapOutputs: (s) => missing.get(s)!, isCached: () => false }, runner);
    let done = false;
    dag.runJob(job(), () => (done = true));
    expect(runner.log).toEqual(['run s2 rdd1 shuffle0 parts[0,1]']);
    runner.running.shift()![1]();
    missing.set(0, []);
    expect(runner.log.at(-1)).toBe('run s1 rdd3 shuffle1 parts[0,1]');
    runner.running.shift()![1]();
    expect(runner.log.at(-1)).toBe('run s0 rdd4 shufflenull parts[0,1]');
    expect(done).toBe(false);
    runner.finishAll();
    expect(done).toBe(true);
  });

  it('skips stages whose shuffle output exists, and recomputes only lost map partitions', () => {
    const runner = new RecordingRunner();
    const dag = new DagScheduler(
      log,
      { missingMapOutputs: (s) => (s === 1 ? [1] : []), isCached: () => false },
      runner,
    );
    dag.runJob(job(), () => {});
    // Shuffle 1 lost map partition 1: only that task runs; shuffle 0 below it still exists: skipped.
    expect(runner.log).toEqual(['skip s2 shuffle0', 'run s1 rdd3 shuffle1 parts[1]']);
    runner.finishAll();
    expect(runner.log.at(-1)).toBe('run s0 rdd4 shufflenull parts[0,1]');
  });

  it('gives each stage its parent stages, skipped ones included', () => {
    const runner = new RecordingRunner();
    const seen = new Map<number, number[]>();
    const dag = new DagScheduler(
      log,
      { missingMapOutputs: (s) => (s === 1 ? [1] : []), isCached: () => false },
      {
        runStage: (stage, onDone) => {
          seen.set(stage.id, stage.parents);
          runner.runStage(stage, onDone);
        },
        stageSkipped: (stage) => seen.set(stage.id, stage.parents),
      },
    );
    dag.runJob(job(), () => {});
    runner.finishAll();
    // Result stage 0 reads shuffle 1 (stage 1), which reads shuffle 0 (stage 2, skipped).
    expect([...seen].sort((a, b) => a[0] - b[0])).toEqual([
      [0, [1]],
      [1, [2]],
      [2, []],
    ]);
  });
  it('does not descend below a fully cached RDD', () => {
    const runner = new RecordingRunner();
    const dag = new DagScheduler(
      log,
      { missingMapOutputs: (s) => (s === 1 ? [0, 1] : [0, 1]), isCached: (r) => r === 3 },
      runner,
    );
    dag.runJob(job([3]), () => {});
    // rdd 3 is cached: shuffle 0 (below it) is neither run nor skipped.
    expect(runner.log).toEqual(['run s1 rdd3 shuffle1 parts[0,1]']);
  });
});
