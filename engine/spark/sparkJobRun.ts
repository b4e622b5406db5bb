/**
 * A Spark application on the simulated cluster (Cookbook 20.2.1, 20.2.10): the driver program
 * runs in the sandbox first (real results and a log of jobs), then each job is replayed: the
 * DAGScheduler cuts stages, the TaskScheduler places tasks on the cores of executors living in
 * YARN containers (executorPool.ts) with locality levels and delay scheduling
 * (spark.locality.wait 3 s), input partitions are read from HDFS's closest replicas, cached
 * partitions live in executor memory with LRU eviction, and a lost executor loses its cached
 * blocks and shuffle outputs, which are recomputed from lineage when needed. A task whose code
 * threw in the sandbox fails every attempt (spark.task.maxFailures); its job then fails.
 */
import { InputPathError } from '../exec/hdfsInputs';
import { encodeUtf8 } from '../core';
import type { ClusterNode } from '../cluster';
import type { BlockInfo } from '../hdfs';
import type { JobContext } from '../exec/jobContext';
import { ExecutorPool } from './executorPool';
import { readCost } from '../exec/hdfsInputs';
import { TaskScheduler } from './taskScheduler';
import { ZERO_COST, type CostBreakdown } from '../exec/taskTypes';
import type { SimTask } from './simTask';
import { errorFromData } from '../sandbox/jobCodeError';
import type { TaskRunner } from '../sandbox/taskRunner';
import type { JobRunReport } from '../api/jobTypes';
import { BlockManager } from './blockManager';
import { DagScheduler, type Stage } from './dagScheduler';
import type { RddInfo, SparkLog } from './jobRecord';

type SparkReport = Omit<JobRunReport, 'trace' | 'snapshots' | 'generatedInputs'>;

/** The job that failed and ended the application: its task, the learner's error, where attempts failed. */
export interface SparkJobFailure {
  task: string;
  error: Error;
  /** The nodes of the task's failed attempts, in order. */
  nodes: string[];
}

/** Every file in HDFS with its size: what textFile needs to cut partitions. */
function catalogOf(ctx: JobContext): { path: string; length: number; blockSize: number }[] {
  const out: { path: string; length: number; blockSize: number }[] = [];
  const walk = (dir: string) => {
    for (const f of ctx.hdfs.ls(dir)) {
      if (f.type === 'dir') walk(f.path);
      else out.push({ path: f.path, length: f.length, blockSize: f.blockSize });
    }
  };
  walk('/');
  return out;
}

