/**
 * Spark's DAGScheduler: cuts a job's RDD graph into stages at shuffle dependencies. As in Spark,
 * a shuffle has one ShuffleMapStage for the whole application (shared by every job that reads
 * the shuffle, and by every stage of one job that reads it), stage ids are global and given in
 * creation order (parents before children, a job's result stage last), and a job runs only the
 * stages whose output is missing: a parent whose shuffle output still exists, or one below an
 * RDD whose partitions are all cached, is not run. The job's stages that do not run are its
 * skipped stages (they keep their ids). A stage that runs again (lost map outputs) is a new
 * attempt of the same stage and runs only its missing partitions.
 */
import type { SparkJobInfo, SparkLog } from './jobRecord';

export interface Stage {
  id: number;
  rdd: number;
  /** The shuffle this stage writes, or null for a job's result stage. */
  shuffleId: number | null;
  /** The partitions of this attempt (set when the stage is submitted). */
  partitions: number[];
  /** Ids of the stages this one reads shuffle output from (run or skipped). */
  parents: number[];
  /** The RDDs the stage pipelines, in creation order: from its input or shuffle read to `rdd`. */
  rdds: number[];
  /** Times the stage was submitted so far (Spark's stage attempt number of the next run). */
  attempts: number;
}

export interface DagState {
  /** Map partitions of a shuffle whose output is missing. */
  missingMapOutputs(shuffleId: number): number[];
  isCached(rdd: number, partition: number): boolean;
}

export interface StageRunner {
  /** A job starts: all stages of its graph (ids ascending) and those it will not run. */
  jobStarted?(job: SparkJobInfo, stages: readonly Stage[], skipped: readonly Stage[]): void;
  runStage(stage: Stage, onDone: () => void): void;
  stageSkipped(stage: Stage): void;
}

export class DagScheduler {
  private nextStage = 0;
  private readonly shuffleStages = new Map<number, Stage>();

  constructor(
    private readonly log: SparkLog,
    private readonly state: DagState,
    private readonly runner: StageRunner,
  ) {}

  /** Spark's getShuffleDependencies: shuffles reached from `rdd` through narrow dependencies. */
  private shuffleDeps(rdd: number): number[] {
    const out = new Set<number>();
    const seen = new Set<number>();
    const visit = (id: number) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const d of this.log.rdds[id]!.deps) {
        if (d.kind === 'shuffle') out.add(d.shuffleId);
        else visit(d.parent);
      }
    };
    visit(rdd);
    return [...out].sort((a, b) => a - b);
  }

  /** The RDDs of a stage: `rdd` and its narrow ancestors up to shuffle reads or inputs. */
  private stageRdds(rdd: number): number[] {
    const seen = new Set<number>();
    const visit = (id: number) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const d of this.log.rdds[id]!.deps) if (d.kind === 'narrow') visit(d.parent);
    };
    visit(rdd);
    return [...seen].sort((a, b) => a - b);
  }

  private shuffleMapStage(shuffleId: number): Stage {
    const known = this.shuffleStages.get(shuffleId);
    if (known) return known;
    const mapRdd = this.log.shuffles[shuffleId]!.mapRdd;
    const parents = this.shuffleDeps(mapRdd).map((s) => this.shuffleMapStage(s).id);
    const stage: Stage = {
      id: this.nextStage++,
      rdd: mapRdd,
      shuffleId,
      partitions: [],
      parents,
      rdds: this.stageRdds(mapRdd),
      attempts: 0,
    };
    this.shuffleStages.set(shuffleId, stage);
    return stage;
  }

  private byId(id: number): Stage {
    for (const s of this.shuffleStages.values()) if (s.id === id) return s;
    throw new Error(`no stage ${id}`);
  }

  /** Spark's getMissingParentStages: parents with missing output, not looking below fully cached RDDs. */
  private missingParents(stage: Stage, persisted: Set<number>): Stage[] {
    const missing = new Map<number, Stage>();
    const seen = new Set<number>();
    const visit = (id: number) => {
      if (seen.has(id)) return;
      seen.add(id);
      const info = this.log.rdds[id]!;
      if (
        persisted.has(id) &&
        Array.from({ length: info.numPartitions }, (_, p) => p).every((p) => this.state.isCached(id, p))
      )
        return;
      for (const d of info.deps) {
        if (d.kind === 'narrow') visit(d.parent);
        else if (this.state.missingMapOutputs(d.shuffleId).length > 0) {
          const s = this.shuffleMapStage(d.shuffleId);
          missing.set(s.id, s);
        }
      }
    };
    visit(stage.rdd);
    return [...missing.values()].sort((a, b) => a.id - b.id);
  }

  runJob(job: SparkJobInfo, onDone: () => void): void {
    const persisted = new Set(job.persisted);
    const parents = this.shuffleDeps(job.rdd).map((s) => this.shuffleMapStage(s).id);
    const result: Stage = {
      id: this.nextStage++,
      rdd: job.rdd,
      shuffleId: null,
      partitions: [],
      parents,
      rdds: this.stageRdds(job.rdd),
      attempts: 0,
    };
    const all = new Map<number, Stage>();
    const collect = (s: Stage) => {
      if (all.has(s.id)) return;
      all.set(s.id, s);
      for (const p of s.parents) collect(this.byId(p));
    };
    collect(result);
    // What the job will run, decided now as Spark's submitStage does: the missing parents, recursively.
    const needed = new Set<number>();
    const plan = (s: Stage) => {
      if (needed.has(s.id)) return;
      needed.add(s.id);
      for (const p of this.missingParents(s, persisted)) plan(p);
    };
    plan(result);
    const stages = [...all.values()].sort((a, b) => a.id - b.id);
    const skipped = stages.filter((s) => !needed.has(s.id));
    this.runner.jobStarted?.(job, stages, skipped);
    for (const s of skipped) this.runner.stageSkipped(s);

    const status = new Map<number, 'waiting' | 'running' | 'done'>();
    const submit = (s: Stage) => {
      if (status.get(s.id) === 'running') return;
      const missing = this.missingParents(s, persisted);
      if (missing.length > 0) {
        status.set(s.id, 'waiting');
        for (const p of missing) if (status.get(p.id) !== 'waiting') submit(p);
        return;
      }
      status.set(s.id, 'running');
      s.partitions = s.shuffleId === null ? job.partitions : this.state.missingMapOutputs(s.shuffleId);
      s.attempts++;
      this.runner.runStage(s, () => {
        status.set(s.id, 'done');
        if (s === result) return onDone();
        const waiting = [...status].filter(([, st]) => st === 'waiting').map(([id]) => id);
        for (const id of waiting.sort((a, b) => a - b))
          if (status.get(id) === 'waiting') submit(id === result.id ? result : this.byId(id));
      });
    };
    submit(result);
  }
}
