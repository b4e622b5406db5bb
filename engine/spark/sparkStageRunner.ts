/**
 * Runs the DAG scheduler's stages on the task scheduler: one task per partition of the stage
 * attempt, which prefers its cached block's executor or its input's replicas, costs what its
 * lineage reads and computes (partitionCosts.ts) plus its output (shuffle files on local disk,
 * an HDFS write pipeline, or the result sent to the driver), fails every attempt when the
 * learner's code threw on that partition, and fails with FetchFailed when a map output it needs
 * is gone (shuffleFetches.ts). Records the stages' trace events.
 */
import { ioShare } from '../cluster';
import { ZERO_COST, ZERO_IO, type TaskIo } from '../exec/taskTypes';
import type { Stage, StageRunner } from './dagScheduler';
import type { SparkJobInfo } from './jobRecord';
import { addIo, noIo, type PartitionWork } from './partitionCosts';
import type { SimTask } from './simTask';
import type { SparkApplication } from './sparkApplication';
import { stageName, stageOps, stageTasks } from './stageLabels';

/** Actions whose tasks each send the driver one value however much data the partition holds. */
const FOLDING_ACTIONS = new Set([
  'reduce',
  'treeReduce',
  'fold',
  'aggregate',
  'treeAggregate',
  'count',
  'sum',
  'mean',
  'max',
  'min',
  'stats',
  'variance',
  'stdev',
]);

export class SparkStageRunner implements StageRunner {
  constructor(private readonly app: SparkApplication) {}

  jobStarted(job: SparkJobInfo, stages: readonly Stage[]): void {
    const { ctx } = this.app;
    ctx.trace.record({
      t: ctx.kernel.now,
      type: 'jobSubmitted',
      job: this.app.jobName,
      engine: 'spark',
      maps: 0,
      reduces: 0,
      action: job.action,
      line: job.line ?? null,
      stages: stages.map((s) => s.id),
    });
  }

  stageSkipped(stage: Stage): void {
    const { ctx, log, costs } = this.app;
    this.app.counters.stagesSkipped++;
    ctx.trace.record({
      t: ctx.kernel.now,
      type: 'stageSkipped',
      job: this.app.jobName,
      stage: stage.id,
      rdd: stage.rdd,
      name: stageName(log, stage.rdd),
      parents: stage.parents,
      tasks: stageTasks(log, stage),
      ops: stageOps(log, stage, costs.persisted),
    });
  }

  stagesResubmitted(stages: readonly Stage[]): void {
    const { ctx } = this.app;
    ctx.trace.record({
      t: ctx.kernel.now,
      type: 'stageResubmitted',
      job: this.app.jobName,
      stages: stages.map((s) => s.id),
      reason: 'fetch failure',
    });
  }

