/**
 * Spark's DAGScheduler: cuts a job's RDD graph into stages at shuffle dependencies, skips the
 * shuffle-map stages whose output still exists (and does not descend below fully cached RDDs),
 * runs parent stages first and hands each stage's tasks to a StageRunner (the task scheduler in
 * production, a recording fake in tests).
 */
import type { SparkJobInfo, SparkLog } from './jobRecord';

export interface Stage {
  id: number;
  rdd: number;
  /** The shuffle this stage writes, or null for the job's result stage. */
  shuffleId: number | null;
  partitions: number[];
  /** Ids of the stages this one reads shuffle output from (run or skipped); [] for a skipped stage. */
  parents: number[];
}

export interface DagState {
  /** Map partitions of a shuffle whose output is missing. */
  missingMapOutputs(shuffleId: number): number[];
  isCached(rdd: number, partition: number): boolean;
}

export interface StageRunner {
  runStage(stage: Stage, onDone: () => void): void;
  stageSkipped(stage: Stage): void;
}

export class DagScheduler {
  private nextStage = 0;

  constructor(
    private readonly log: SparkLog,
    private readonly state: DagState,
    private readonly runner: StageRunner,
  ) {}

  runJob(job: SparkJobInfo, onDone: () => void): void {
    const persisted = new Set(job.persisted);
    const result: Stage = {
      id: this.nextStage++,
      rdd: job.rdd,
      shuffleId: null,
      partitions: job.partitions,
      parents: [],
    };
    this.submit(result, persisted, onDone);
  }

  /** Shuffle dependencies reached from `rdd` through narrow ones, stopping at cached partitions. */
  private shuffleParents(rdd: number, partitions: number[], persisted: Set<number>): number[] {
    const out: number[] = [];
    const seen = new Set<number>();
    const visit = (id: number, parts: number[] | null) => {
      const key = id;
      if (seen.has(key)) return;
      seen.add(key);
      const info = this.log.rdds[id]!;
      const ps = parts ?? Array.from({ length: info.numPartitions }, (_, i) => i);
      if (persisted.has(id) && ps.every((p) => this.state.isCached(id, p))) return;
      for (const d of info.deps) {
        if (d.kind === 'shuffle') out.push(d.shuffleId);
        else visit(d.parent, d.parents ? ps.flatMap((p) => d.parents![p] ?? []) : ps);
      }
    };
    visit(rdd, partitions);
    return [...new Set(out)].sort((a, b) => a - b);
  }

  private submit(stage: Stage, persisted: Set<number>, onDone: () => void): void {
    const parents: Stage[] = [];
    for (const sid of this.shuffleParents(stage.rdd, stage.partitions, persisted)) {
      const sh = this.log.shuffles[sid]!;
      const missing = this.state.missingMapOutputs(sid);
      const parent: Stage = { id: this.nextStage++, rdd: sh.mapRdd, shuffleId: sid, partitions: missing, parents: [] };
      stage.parents.push(parent.id);
      if (missing.length === 0) this.runner.stageSkipped(parent);
      else parents.push(parent);
    }
    let waiting = parents.length;
    const go = () => this.runner.runStage(stage, onDone);
    if (waiting === 0) return go();
    for (const p of parents) {
      this.submit(p, persisted, () => {
        if (--waiting === 0) go();
      });
    }
  }
}
