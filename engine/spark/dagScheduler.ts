/**
 * Spark's DAGScheduler: cuts a job's RDD graph into stages at shuffle dependencies. As in Spark,
 * a shuffle has one ShuffleMapStage for the whole application (shared by every job that reads
 * the shuffle, and by every stage of one job that reads it), stage ids are global and given in
 * creation order (parents before children, a job's result stage last), and a job runs only the
 * stages whose output is missing: a parent whose shuffle output still exists, or one below an
 * RDD whose partitions are all cached, is not run. The job's stages that do not run are its
 * skipped stages (they keep their ids). A stage that runs again (lost map outputs) is a new
 * attempt of the same stage and runs only its missing partitions.
 *
 * A fetch failure (a task could not read a map output) fails the reading stage's attempt; after
 * RESUBMIT_TIMEOUT the failed stages are submitted again, which runs the map stage for its
 * missing partitions first, then the reading stage for the partitions not finished. A stage that
 * fails spark.stage.maxConsecutiveAttempts times in a row aborts its job. The walks over the RDD
 * graph use an explicit stack (a lineage of thousands of narrow steps does not overflow).
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
  /** Spark's failedAttemptIds: attempts that failed since the stage last completed. */
  failedAttempts: Set<number>;
}

export interface DagState {
  /** Map partitions of a shuffle whose output is missing. */
  missingMapOutputs(shuffleId: number): number[];
  isCached(rdd: number, partition: number): boolean;
  /** Runs `fn` after `ms` of simulated time (the resubmission of failed stages); at once when absent. */
  schedule?(ms: number, fn: () => void): void;
}

export interface StageRunner {
  /** A job starts: all stages of its graph (ids ascending) and those it will not run. */
  jobStarted?(job: SparkJobInfo, stages: readonly Stage[], skipped: readonly Stage[]): void;
  runStage(stage: Stage, onDone: () => void): void;
  stageSkipped(stage: Stage): void;
  /** Failed stages are submitted again (after a fetch failure), in this order. */
  stagesResubmitted?(stages: readonly Stage[]): void;
}

/** What the DAGScheduler decided about a fetch failure. */
export type FetchFailureOutcome =
  /** From an attempt that is not the stage's latest (already handled): nothing to do. */
  | { kind: 'ignored' }
  /** The stage attempt failed; it and its map stage are resubmitted after RESUBMIT_TIMEOUT_MS. */
  | { kind: 'retry'; stageFailed: boolean }
  /** The stage failed maxConsecutiveAttempts times: the job aborts with `message`. */
  | { kind: 'abort'; stageFailed: boolean; message: string };

/** DAGScheduler.RESUBMIT_TIMEOUT: failed stages wait this long, so fetch failures arriving together resubmit once. */
export const RESUBMIT_TIMEOUT_MS = 200;

type StageStatus = 'waiting' | 'running' | 'done' | 'failed';

interface ActiveJob {
  info: SparkJobInfo;
  result: Stage;
  persisted: Set<number>;
  status: Map<number, StageStatus>;
  /** Result partitions finished, by any attempt of the result stage. */
  finished: Set<number>;
  /** Stages waiting for the resubmission (the failed stage, then its map stage). */
  failed: Stage[];
  onDone: () => void;
}

export class DagScheduler {
  private nextStage = 0;
  private readonly shuffleStages = new Map<number, Stage>();
  private job: ActiveJob | null = null;

  constructor(
    private readonly log: SparkLog,
    private readonly state: DagState,
    private readonly runner: StageRunner,
    /** spark.stage.maxConsecutiveAttempts. */
    private readonly maxConsecutiveAttempts = 4,
  ) {}

  /** The RDDs reached from `rdd` through narrow dependencies (itself included), and the shuffles they read. */
  private narrowClosure(rdd: number): { rdds: Set<number>; shuffles: Set<number> } {
    const rdds = new Set<number>([rdd]);
    const shuffles = new Set<number>();
    const stack = [rdd];
    while (stack.length > 0) {
      for (const d of this.log.rdds[stack.pop()!]!.deps) {
        if (d.kind === 'shuffle') shuffles.add(d.shuffleId);
        else if (!rdds.has(d.parent)) {
          rdds.add(d.parent);
          stack.push(d.parent);
        }
      }
    }
    return { rdds, shuffles };
  }