  runStage(stage: Stage, onDone: () => void): void {
    const app = this.app;
    const { ctx, log, costs } = app;
    const { kernel, trace } = ctx;
    const job = app.currentJob;
    const stageAttempt = stage.attempts - 1;
    app.counters.stagesRun++;
    trace.record({
      t: kernel.now,
      type: 'stageSubmitted',
      job: app.jobName,
      stage: stage.id,
      rdd: stage.rdd,
      name: stageName(log, stage.rdd),
      tasks: stage.partitions.length,
      parents: stage.parents,
      attempt: stageAttempt,
      ops: stageOps(log, stage, costs.persisted),
    });
    const failed = job?.failed;
    const failingIndex =
      failed && failed.shuffleId === stage.shuffleId ? stage.partitions.indexOf(failed.partition) : -1;
    const failReason = failed ? `${failed.error.errorName}: ${failed.error.detail}` : '';
    const taskSet = stageAttempt > 0 ? `stage-${stage.id}.${stageAttempt}` : `stage-${stage.id}`;
    app.stageSets.push(taskSet);
    costs.newStage();
    /** The cost walk of each task's latest launch, then of each attempt (by attempt id). */
    // The stage's tasks spread over the executors' nodes share each node's disks and network.
    const execNodes = new Set(app.pool.executors.filter((e) => e.alive).map((e) => e.node.id)).size;
    const launching = new Map<number, PartitionWork>();
    /** Partition p's shuffle files (a map stage) or its HDFS part file (saveAsTextFile). */
    const written = (p: number): Partial<TaskIo> => {
      if (stage.shuffleId !== null) {
        const sh = log.shuffles[stage.shuffleId]!;
        let bytes = 0;
        let records = 0;
        for (let r = 0; r < sh.numReduces; r++) {
          bytes += sh.bytes[p * sh.numReduces + r] ?? 0;
          records += sh.records[p * sh.numReduces + r] ?? 0;
        }
        return { shuffleWriteBytes: bytes, shuffleWriteRecords: records };
      }
      if (!job?.output) return {};
      const info = log.rdds[stage.rdd]!;
      return { outputBytes: info.bytes[p] ?? 0, outputRecords: Math.max(0, info.records[p] ?? 0) };
    };
    const works = new Map<string, PartitionWork>();
    const tasks: SimTask[] = stage.partitions.map((p, i) => {
      const pr = costs.prefs(stage.rdd, p);
      return {
        id: `s${stage.id}.t${p}`,
        index: i,
        preferredNodes: pr.nodes,
        preferredExecutors: pr.execs,
        cost(node, _locality, executor) {
          const c = { ...ZERO_COST };
          const work: PartitionWork = { reads: [], io: noIo(), metrics: { ...ZERO_IO }, after: [] };
          costs.add(stage.rdd, p, node, executor, c, work);
          if (stage.shuffleId !== null) {
            const sh = log.shuffles[stage.shuffleId]!;
            let bytes = 0;
            for (let r = 0; r < sh.numReduces; r++) bytes += sh.bytes[p * sh.numReduces + r] ?? 0;
            // A map-side combine leaves a record per key: charged by keys, not by the data's size.
            if (sh.combined) bytes *= ctx.cost.keyedFraction;
            // Serialised (CPU) and written to the local disk.
            c.compute += ctx.cost.cpuMs(node, { bytes });
            c.spill += ctx.cost.diskWriteMs(node, bytes);
          } else if (job?.output) {
            c.write += ctx.hdfs.writeMs(
              node.id,
              costs.pipelineFrom(node),
              log.rdds[stage.rdd]!.bytes[p]! * costs.weight(stage.rdd),
            );
          } else {
            // The result goes back to the driver, on the client outside the cluster.
            // An action that folds a partition to one value (reduce, count, ...) sends a value, not data.
            const weight = job && FOLDING_ACTIONS.has(job.action) ? ctx.cost.keyedFraction : costs.weight(stage.rdd);
            c.write +=
              ctx.cost.networkMs(node, node, (job?.resultBytes[i] ?? 0) * weight) +
              ctx.cluster.network.crossRackLatencyMs;
          }
          const share = ioShare(stage.partitions.length, execNodes, node.cores);
          c.read *= share;
          c.shuffle *= share;
          c.spill *= share;
          c.write *= share;
          launching.set(i, work);
          return c;
        },
      };
    });
    app.scheduler.submit({
      id: taskSet,
      tasks,
      maxAttempts: app.maxAttempts,
      localityWaitMs: app.conf.localityWaitMs,
      speculation: app.conf.speculation
        ? { multiplier: app.conf.speculationMultiplier, quantile: app.conf.speculationQuantile }
        : null,
      failAttempt: (task) => (task.index === failingIndex ? failReason : null),
      fetchFailure(task, record) {
        const work = launching.get(task.index)!;
        const failure = app.fetches.launched(record, work.reads, stage.partitions[task.index]!);
        // What a failed fetch read is not counted; an attempt that runs counts what it reads.
        if (failure === null) {
          addIo(app.io, work.io);
          record.io = { ...work.metrics };
          works.set(record.attemptId, work);
        }
        return failure;
      },
      onAborted(task, reason) {
        // The learner's failing task ends the driver as the driver's log says; one that failed for
        // a simulated reason alone (a block with no live replica it can reach) aborts the job here.
        app.jobFailed(task.id, reason, task.index === failingIndex ? null : new Error(reason));
      },
      onFetchFailed(task, record, reason) {
        app.fetchFailed(stage, stageAttempt, task.id, record, reason);
      },
      onTaskFinished(task, attempt) {
        app.fetches.ended(attempt.attemptId);
        const work = works.get(attempt.attemptId);
        works.delete(attempt.attemptId);
        for (const f of work?.after ?? []) f();
        const fetched = new Map<string, number>();
        for (const r of work?.reads ?? [])
          if (r.bytes > 0) fetched.set(r.from ?? attempt.node, (fetched.get(r.from ?? attempt.node) ?? 0) + r.bytes);
        for (const [from, bytes] of fetched) {
          trace.record({
            t: kernel.now,
            type: 'shuffleFetched',
            job: app.jobName,
            task: task.id,
            attempt: attempt.attempt,
            from,
            to: attempt.node,
            bytes,
          });
        }
        const p = stage.partitions[task.index]!;
        // What it wrote counts once it succeeded (Spark's Shuffle Write and Output metrics).
        Object.assign(attempt.io, written(p));
        if (stage.shuffleId !== null) app.outputs.register(stage.shuffleId, p, attempt.node);
        else app.dag.resultPartitionFinished(p);
      },
      onFinished() {
        trace.record({ t: kernel.now, type: 'stageCompleted', job: app.jobName, stage: stage.id });
        onDone();
      },
    });
  }
}