export async function runSparkJob(
  ctx: JobContext,
  runner: TaskRunner,
  options: { maxAttempts: number },
): Promise<SparkReport & { failure: SparkJobFailure | null }> {
  const { kernel, cluster, cost, hdfs } = ctx;
  const out = await runner.runSparkDriver({
    catalog: catalogOf(ctx),
    readFiles: async (path) => {
      const st = hdfs.stat(path);
      const files = st.type === 'file' ? [st] : hdfs.ls(path).filter((f) => f.type === 'file');
      return files.map((f) => ({ path: f.path, bytes: hdfs.read(f.path), blockSize: f.blockSize }));
    },
  });
  if (out.missingInput !== undefined) throw new InputPathError(out.missingInput, 'sc.textFile');
  const log = out.jobs[0] as SparkLog;
  const appName = 'spark';
  const trace = ctx.trace;

  const blocks = new BlockManager(kernel, trace);
  const mapOutput = log.shuffles.map((s) => new Array<string | null>(s.numMaps).fill(null));
  let bytesLocal = 0;
  let bytesRemote = 0;
  let shuffleLocal = 0;
  let shuffleRemote = 0;
  let cacheHits = 0;
  let stagesRun = 0;
  let stagesSkipped = 0;
  const execNode = (e: string) => pool.executors.find((x) => x.id === e)!.node.id;
  let scheduler: TaskScheduler | null = null;
  // Client mode: the driver (SparkContext) runs on the client and asks YARN for the executors.
  trace.record({ t: kernel.now, type: 'driverStarted', app: appName, host: 'client' });
  const pool = new ExecutorPool(
    ctx,
    appName,
    (e) => {
      scheduler?.nodeDied(e.node.id);
      blocks.executorLost(e.id);
      for (const outs of mapOutput) outs.forEach((n, m) => n === e.node.id && (outs[m] = null));
    },
    () => scheduler?.wake(),
  );
  ctx.drive(() => pool.ready);
  trace.record({
    t: kernel.now,
    type: 'executorsRegistered',
    app: appName,
    executors: pool.executors.filter((e) => e.alive).map((e) => e.id),
  });
  const sched = new TaskScheduler(kernel, cluster, pool, trace, () => ctx.noteTaskEvent());
  scheduler = sched;

  let persisted = new Set<number>();
  /** The file's blocks, listed once per stage (a listing per partition made textFile stages P × B). */
  let stageBlocks = new Map<string, BlockInfo[]>();
  const blockAt = (file: string, from: number): BlockInfo | undefined => {
    let blocks = stageBlocks.get(file);
    if (!blocks) stageBlocks.set(file, (blocks = hdfs.blocks(file)));
    // The last block starting at or before `from` (blocks are in file order).
    let lo = 0;
    let hi = blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (blocks[mid]!.offset <= from) lo = mid + 1;
      else hi = mid;
    }
    const b = blocks[lo - 1];
    return b && from >= b.offset && from < b.offset + Math.max(1, b.length) ? b : undefined;
  };
  const prefs = (rdd: number, p: number): { nodes: string[]; execs: string[] } => {
    const info = log.rdds[rdd]!;
    const key = `${rdd}:${p}`;
    const e = persisted.has(rdd) ? blocks.at(key) : undefined;
    if (e !== undefined) {
      return { nodes: [execNode(e)], execs: [e] };
    }
    if (info.source) {
      const [from, to] = info.source.ranges[p] ?? [0, 0];
      const file = info.source.files[p]!;
      const b = blockAt(file, from);
      return { nodes: b && to >= from ? [...b.replicas] : [], execs: [] };
    }
    const d = info.deps[0];
    if (d && d.kind === 'narrow') return prefs(d.parent, (d.parents?.[p] ?? [p])[0] ?? 0);
    return { nodes: [], execs: [] };
  };

  /** Cost of producing partition p of rdd on node/executor, walking narrow lineage; caches on the way. */
  const partitionCost = (
    rdd: number,
    p: number,
    node: ClusterNode,
    executor: string,
    c: CostBreakdown,
    after: (() => void)[],
    fetched: Map<string, number>,
  ) => {
    const info = log.rdds[rdd]!;
    const key = `${rdd}:${p}`;
    const at = persisted.has(rdd) ? blocks.at(key) : undefined;
    if (at !== undefined) {
      cacheHits++;
      if (at !== executor) c.read += cost.networkMs(cluster.node(execNode(at)), node, info.bytes[p]!);
      after.push(() => blocks.touch(key, at));
      return;
    }
    c.compute += cost.cpuMs(node, { records: info.records[p]! });
    if (info.source) {
      const [from, to] = info.source.ranges[p]!;
      const r = readCost(hdfs, info.source.files[p]!, from, to, node.id);
      c.read += r.ms;
      bytesLocal += r.localBytes;
      bytesRemote += r.remoteBytes;
    }
    for (const d of info.deps) {
      if (d.kind === 'narrow')
        for (const q of d.parents ? (d.parents[p] ?? []) : [p])
          partitionCost(d.parent, q, node, executor, c, after, fetched);
      else {
        const sh = log.shuffles[d.shuffleId]!;
        for (let m = 0; m < sh.numMaps; m++) {
          const bytes = sh.bytes[m * sh.numReduces + p] ?? 0;
          const src = cluster.node(mapOutput[d.shuffleId]![m] ?? node.id);
          c.shuffle += bytes > 0 ? cost.readMs(node, src, bytes) : 0;
          if (bytes > 0) fetched.set(src.id, (fetched.get(src.id) ?? 0) + bytes);
          if (src === node) shuffleLocal += bytes;
          else shuffleRemote += bytes;
        }
      }
    }
    if (persisted.has(rdd)) after.push(() => blocks.put(key, executor, node, info.bytes[p]!));
  };

  /** saveAsTextFile's write: a pipeline from the executor's node to two replicas on another rack (HDFS's placement). */
  const pipelineFrom = (node: ClusterNode): string[] => {
    const others = cluster.nodes.filter((n) => n !== node && cluster.isReachable(n));
    const remote = others.filter((n) => n.rack !== node.rack);
    const second = (remote.length > 0 ? remote : others)[0];
    const third = second ? others.find((n) => n !== second && n.rack === second.rack) : undefined;
    return [node.id, ...(second ? [second.id] : []), ...(third ? [third.id] : [])];
  };

  let currentJob = log.jobs[0];
  const jobName = () => `spark-job-${currentJob?.id ?? 0}`;
  const dag = new DagScheduler(
    log,
    {
      missingMapOutputs: (sid) => mapOutput[sid]!.flatMap((n, m) => (n === null ? [m] : [])),
      isCached: (rdd, p) => blocks.at(`${rdd}:${p}`) !== undefined,
    },
    {
      jobStarted(job, stages) {
        trace.record({
          t: kernel.now,
          type: 'jobSubmitted',
          job: jobName(),
          engine: 'spark',
          maps: 0,
          reduces: 0,
          action: job.action,
          line: job.line ?? null,
          stages: stages.map((s) => s.id),
        });
      },
      stageSkipped(stage) {
        stagesSkipped++;
        trace.record({
          t: kernel.now,
          type: 'stageSkipped',
          job: jobName(),
          stage: stage.id,
          rdd: stage.rdd,
          name: stageName(log, stage.rdd),
          parents: stage.parents,
          tasks: stageTasks(log, stage),
          ops: stageOps(log, stage, persisted),
        });
      },
      runStage(stage: Stage, onDone) {
        stagesRun++;
        trace.record({
          t: kernel.now,
          type: 'stageSubmitted',
          job: jobName(),
          stage: stage.id,
          rdd: stage.rdd,
          name: stageName(log, stage.rdd),
          tasks: stage.partitions.length,
          parents: stage.parents,
          attempt: stage.attempts - 1,
          ops: stageOps(log, stage, persisted),
        });
        const failed = currentJob?.failed;
        const failingIndex =
          failed && failed.shuffleId === stage.shuffleId ? stage.partitions.indexOf(failed.partition) : -1;
        const failReason = failed ? `${failed.error.errorName}: ${failed.error.detail}` : '';
        const taskSet = stage.attempts > 1 ? `stage-${stage.id}.${stage.attempts - 1}` : `stage-${stage.id}`;
        stageSets.push(taskSet);
        stageBlocks = new Map();
        const afters = new Map<number, (() => void)[]>();
        const fetches = new Map<number, Map<string, number>>();
        const tasks: SimTask[] = stage.partitions.map((p, i) => {
          const pr = prefs(stage.rdd, p);
          return {
            id: `s${stage.id}.t${p}`,
            index: i,
            preferredNodes: pr.nodes,
            preferredExecutors: pr.execs,
            cost(node, _locality, executor) {
              const c = { ...ZERO_COST };
              const after: (() => void)[] = [];
              const fetched = new Map<string, number>();
              partitionCost(stage.rdd, p, node, executor, c, after, fetched);
              if (stage.shuffleId !== null) {
                const sh = log.shuffles[stage.shuffleId]!;
                let bytes = 0;
                for (let r = 0; r < sh.numReduces; r++) bytes += sh.bytes[p * sh.numReduces + r] ?? 0;
                c.spill += cost.diskWriteMs(node, bytes);
              } else if (currentJob?.output) {
                c.write += hdfs.writeMs(node.id, pipelineFrom(node), log.rdds[stage.rdd]!.bytes[p]!);
              } else {
                // The result goes back to the driver, on the client outside the cluster.
                c.write +=
                  cost.networkMs(node, node, currentJob?.resultBytes[i] ?? 0) + cluster.network.crossRackLatencyMs;
              }
              afters.set(i, after);
              fetches.set(i, fetched);
              return c;
            },
          };
        });
        sched.submit({
          id: taskSet,
          tasks,
          maxAttempts: options.maxAttempts,
          localityWaitMs: 3000,
          speculation: false,
          failAttempt: (task) => (task.index === failingIndex ? failReason : null),
          onAborted(task, reason) {
            trace.record({ t: kernel.now, type: 'jobFailed', job: jobName(), task: task.id, reason });
            for (const id of stageSets) sched.cancel(id, `job ${jobName()} failed`);
            jobFailedTask = task.id;
          },
          onTaskFinished(task, attempt) {
            for (const f of afters.get(task.index) ?? []) f();
            for (const [from, bytes] of fetches.get(task.index) ?? []) {
              trace.record({
                t: kernel.now,
                type: 'shuffleFetched',
                job: jobName(),
                task: task.id,
                attempt: attempt.attempt,
                from,
                to: attempt.node,
                bytes,
              });
            }
            if (stage.shuffleId !== null) mapOutput[stage.shuffleId]![stage.partitions[task.index]!] = attempt.node;
          },
          onFinished() {
            trace.record({ t: kernel.now, type: 'stageCompleted', job: jobName(), stage: stage.id });
            onDone();
          },
        });
      },
    },
  );

  let stageSets: string[] = [];
  let jobFailedTask: string | null = null;
  let failure: SparkJobFailure | null = null;
  for (const job of log.jobs) {
    currentJob = job;
    persisted = new Set(job.persisted);
    stageSets = [];
    jobFailedTask = null;
    let done = false;
    const startMs = kernel.now;
    dag.runJob(job, () => {
      done = true;
    });
    ctx.drive(() => done || jobFailedTask !== null);
    if (jobFailedTask === null) {
      trace.record({ t: kernel.now, type: 'jobFinished', job: jobName(), ms: kernel.now - startMs });
    } else if (log.aborted && job === log.jobs[log.jobs.length - 1]) {
      const task = jobFailedTask;
      const nodes = sched.attempts.filter((a) => a.task === task && a.status === 'failed').map((a) => a.node);
      failure = { task, error: errorFromData(job.failed!.error), nodes };
    }
  }
  pool.finish(failure ? 'failed' : 'succeeded');
  if (!failure) for (const w of out.written) hdfs.put(w.path, encodeUtf8(w.text), { overwrite: true });
  const attempts = sched.attempts;
  const shuffleBytes = shuffleLocal + shuffleRemote;
  const killed = attempts.filter((a) => a.status === 'killed').length;
  const failedCount = attempts.filter((a) => a.status === 'failed').length;
  const at = (l: string) => attempts.filter((a) => a.locality === l).length;
  return {
    kind: 'spark',
    result: failure ? null : out.result,
    simulatedMs: kernel.now,
    metrics: {
      kind: 'spark',
      jobs: log.jobs.length,
      tasks: attempts.length - killed - failedCount,
      attempts: attempts.length,
      killedAttempts: killed,
      failedAttempts: failedCount,
      bytesReadLocal: bytesLocal,
      bytesReadRemote: bytesRemote,
      shuffleBytes,
      shuffleBytesLocal: shuffleLocal,
      shuffleBytesRemote: shuffleRemote,
      counters: {
        STAGES_RUN: stagesRun,
        STAGES_SKIPPED: stagesSkipped,
        CACHE_HITS: cacheHits,
        BLOCKS_EVICTED: blocks.evictions,
        PROCESS_LOCAL_TASKS: at('PROCESS_LOCAL'),
        NODE_LOCAL_TASKS: at('NODE_LOCAL'),
        RACK_LOCAL_TASKS: at('RACK_LOCAL'),
        ANY_TASKS: at('ANY'),
      },
    },
    attempts,
    failure,
  };
}