  /** Spark's getShuffleDependencies: shuffles reached from `rdd` through narrow dependencies. */
  private shuffleDeps(rdd: number): number[] {
    return [...this.narrowClosure(rdd).shuffles].sort((a, b) => a - b);
  }

  /** The RDDs of a stage: `rdd` and its narrow ancestors up to shuffle reads or inputs. */
  private stageRdds(rdd: number): number[] {
    return [...this.narrowClosure(rdd).rdds].sort((a, b) => a - b);
  }

  private newStage(rdd: number, shuffleId: number | null, parents: number[]): Stage {
    const rdds = this.stageRdds(rdd);
    return {
      id: this.nextStage++,
      rdd,
      shuffleId,
      partitions: [],
      parents,
      rdds,
      attempts: 0,
      failedAttempts: new Set(),
    };
  }

  /** The stage writing a shuffle; made on first use, after the stages it reads (their ids are lower). */
  private shuffleMapStage(shuffleId: number): Stage {
    const known = this.shuffleStages.get(shuffleId);
    if (known) return known;
    const mapRdd = this.log.shuffles[shuffleId]!.mapRdd;
    const parents = this.shuffleDeps(mapRdd).map((s) => this.shuffleMapStage(s).id);
    const stage = this.newStage(mapRdd, shuffleId, parents);
    this.shuffleStages.set(shuffleId, stage);
    return stage;
  }

  /** The ShuffleMapStage writing `shuffleId`. */
  mapStageOf(shuffleId: number): Stage {
    return this.shuffleMapStage(shuffleId);
  }

  private byId(id: number): Stage {
    if (this.job?.result.id === id) return this.job.result;
    for (const s of this.shuffleStages.values()) if (s.id === id) return s;
    throw new Error(`no stage ${id}`);
  }

  /** Spark's getMissingParentStages: parents with missing output, not looking below fully cached RDDs. */
  private missingParents(stage: Stage, persisted: Set<number>): Stage[] {
    const missing = new Map<number, Stage>();
    const seen = new Set<number>([stage.rdd]);
    const stack = [stage.rdd];
    while (stack.length > 0) {
      const id = stack.pop()!;
      const info = this.log.rdds[id]!;
      if (persisted.has(id) && this.allCached(id, info.numPartitions)) continue;
      for (const d of info.deps) {
        if (d.kind === 'narrow') {
          if (!seen.has(d.parent)) {
            seen.add(d.parent);
            stack.push(d.parent);
          }
        } else if (this.state.missingMapOutputs(d.shuffleId).length > 0) {
          const s = this.shuffleMapStage(d.shuffleId);
          missing.set(s.id, s);
        }
      }
    }
    return [...missing.values()].sort((a, b) => a.id - b.id);
  }

  private allCached(rdd: number, partitions: number): boolean {
    for (let p = 0; p < partitions; p++) if (!this.state.isCached(rdd, p)) return false;
    return true;
  }

  runJob(job: SparkJobInfo, onDone: () => void): void {
    const persisted = new Set(job.persisted);
    const parents = this.shuffleDeps(job.rdd).map((s) => this.shuffleMapStage(s).id);
    const result = this.newStage(job.rdd, null, parents);
    const active: ActiveJob = {
      info: job,
      result,
      persisted,
      status: new Map(),
      finished: new Set(),
      failed: [],
      onDone,
    };
    this.job = active;
    const all = new Map<number, Stage>();
    const toCollect = [result];
    while (toCollect.length > 0) {
      const s = toCollect.pop()!;
      if (all.has(s.id)) continue;
      all.set(s.id, s);
      for (const p of s.parents) toCollect.push(this.byId(p));
    }
    // What the job will run, decided now as Spark's submitStage does: the missing parents, recursively.
    const needed = new Set<number>();
    const toPlan = [result];
    while (toPlan.length > 0) {
      const s = toPlan.pop()!;
      if (needed.has(s.id)) continue;
      needed.add(s.id);
      toPlan.push(...this.missingParents(s, persisted));
    }
    const stages = [...all.values()].sort((a, b) => a.id - b.id);
    const skipped = stages.filter((s) => !needed.has(s.id));
    this.runner.jobStarted?.(job, stages, skipped);
    for (const s of skipped) this.runner.stageSkipped(s);
    this.submit(active, result);
  }

