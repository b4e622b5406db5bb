/**
 * A Spark application on the simulated cluster (Cookbook 20.2.1, 20.2.10), replaying the jobs
 * its driver program logged: the driver (client mode) asks YARN for executors
 * (executorPool.ts); each job goes to the DAG scheduler (dagScheduler.ts), whose stages run as
 * task sets on the executors' cores (sparkStageRunner.ts, taskScheduler.ts). This object holds
 * the application's state and its answers to what happens: an executor lost (its cached blocks
 * and map outputs go), a fetch failure (the stage attempt fails, lost outputs are unregistered,
 * the DAG scheduler resubmits or aborts the job), a task that failed spark.task.maxFailures times.
 */
import type { JobContext } from '../exec/jobContext';
import type { AttemptRecord } from '../exec/taskTypes';
import { errorFromData } from '../sandbox/contract/jobCodeError';
import { BlockManager } from './blockManager';
import { DagScheduler, type Stage } from './dagScheduler';
import { ExecutorPool } from './executorPool';
import type { SparkJobInfo, SparkLog } from './jobRecord';
import { MapOutputTracker } from './mapOutputTracker';
import { PartitionCosts, noIo } from './partitionCosts';
import { ShuffleFetches } from './shuffleFetches';
import type { SparkConf } from './sparkConf';
import { SparkStageRunner } from './sparkStageRunner';
import { TaskScheduler } from './taskScheduler';

/** The job that failed and ended the application: its task, the error, where attempts failed. */
export interface SparkJobFailure {
  task: string;
  error: Error;
  /** The nodes of the task's failed attempts, in order. */
  nodes: string[];
}

const APP_NAME = 'spark';