/** Partitions a stage computes in full (what a skipped stage would have run). */
function stageTasks(log: SparkLog, stage: Stage): number {
  return stage.shuffleId === null ? stage.partitions.length : log.shuffles[stage.shuffleId]!.numMaps;
}

/** The RDD operations a stage pipelines, as Spark's UI draws them inside the stage (cached: persisted). */
function stageOps(
  log: SparkLog,
  stage: Stage,
  persisted: Set<number>,
): { rdd: number; name: string; cached: boolean }[] {
  return stage.rdds.map((id) => ({ rdd: id, name: log.rdds[id]!.name, cached: persisted.has(id) }));
}

/**
 * A stage's name as Spark's UI would show its operations: the RDDs it pipelines, from the one
 * after the shuffle (or the input) to its last, e.g. "reduceByKey → mapValues".
 */
function stageName(log: SparkLog, rdd: number): string {
  const names: string[] = [];
  let current: number | undefined = rdd;
  while (current !== undefined && names.length < 8) {
    const info: RddInfo | undefined = log.rdds[current];
    if (!info) break;
    names.push(info.name);
    const narrow: RddInfo['deps'][number] | undefined = info.deps.find((d) => d.kind === 'narrow');
    current = narrow?.parent;
  }
  return names.reverse().join(' → ');
}