  /**
   * Spark's submitStage: a stage with missing parents waits and its parents are submitted (in id
   * order, each with its own parents first); one without runs its missing partitions.
   */
  private submit(job: ActiveJob, root: Stage): void {
    const stack: { stage: Stage; root: boolean }[] = [{ stage: root, root: true }];
    while (stack.length > 0) {
      const { stage: s, root: isRoot } = stack.pop()!;
      const status = job.status.get(s.id);
      if (status === 'running' || (status === 'waiting' && !isRoot)) continue;
      const missing = this.missingParents(s, job.persisted);
      if (missing.length > 0) {
        job.status.set(s.id, 'waiting');
        for (let i = missing.length - 1; i >= 0; i--) stack.push({ stage: missing[i]!, root: false });
        continue;
      }
      job.status.set(s.id, 'running');
      s.partitions =
        s.shuffleId === null
          ? job.info.partitions.filter((p) => !job.finished.has(p))
          : this.state.missingMapOutputs(s.shuffleId);
      s.attempts++;
      const attempt = s.attempts - 1;
      this.runner.runStage(s, () => this.stageDone(job, s, attempt));
    }
  }

  private stageDone(job: ActiveJob, s: Stage, attempt: number): void {
    // A stage attempt that failed (a fetch failure) finishing later changes nothing.
    if (job !== this.job || job.status.get(s.id) !== 'running' || attempt !== s.attempts - 1) return;
    job.status.set(s.id, 'done');
    s.failedAttempts.clear();
    if (s === job.result) return job.onDone();
    const waiting = [...job.status].filter(([, st]) => st === 'waiting').map(([id]) => id);
    for (const id of waiting.sort((a, b) => a - b))
      if (job.status.get(id) === 'waiting') this.submit(job, this.byId(id));
  }

  /** A result task finished partition `p` (in any attempt): a resubmitted result stage skips it. */
  resultPartitionFinished(p: number): void {
    this.job?.finished.add(p);
  }

  /**
   * A task of attempt `attempt` of `stage` could not fetch an output of `shuffleId` (Spark's
   * handleTaskCompletion for FetchFailed). The caller unregisters the lost map outputs.
   */
  fetchFailed(stage: Stage, attempt: number, shuffleId: number, reason: string): FetchFailureOutcome {
    const job = this.job;
    if (!job || attempt !== stage.attempts - 1) return { kind: 'ignored' };
    stage.failedAttempts.add(attempt);
    const stageFailed = job.status.get(stage.id) === 'running';
    if (stageFailed) job.status.set(stage.id, 'failed');
    if (stage.failedAttempts.size >= this.maxConsecutiveAttempts) {
      this.job = null;
      return {
        kind: 'abort',
        stageFailed,
        message:
          `Job aborted due to stage failure: stage ${stage.id} has failed the maximum allowable number of times: ` +
          `${this.maxConsecutiveAttempts} (spark.stage.maxConsecutiveAttempts). Most recent failure reason: ${reason}`,
      };
    }
    const mapStage = this.shuffleMapStage(shuffleId);
    const first = job.failed.length === 0;
    for (const s of [stage, mapStage]) if (!job.failed.includes(s)) job.failed.push(s);
    if (first) {
      const resubmit = () => this.resubmitFailed(job);
      if (this.state.schedule) this.state.schedule(RESUBMIT_TIMEOUT_MS, resubmit);
      else resubmit();
    }
    return { kind: 'retry', stageFailed };
  }

  /** Spark's ResubmitFailedStages: each failed stage is submitted again, which runs missing parents first. */
  private resubmitFailed(job: ActiveJob): void {
    if (job !== this.job) return;
    const failed = job.failed;
    job.failed = [];
    this.runner.stagesResubmitted?.(failed);
    for (const s of failed) {
      const status = job.status.get(s.id);
      if (status === 'running') continue;
      // A map stage whose outputs came back meanwhile has nothing to run.
      if (status !== 'failed' && s.shuffleId !== null && this.state.missingMapOutputs(s.shuffleId).length === 0)
        continue;
      job.status.delete(s.id);
      this.submit(job, s);
    }
  }
}