export class SparkApplication {
  readonly blocks: BlockManager;
  readonly outputs: MapOutputTracker;
  readonly costs: PartitionCosts;
  readonly fetches: ShuffleFetches;
  readonly dag: DagScheduler;
  readonly pool: ExecutorPool;
  /** Made once the executors registered (before any job runs). */
  private sched: TaskScheduler | null = null;
  /** HDFS and shuffle bytes read by attempts that ran, and cache hits. */
  readonly io = noIo();
  readonly counters = { stagesRun: 0, stagesSkipped: 0 };
  currentJob: SparkJobInfo | undefined;
  /** The task sets of the current job, in submission order. */
  stageSets: string[] = [];
  /** The current job failed (a task's code, or too many stage failures): its task. */
  private jobFailedTask: string | null = null;
  private jobError: Error | null = null;
  failure: SparkJobFailure | null = null;
  /** Told when a job finished (its output is committed then: saveAsTextFile's files go into HDFS). */
  onJobFinished: ((job: SparkJobInfo) => void) | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    readonly ctx: JobContext,
    readonly log: SparkLog,
    readonly conf: SparkConf,
    readonly maxAttempts: number,
  ) {
    const { kernel, trace } = ctx;
    this.blocks = new BlockManager(kernel, trace);
    this.outputs = new MapOutputTracker(log.shuffles);
    this.fetches = new ShuffleFetches(ctx.cluster, conf, () => this.scheduler);
    this.currentJob = log.jobs[0];
    // Client mode: the driver (SparkContext) runs on the client and asks its cluster manager for the executors.
    trace.record({ t: kernel.now, type: 'driverStarted', app: APP_NAME, host: 'client' });
    this.pool = new ExecutorPool(
      ctx,
      APP_NAME,
      (e) => {
        // Before the executors registered no task ran: nothing to kill yet.
        this.sched?.nodeDied(e.node.id);
        this.blocks.executorLost(e.id);
        this.outputs.removeOutputsOn(e.node.id);
      },
      () => this.sched?.wake(),
      conf,
    );
    this.costs = new PartitionCosts(ctx, log, this.blocks, this.outputs, (e) => this.executorNode(e));
    this.dag = new DagScheduler(
      log,
      {
        missingMapOutputs: (sid) => this.outputs.missing(sid),
        isCached: (rdd, p) => this.blocks.at(`${rdd}:${p}`) !== undefined,
        schedule: (ms, fn) => kernel.post(ms, fn),
      },
      new SparkStageRunner(this),
      conf.maxConsecutiveStageAttempts,
    );
    this.unsubscribe = ctx.cluster.subscribe((change) => {
      if (change.kind === 'died' || change.kind === 'partitioned')
        this.fetches.nodesLost(change.kind === 'died' ? [change.node] : change.nodes, kernel.now);
    });
  }

  get scheduler(): TaskScheduler {
    if (this.sched === null) throw new Error('SparkApplication: start() registers the executors first');
    return this.sched;
  }

  get jobName(): string {
    return `spark-job-${this.currentJob?.id ?? 0}`;
  }

  private executorNode(executor: string): string {
    return this.pool.executor(executor)!.node.id;
  }

  /** Starts the executors and waits for them to register (or for the registration wait to end). */
  start(): void {
    const { ctx } = this;
    // The wait ends at its time even when nothing else is due then (a standalone run whose other
    // workers are cut off has no event left): an event of its own wakes the driver.
    const waitEnds = ctx.kernel.scheduleAt(Math.max(ctx.kernel.now, this.pool.waitEndsAt), () => {});
    ctx.drive(() => this.pool.ready);
    waitEnds.cancel();
    ctx.trace.record({
      t: ctx.kernel.now,
      type: 'executorsRegistered',
      app: APP_NAME,
      executors: this.pool.executors.filter((e) => e.alive).map((e) => e.id),
    });
    this.sched = new TaskScheduler(ctx.kernel, ctx.cluster, this.pool, ctx.trace, () => ctx.noteTaskEvent());
  }

  /** Replays every job of the driver's log; the first job that fails for good ends the application. */
  runJobs(): void {
    const { kernel, trace } = this.ctx;
    for (const job of this.log.jobs) {
      this.currentJob = job;
      this.costs.persisted = new Set(job.persisted);
      this.stageSets = [];
      this.jobFailedTask = null;
      this.jobError = null;
      let done = false;
      const startMs = kernel.now;
      this.dag.runJob(job, () => {
        done = true;
      });
      this.ctx.drive(() => done || this.jobFailedTask !== null);
      if (this.jobFailedTask === null) {
        // Attempts of failed stage attempts still running are not needed any more.
        for (const id of this.stageSets) this.scheduler.killRunning(id, `job ${this.jobName} finished`);
        trace.record({ t: kernel.now, type: 'jobFinished', job: this.jobName, ms: kernel.now - startMs });
        this.onJobFinished?.(job);
        continue;
      }
      const task = this.jobFailedTask;
      const nodes = this.scheduler.attempts.filter((a) => a.task === task && a.status === 'failed').map((a) => a.node);
      if (this.jobError !== null) {
        // Aborted by the scheduler (stage failures), not by the learner's code: the driver's later jobs never ran.
        this.failure = { task, error: this.jobError, nodes };
        break;
      }
      if (this.log.aborted && job === this.log.jobs[this.log.jobs.length - 1])
        this.failure = { task, error: errorFromData(job.failed!.error), nodes };
    }
    this.unsubscribe();
    this.pool.finish(this.failure ? 'failed' : 'succeeded');
  }

  /** The job fails: its task sets are cancelled. `error` when the scheduler aborted it (not the learner's code). */
  jobFailed(task: string, reason: string, error: Error | null): void {
    const { kernel, trace } = this.ctx;
    trace.record({ t: kernel.now, type: 'jobFailed', job: this.jobName, task, reason });
    for (const id of this.stageSets) this.scheduler.cancel(id, `job ${this.jobName} failed`);
    this.jobFailedTask = task;
    this.jobError = error;
  }

  /**
   * A task of attempt `stageAttempt` of `stage` could not fetch a map output (Spark's
   * handleTaskCompletion for FetchFailed): the DAG scheduler fails the stage attempt and
   * resubmits it with its map stage, or aborts the job; the lost output and every other output
   * on its node are unregistered and the executors there lose their cached blocks, as Spark's
   * removeExecutorAndUnregisterOutputs does.
   */
  fetchFailed(stage: Stage, stageAttempt: number, task: string, record: AttemptRecord, reason: string): void {
    const { kernel, trace } = this.ctx;
    const read = this.fetches.failedRead(record.attemptId);
    if (!read) return;
    const job = this.jobName;
    const mapStage = this.dag.mapStageOf(read.shuffleId);
    trace.record({
      t: kernel.now,
      type: 'fetchFailed',
      job,
      stage: stage.id,
      stageAttempt,
      task,
      attemptId: record.attemptId,
      shuffle: read.shuffleId,
      mapStage: mapStage.id,
      map: read.map,
      from: read.from,
      reason,
    });
    const outcome = this.dag.fetchFailed(stage, stageAttempt, read.shuffleId, reason);
    if (outcome.kind === 'ignored') return;
    if (outcome.stageFailed)
      trace.record({
        t: kernel.now,
        type: 'stageFailed',
        job,
        stage: stage.id,
        attempt: stageAttempt,
        reason,
        willRetry: outcome.kind === 'retry',
      });
    this.outputs.unregister(read.shuffleId, read.map);
    if (read.from !== null) {
      this.outputs.removeOutputsOn(read.from);
      for (const e of this.pool.executors) if (e.node.id === read.from) this.blocks.executorLost(e.id);
    }
    if (outcome.kind === 'abort') this.jobFailed(task, outcome.message, new Error(outcome.message));
  }
}
